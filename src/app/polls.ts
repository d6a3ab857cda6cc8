import type { Actor, BaseContext } from '../core/context.ts';
import { PermissionError, UserError } from '../core/errors.ts';
import { md } from '../core/markup.ts';
import type { MessageRef } from '../core/reply.ts';
import { claimRef, type Claim } from '../domain/claims.ts';
import type { HideMode, Poll } from '../domain/polls.ts';
import { nowIso } from './lookup.ts';
import { assertTakesCredences } from './credences.ts';

type Ctx = Pick<BaseContext, 'services' | 'workspace' | 'actor'>;

/** Opens a poll on an open claim; one open poll per claim. */
export async function openPoll(ctx: Ctx, claim: Claim, options: { channel: string; hide: HideMode; closesAt?: Date }): Promise<Poll> {
  const { store } = ctx.services;
  const at = nowIso(ctx);
  // The check and the insert in one transaction: two people opening a poll at once get one poll.
  return await store.transaction(async (tx) => {
    assertTakesCredences((await tx.claims.byId(ctx.workspace, claim.id)) ?? claim);
    if (await tx.polls.openForClaim(ctx.workspace, claim.id)) {
      throw new UserError(
        md`${claimRef(claim)} already has an open poll. Vote there, or close it first with \`/poll close ${claimRef(claim)}\`.`,
        'poll.already-open',
      );
    }
    const poll = await tx.polls.insert({
      workspace: ctx.workspace,
      claimId: claim.id,
      channel: options.channel,
      hide: options.hide,
      createdBy: ctx.actor.id,
      createdByName: ctx.actor.name,
      createdAt: at,
      ...(options.closesAt ? { closesAt: options.closesAt.toISOString() } : {}),
      baselineCredenceId: await tx.credences.newestId(),
    });
    await tx.audit.record({
      workspace: ctx.workspace,
      actorId: ctx.actor.id,
      action: 'poll.open',
      entity: claimRef(claim),
      after: { poll: poll.id, hide: poll.hide, closesAt: poll.closesAt ?? null },
      at,
    });
    return poll;
  });
}

/**
 * Remembers where the platform posted the poll message, so later votes and the closer can edit it. Not
 * audited: it records a fact about delivery, not a change anyone made.
 */
export async function rememberPollMessage(ctx: Pick<BaseContext, 'services'>, poll: Poll, ref: MessageRef): Promise<void> {
  await ctx.services.store.polls.setMessage(poll.workspace, poll.id, ref);
}

export function canClosePoll(actor: Actor, poll: Poll): boolean {
  return actor.id === poll.createdBy || actor.isModerator === true;
}

/**
 * Closes a poll with its audit row; `false` when it was closed already. `by` is the person closing it
 * early, or `cruxbot` when its time came.
 */
export async function closePoll(
  services: Pick<BaseContext['services'], 'store' | 'clock'>,
  poll: Poll,
  by: Actor | 'cruxbot',
): Promise<boolean> {
  if (by !== 'cruxbot' && !canClosePoll(by, poll)) {
    throw new PermissionError(md`Only ${poll.createdByName}, who opened this poll, or a moderator can close it early.`, 'poll.not-owner');
  }
  const { store } = services;
  const at = services.clock().toISOString();
  const actorId = by === 'cruxbot' ? 'cruxbot' : by.id;
  return await store.transaction(async (tx) => {
    if (!(await tx.polls.close(poll.workspace, poll.id, at, actorId))) return false;
    await tx.audit.record({
      workspace: poll.workspace,
      actorId,
      action: 'poll.close',
      entity: `C${poll.claimNumber}`,
      after: { poll: poll.id, ...(by === 'cruxbot' ? { reason: 'closing time' } : {}) },
      at,
    });
    return true;
  });
}
