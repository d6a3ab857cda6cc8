import type { BaseContext } from '../core/context.ts';
import { UserError } from '../core/errors.ts';
import { md } from '../core/markup.ts';
import { assertCanModifyClaim, claimRef, type Claim, type ClaimStatus } from '../domain/claims.ts';
import type { Poll } from '../domain/polls.ts';
import type { Outcome } from '../domain/resolutions.ts';
import { nowIso } from './lookup.ts';

type Ctx = Pick<BaseContext, 'services' | 'workspace' | 'actor'>;

const STATUS_OF: Record<Outcome, ClaimStatus> = {
  true: 'resolved-true',
  false: 'resolved-false',
  ambiguous: 'resolved-ambiguous',
};

/**
 * Resolves a claim true, false or ambiguous (its author or a moderator), closing its open poll. Credences
 * on it are then closed and scored (ambiguous claims are not scored).
 */
export async function resolveClaim(ctx: Ctx, claim: Claim, outcome: Outcome): Promise<{ claim: Claim; closedPoll?: Poll }> {
  assertCanModifyClaim(ctx.actor, claim, 'resolve');
  if (claim.status === 'retracted') throw new UserError(md`${claimRef(claim)} is retracted; it cannot be resolved.`, 'claim.retracted');
  if (claim.status !== 'open') {
    throw new UserError(
      md`${claimRef(claim)} is already resolved (${claim.status.replace('resolved-', '')}). To change it, undo first: \`/claim resolve ${claimRef(claim)} undo\`.`,
      'claim.already-resolved',
    );
  }
  const { store } = ctx.services;
  const at = nowIso(ctx);
  return await store.transaction(async (tx) => {
    await tx.claims.setStatus(ctx.workspace, claim.id, STATUS_OF[outcome], at);
    await tx.resolutions.insert({
      workspace: ctx.workspace,
      claimId: claim.id,
      outcome,
      resolvedBy: ctx.actor.id,
      resolvedByName: ctx.actor.name,
      resolvedAt: at,
    });
    await tx.audit.record({
      workspace: ctx.workspace,
      actorId: ctx.actor.id,
      action: 'claim.resolve',
      entity: claimRef(claim),
      before: { status: claim.status },
      after: { status: STATUS_OF[outcome] },
      at,
    });
    const poll = await tx.polls.openForClaim(ctx.workspace, claim.id);
    if (poll && (await tx.polls.close(ctx.workspace, poll.id, at, ctx.actor.id))) {
      await tx.audit.record({
        workspace: ctx.workspace,
        actorId: ctx.actor.id,
        action: 'poll.close',
        entity: claimRef(claim),
        after: { poll: poll.id, reason: 'claim resolved' },
        at,
      });
    }
    const updated = (await tx.claims.byId(ctx.workspace, claim.id))!;
    return poll ? { claim: updated, closedPoll: (await tx.polls.byId(ctx.workspace, poll.id))! } : { claim: updated };
  });
}

/** Undoes a claim's resolution (its author or a moderator): it is open again and takes credences. */
export async function unresolveClaim(ctx: Ctx, claim: Claim): Promise<Claim> {
  assertCanModifyClaim(ctx.actor, claim, 'reopen');
  const { store } = ctx.services;
  const current = await store.resolutions.current(ctx.workspace, claim.id);
  if (!claim.status.startsWith('resolved-') || !current) {
    throw new UserError(md`${claimRef(claim)} is not resolved; there is nothing to undo.`, 'claim.not-resolved');
  }
  const at = nowIso(ctx);
  return await store.transaction(async (tx) => {
    await tx.claims.setStatus(ctx.workspace, claim.id, 'open', at);
    await tx.resolutions.undo(ctx.workspace, current.id, ctx.actor.id, at);
    await tx.audit.record({
      workspace: ctx.workspace,
      actorId: ctx.actor.id,
      action: 'claim.unresolve',
      entity: claimRef(claim),
      before: { status: claim.status },
      after: { status: 'open' },
      at,
    });
    return (await tx.claims.byId(ctx.workspace, claim.id))!;
  });
}
