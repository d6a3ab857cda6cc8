import type { Actor, BaseContext } from '../core/context.ts';
import { PermissionError, UserError } from '../core/errors.ts';
import { md } from '../core/markup.ts';
import type { MessageRef } from '../core/reply.ts';
import { claimRef, type Claim } from '../domain/claims.ts';
import { closingReminderAt, pollRef, type HideMode, type Poll, type PollKind, type PollVote } from '../domain/polls.ts';
import { optionLetter } from '../domain/credences/choice.ts';
import type { Debate } from '../domain/debates.ts';
import { addClaim } from './claims.ts';
import { setResolveBy } from './forecasts.ts';
import { nowIso } from './lookup.ts';
import { assertTakesCredences } from './credences.ts';

type Ctx = Pick<BaseContext, 'services' | 'workspace' | 'actor'>;

/** Opens a poll on an open claim; one open poll per claim. */
export async function openPoll(
  ctx: Ctx,
  claim: Claim,
  options: { channel: string; hide: HideMode; closesAt?: Date; kind?: PollKind; choices?: readonly string[] },
): Promise<Poll> {
  const { store } = ctx.services;
  const at = nowIso(ctx);
  const reminder = closingReminderAt(new Date(at), options.closesAt);
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
      kind: options.kind ?? 'binary',
      ...(options.kind === 'choice' ? { options: options.choices ?? [] } : {}),
      ...(reminder ? { closingReminderAt: reminder.toISOString() } : {}),
    });
    await tx.audit.record({
      workspace: ctx.workspace,
      actorId: ctx.actor.id,
      action: 'poll.open',
      entity: claimRef(claim),
      after: {
        poll: poll.id,
        hide: poll.hide,
        closesAt: poll.closesAt ?? null,
        ...(poll.kind === 'choice' ? { kind: 'choice', options: poll.options } : {}),
      },
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

export interface RecordedVote {
  readonly vote: PollVote;
  readonly previous?: PollVote;
  /** False when it was the same as before: nothing new is stored. */
  readonly changed: boolean;
}

/** Refuses a vote on a closed poll, or a choice vote on a binary one. */
function assertTakesVotes(poll: Poll): void {
  if (poll.closedAt) {
    throw new UserError(md`${pollRef(poll)} closed; votes are no longer taken. The final result is on the poll.`, 'poll.closed');
  }
  if (poll.kind !== 'choice') {
    throw new UserError(md`${pollRef(poll)} is a yes/no poll: vote with one credence, e.g. \`/poll vote ${pollRef(poll)} 70\`.`, 'poll.not-choice');
  }
}

/** Appends the actor's credences per option to a choice poll, with its audit row; the same vote twice stores nothing. */
export async function recordChoiceVote(ctx: Ctx, poll: Poll, credences: readonly number[]): Promise<RecordedVote> {
  assertTakesVotes(poll);
  const at = nowIso(ctx);
  return await ctx.services.store.transaction(async (tx) => {
    const current = (await tx.polls.byId(ctx.workspace, poll.id)) ?? poll;
    assertTakesVotes(current);
    const previous = (await tx.polls.votes(ctx.workspace, poll.id)).find((v) => v.userId === ctx.actor.id);
    if (previous && previous.credences.every((p, i) => Math.abs(p - (credences[i] ?? 0)) < 1e-12)) return { vote: previous, previous, changed: false };
    const vote = await tx.polls.vote({ workspace: ctx.workspace, pollId: poll.id, userId: ctx.actor.id, userName: ctx.actor.name, credences: [...credences], at });
    await tx.audit.record({
      workspace: ctx.workspace,
      actorId: ctx.actor.id,
      action: 'poll.vote',
      entity: pollRef(poll),
      ...(previous ? { before: { credences: previous.credences } } : {}),
      after: { credences },
      at,
    });
    return { vote, ...(previous ? { previous } : {}), changed: true };
  });
}

/**
 * Resolves a choice poll to one of its options (whoever opened it, or a moderator), closing it first if
 * it is open; returns the poll as it is now.
 */
export async function resolveChoicePoll(ctx: Ctx, poll: Poll, option: number): Promise<Poll> {
  if (!canClosePoll(ctx.actor, poll)) {
    throw new PermissionError(md`Only ${poll.createdByName}, who opened ${pollRef(poll)}, or a moderator can resolve it.`, 'poll.not-owner');
  }
  if (poll.kind !== 'choice') {
    throw new UserError(md`${pollRef(poll)} is a yes/no poll: resolve its claim with \`/claim resolve C${poll.claimNumber} true\`.`, 'poll.not-choice');
  }
  if (poll.resolvedOption !== undefined) {
    throw new UserError(
      md`${pollRef(poll)} is resolved already (${optionLetter(poll.resolvedOption)}: ${poll.options[poll.resolvedOption] ?? ''}).`,
      'poll.resolved',
    );
  }
  const at = nowIso(ctx);
  await ctx.services.store.transaction(async (tx) => {
    if (!poll.closedAt) await closePoll(ctx.services, poll, ctx.actor); // a savepoint of this transaction
    if (!(await tx.polls.resolveChoice(ctx.workspace, poll.id, option, ctx.actor.id, at))) {
      throw new UserError(md`${pollRef(poll)} was resolved meanwhile; see \`/poll show ${pollRef(poll)}\`.`, 'poll.resolved');
    }
    await tx.audit.record({
      workspace: ctx.workspace,
      actorId: ctx.actor.id,
      action: 'poll.resolve',
      entity: pollRef(poll),
      after: { option, label: poll.options[option] ?? null },
      at,
    });
  });
  return (await ctx.services.store.polls.byId(ctx.workspace, poll.id))!;
}

/**
 * Opens a poll, in one transaction with what it needs: the question's claim when it is new (a choice
 * poll's question) and the claim's resolve-by date. A choice poll's question must not already have
 * yes/no credences. A failure stores none of it.
 */
export async function openPollWith(
  ctx: Ctx,
  input: {
    claim?: Claim;
    question?: { debate: Debate; text: string; tags: readonly string[] };
    resolveBy?: { at: Date; zone: string };
    poll: { channel: string; hide: HideMode; closesAt?: Date; kind?: PollKind; choices?: readonly string[] };
  },
): Promise<Poll> {
  return await ctx.services.store.transaction(async (tx) => {
    const claim = input.claim ?? (await addClaim(ctx, input.question!));
    if (input.poll.kind === 'choice' && input.claim && (await tx.credences.latestUnconditional(ctx.workspace, claim.id)).length) {
      throw new UserError(
        md`${claimRef(claim)} already has yes/no credences, so it cannot be a choice poll's question; ask it as a new question instead.`,
        'poll.question-has-credences',
      );
    }
    if (input.resolveBy) await setResolveBy(ctx, claim, input.resolveBy.at, input.resolveBy.zone);
    return await openPoll(ctx, claim, input.poll);
  });
}
