import type { Claim } from '../domain/claims.ts';
import { groupReminders, REMIND_AGAIN_MS, type DueReminder, type ResolveBy } from '../domain/forecasts.ts';
import type { Poll } from '../domain/polls.ts';
import { pollTurnout, pollVoters } from '../queries/polls.ts';
import type { Services } from '../services.ts';
import { startRecurring } from './recurring.ts';
import { closingNudge, closingReminder, reminderDigest } from '../views/reminder.ts';

/** One instance queues reminders at a time; a dead holder's lease lapses after this. */
const LEASE_MS = 5 * 60_000;
/** A digest being sent is another instance's for this long; after, whoever runs next sends it. */
const SEND_LEASE_MS = 60_000;
const BATCH = 500;

/** `discord:123` → `discord`; the console's workspace is `local`. */
const platformOf = (workspace: string) => (workspace.includes(':') ? workspace.slice(0, workspace.indexOf(':')) : 'console');

/**
 * A workspace's moderators as user ids, for their copy of the reminders: console names as they are;
 * a Discord role's or Slack user group's members from the platform, when this instance serves it and
 * the platform lets the bot list them. None when no moderators are configured, or they cannot be listed.
 */
export async function moderatorIds(services: Services, workspace: string): Promise<string[]> {
  const moderators = await services.store.settings.moderators(workspace);
  if (!moderators) return [];
  if (moderators.kind === 'names') return [...moderators.names];
  const chat = services.chats.get(platformOf(workspace));
  if (!chat?.groupMembers) return [];
  try {
    return await chat.groupMembers(workspace, moderators.id);
  } catch (error) {
    services.log.warn({ err: error, workspace }, 'could not list the moderators for reminders; reminding authors only');
    return [];
  }
}

/** A choice poll's question needs no reminder once the poll is resolved. */
async function answered(services: Services, r: DueReminder): Promise<boolean> {
  const poll = await services.store.polls.latestForClaim(r.workspace, r.claimId);
  return poll?.kind === 'choice' && poll.resolvedOption !== undefined;
}

/**
 * Step one, under the `reminders` lease: every claim past its resolve-by date moves its next reminder a
 * week on and, in the same transaction, lands in the digest for this run of its author and of each of
 * the workspace's moderators. A crash leaves either both or neither; however long the bot was down,
 * each person gets one digest. Returns how many digests were queued.
 */
export async function queueDueReminders(services: Services, holder: string, now: Date = services.clock()): Promise<number> {
  const { store } = services;
  if (!(await store.state.lease('reminders', holder, LEASE_MS, now.getTime()))) return 0;
  const at = now.toISOString();
  const due = await store.forecasts.dueReminders(at, BATCH);
  const open: DueReminder[] = [];
  // A resolved or retracted claim (or an answered choice question) needs no more reminders.
  for (const r of due) {
    if (r.status !== 'open' || (await answered(services, r))) await store.forecasts.moveReminder(r.workspace, r.claimId, r.remindAt, null);
    else open.push(r);
  }
  let queued = 0;
  const next = new Date(now.getTime() + REMIND_AGAIN_MS).toISOString();
  for (const workspace of new Set(open.map((r) => r.workspace))) {
    const moderators = new Map([[workspace, await moderatorIds(services, workspace)]]);
    const mine = open.filter((r) => r.workspace === workspace);
    await store.transaction(async (tx) => {
      const moved: DueReminder[] = [];
      for (const r of mine) if (await tx.forecasts.moveReminder(r.workspace, r.claimId, r.remindAt, next)) moved.push(r);
      for (const group of groupReminders(moved, moderators)) {
        const claimIds = group.reminders.map((r) => r.claimId);
        if (await tx.forecasts.queueDigest({ workspace, userId: group.userId, dueAt: at, claimIds }, at)) queued++;
      }
    });
  }
  return queued;
}

/**
 * Step two: sends the queued digests this instance can deliver (a platform it serves), each claimed
 * first so no other instance sends it too, and marked sent after. Claims deleted or resolved since are
 * left out; a digest with none left is marked sent without a message. Returns how many were sent.
 */
export async function sendQueuedDigests(services: Services, holder: string, now: Date = services.clock()): Promise<number> {
  const { store } = services;
  let sent = 0;
  for (const digest of await store.forecasts.claimDigests(holder, now.getTime(), 50, SEND_LEASE_MS)) {
    const chat = services.chats.get(platformOf(digest.workspace));
    if (!chat?.sendDirect) continue; // another instance serves that platform: its claim on this lapses to it
    const items: { claim: Claim; due: ResolveBy; choice?: Poll }[] = [];
    for (const id of digest.claimIds) {
      const claim = await store.claims.byId(digest.workspace, id);
      const due = claim?.status === 'open' ? await store.forecasts.resolveBy(digest.workspace, id) : undefined;
      const poll = claim && due ? await store.polls.latestForClaim(digest.workspace, id) : undefined;
      const choice = poll?.kind === 'choice' ? poll : undefined;
      if (choice?.resolvedOption !== undefined) continue; // answered meanwhile
      if (claim && due) items.push({ claim, due, ...(choice ? { choice } : {}) });
    }
    try {
      if (items.length) await chat.sendDirect(digest.workspace, digest.userId, reminderDigest(items, now));
    } catch (error) {
      services.log.warn({ err: error, digest: digest.id }, 'sending a reminder failed; will try again');
      continue;
    }
    await store.forecasts.digestSent(digest.id, now.toISOString());
    if (items.length) sent++;
  }
  return sent;
}

/**
 * Before polls close, under the same lease: each open poll whose before-close reminder is due has it
 * taken and, in the same transaction, lands in one reminder for its channel and one private nudge per
 * person who turned nudges on and has not voted in it. A poll already past its closing time (the bot
 * was down) is not reminded about. Returns how many reminders were queued.
 */
export async function queueClosingReminders(services: Services, holder: string, now: Date = services.clock()): Promise<number> {
  const { store } = services;
  if (!(await store.state.lease('reminders', holder, LEASE_MS, now.getTime()))) return 0;
  const at = now.toISOString();
  const due = await store.polls.dueClosingReminders(at, BATCH);
  let queued = 0;
  for (const workspace of new Set(due.map((p) => p.workspace))) {
    const polls = due.filter((p) => p.workspace === workspace);
    const nudging = await store.forecasts.nudging(workspace);
    await store.transaction(async (tx) => {
      const channels = new Map<string, number[]>();
      const people = new Map<string, number[]>();
      for (const poll of polls) {
        if (!(await tx.polls.takeClosingReminder(workspace, poll.id, poll.closingReminderAt!))) continue;
        if (!poll.closesAt || poll.closesAt <= at) continue; // closing or closed already: too late to remind
        channels.set(poll.channel, [...(channels.get(poll.channel) ?? []), poll.id]);
        const voters = await pollVoters(tx, poll);
        for (const person of nudging.filter((id) => !voters.has(id))) people.set(person, [...(people.get(person) ?? []), poll.id]);
      }
      for (const [target, pollIds] of channels) if (await tx.polls.queueReminder({ workspace, kind: 'channel', target, dueAt: at, pollIds }, at)) queued++;
      for (const [target, pollIds] of people) if (await tx.polls.queueReminder({ workspace, kind: 'person', target, dueAt: at, pollIds }, at)) queued++;
    });
  }
  return queued;
}

/**
 * Sends the queued before-close reminders this instance can deliver, each claimed first and marked
 * sent after (as digests are). Polls closed or deleted since are left out, and so, in a nudge, are
 * polls the person has voted in since; with none left, nothing is sent. Returns how many were sent.
 */
export async function sendClosingReminders(services: Services, holder: string, now: Date = services.clock()): Promise<number> {
  const { store } = services;
  let sent = 0;
  for (const reminder of await store.polls.claimReminders(holder, now.getTime(), 50, SEND_LEASE_MS)) {
    const chat = services.chats.get(platformOf(reminder.workspace));
    if (!chat || (reminder.kind === 'person' && !chat.sendDirect)) continue; // another instance serves it
    const items: { poll: Poll; question: string; voted: number; notVoted: number }[] = [];
    for (const id of reminder.pollIds) {
      const poll = await store.polls.byId(reminder.workspace, id);
      if (!poll || poll.closedAt) continue;
      if (reminder.kind === 'person' && (await pollVoters(store, poll)).has(reminder.target)) continue;
      const question = (await store.claims.byId(reminder.workspace, poll.claimId))?.text ?? '';
      items.push({ poll, question, ...(await pollTurnout(store, poll)) });
    }
    try {
      if (items.length && reminder.kind === 'channel') await chat.post(reminder.target, closingReminder(items, now));
      if (items.length && reminder.kind === 'person') await chat.sendDirect!(reminder.workspace, reminder.target, closingNudge(items, now));
    } catch (error) {
      services.log.warn({ err: error, reminder: reminder.id }, 'sending a poll reminder failed; will try again');
      continue;
    }
    await store.polls.reminderSent(reminder.id, now.toISOString());
    if (items.length) sent++;
  }
  return sent;
}

export const REMINDER_CHECK_INTERVAL_MS = 60_000;

/** Queues and sends reminders now and every minute; timers unref'd, each round counted as work in flight. */
export function startReminders(services: Services, intervalMs = REMINDER_CHECK_INTERVAL_MS): { stop(): void } {
  return startRecurring(services, intervalMs, 'sending reminders failed; will try again', async (holder) => {
    await queueDueReminders(services, holder);
    await queueClosingReminders(services, holder);
    await sendQueuedDigests(services, holder);
    await sendClosingReminders(services, holder);
  });
}
