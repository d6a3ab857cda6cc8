import type { BaseContext } from '../core/context.ts';
import { UserError } from '../core/errors.ts';
import { md } from '../core/markup.ts';
import { claimRef, type Claim } from '../domain/claims.ts';
import { simRunRef, type SimRun, type SimRunKind } from '../domain/sim-runs.ts';
import { nowIso } from './lookup.ts';

type Ctx = Pick<BaseContext, 'services' | 'workspace' | 'actor'>;

/** Keeps a drift run as evidence on a claim, in one transaction with its audit row. */
export async function attachSimRun(
  ctx: Ctx,
  claim: Claim,
  run: { kind: SimRunKind; input: unknown; summary: unknown; headline: string },
): Promise<SimRun> {
  if (claim.status === 'retracted') {
    throw new UserError(md`${claimRef(claim)} is retracted; attach the run to a claim that stands.`, 'sim.claim-retracted');
  }
  const { store } = ctx.services;
  const at = nowIso(ctx);
  return await store.transaction(async (tx) => {
    const saved = await tx.simRuns.insert({ workspace: ctx.workspace, ...run, claimId: claim.id, createdBy: ctx.actor.id, at });
    await tx.audit.record({
      workspace: ctx.workspace,
      actorId: ctx.actor.id,
      action: 'sim.attach',
      entity: `${simRunRef(saved)}->${claimRef(claim)}`,
      after: { kind: run.kind, headline: run.headline, input: run.input },
      at,
    });
    return saved;
  });
}
