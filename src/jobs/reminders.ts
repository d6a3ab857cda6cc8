import type { Claim } from '../domain/claims.ts';
import { groupReminders, REMIND_AGAIN_MS, type ResolveBy } from '../domain/forecasts.ts';
import type { Services } from '../services.ts';
import { startRecurring } from './recurring.ts';
import { reminderDigest } from '../views/reminder.ts';

/** One instance queues reminders at a time; a dead holder's lease lapses after this. */
const LEASE_MS = 5 * 60_000;
/** A digest being sent is another instance's for this long; after, whoever runs next sends it. */
const SEND_LEASE_MS = 60_000;
const BATCH = 500;

/** `discord:123` → `discord`; the console's workspace is `local`. */
const platformOf = (workspace: string) => (workspace.includes(':') ? workspace.slice(0, workspace.indexOf(':')) : 'console');

/**
 * Step one, under the `reminders` lease: every claim past its resolve-by date moves its next reminder a
 * week on and, in the same transaction, lands in its author's digest for this run. A crash leaves either
 * both or neither; however long the bot was down, each person gets one digest. Returns how many were queued.
 */
export async function queueDueReminders(services: Services, holder: string, now: Date = services.clock()): Promise<number> {
  const { store } = services;
  if (!(await store.state.lease('reminders', holder, LEASE_MS, now.getTime()))) return 0;
  const at = now.toISOString();
  const due = await store.forecasts.dueReminders(at, BATCH);
  // A resolved or retracted claim needs no more reminders.
  for (const r of due.filter((r) => r.status !== 'open')) await store.forecasts.moveReminder(r.workspace, r.claimId, r.remindAt, null);
  let queued = 0;
  const next = new Date(now.getTime() + REMIND_AGAIN_MS).toISOString();
  for (const group of groupReminders(due.filter((r) => r.status === 'open'))) {
    await store.transaction(async (tx) => {
      const moved: number[] = [];
      for (const r of group.reminders) if (await tx.forecasts.moveReminder(r.workspace, r.claimId, r.remindAt, next)) moved.push(r.claimId);
      if (
        moved.length &&
        (await tx.forecasts.queueDigest({ workspace: group.workspace, userId: group.userId, dueAt: at, claimIds: moved }, at))
      )
        queued++;
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
    const items: { claim: Claim; due: ResolveBy }[] = [];
    for (const id of digest.claimIds) {
      const claim = await store.claims.byId(digest.workspace, id);
      const due = claim?.status === 'open' ? await store.forecasts.resolveBy(digest.workspace, id) : undefined;
      if (claim && due) items.push({ claim, due });
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

export const REMINDER_CHECK_INTERVAL_MS = 60_000;

/** Queues and sends reminders now and every minute; timers unref'd, each round counted as work in flight. */
export function startReminders(services: Services, intervalMs = REMINDER_CHECK_INTERVAL_MS): { stop(): void } {
  return startRecurring(services, intervalMs, 'sending reminders failed; will try again', async (holder) => {
    await queueDueReminders(services, holder);
    await sendQueuedDigests(services, holder);
  });
}
