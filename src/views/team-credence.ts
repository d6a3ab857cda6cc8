import type { BaseContext } from '../core/context.ts';
import type { Debate } from '../domain/debates.ts';
import type { CredenceLookup } from '../domain/crux-graph.ts';

/**
 * THE SEAM for team credences. The map colours each box by the team's aggregate credence on the claim
 * and the Argdown export writes it as `{credence: …}`; both ask this function. Credence storage and
 * aggregation are built elsewhere: wire them here (return `(claimId) => aggregate median or geometric
 * mean of odds, in [0, 1], or undefined when nobody has given one`, for the claims of `debate`).
 * Until then there are no credences, and the map draws every open claim grey ("no credences yet").
 */
export function teamCredenceLookup(_ctx: Pick<BaseContext, 'services' | 'workspace'>, _debate: Debate): CredenceLookup | undefined {
  return undefined;
}
