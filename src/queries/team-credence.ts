import type { BaseContext } from '../core/context.ts';
import type { Debate } from '../domain/debates.ts';
import type { CredenceLookup } from '../domain/crux-graph.ts';
import type { Claim } from '../domain/claims.ts';
import { aggregatesForClaims, aggregatesForDebate } from './credences.ts';

/**
 * The team's credence on each claim of a debate, for the map's box colours and the Argdown export: the
 * geometric mean of odds of everyone's latest plain credence. Claims nobody rated, and claims whose open
 * poll hides its result, have none (the map draws them grey). Given the claims drawn, only theirs are read.
 */
export async function teamCredenceLookup(
  ctx: Pick<BaseContext, 'services' | 'workspace'>,
  debate: Debate,
  drawn?: readonly Pick<Claim, 'id'>[],
): Promise<CredenceLookup | undefined> {
  const aggregates = drawn
    ? await aggregatesForClaims(ctx.services.store, ctx.workspace, drawn.map((c) => c.id))
    : await aggregatesForDebate(ctx.services.store, ctx.workspace, debate.id);
  if (aggregates.size === 0) return undefined;
  return (claimId) => aggregates.get(claimId)?.geoMeanOdds;
}
