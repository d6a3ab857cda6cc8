import { closePoll } from '../app/polls.ts';
import type { Services } from '../services.ts';
import { startRecurring } from './recurring.ts';
import type { Poll } from '../domain/polls.ts';
import { refreshPollMessage } from '../app/poll-message.ts';

/**
 * Closes every poll whose time has come (in any workspace) and edits its message to show the final
 * result and who moved most. Returns the polls it closed.
 */
export async function closeDuePolls(services: Services, now: Date = services.clock()): Promise<Poll[]> {
  const closed: Poll[] = [];
  for (const due of await services.store.polls.due(now.toISOString())) {
    if (!(await closePoll(services, due, 'cruxbot'))) continue;
    const poll = (await services.store.polls.byId(due.workspace, due.id))!;
    closed.push(poll);
    await refreshPollMessage({ services }, poll);
  }
  return closed;
}

/**
 * Edits the messages other instances queued for the platforms this one serves (a poll closed by an
 * instance without that platform). Each item is claimed for a minute, so two instances never both edit it,
 * and an instance that dies holding one leaves it to the next.
 */
export async function drainOutbox(services: Services, holder: string): Promise<number> {
  const platforms = [...services.chats.keys()];
  if (platforms.length === 0) return 0;
  let done = 0;
  for (const item of await services.store.state.claimOutbox(platforms, holder, Date.now(), 50, 60_000)) {
    const poll = await services.store.polls.byId(item.workspace, Number(item.ref));
    if (poll && (await refreshPollMessage({ services }, poll))) done++;
    await services.store.state.doneOutbox(item.id);
  }
  return done;
}

export interface PollCloser {
  stop(): void;
}

export const POLL_CHECK_INTERVAL_MS = 30_000;

/** Checks for due polls at once and then every `intervalMs` (see startRecurring). */
export function startPollCloser(services: Services, intervalMs = POLL_CHECK_INTERVAL_MS): PollCloser {
  return startRecurring(services, intervalMs, 'closing due polls failed; will try again', async (holder) => {
    // Every instance looks; each poll closes once across them all, because closing is one conditional
    // update (`… WHERE closed_at IS NULL`): the instance whose update changed the row edits the message.
    const closed = await closeDuePolls(services);
    if (closed.length) services.log.info({ polls: closed.map((p) => p.id) }, 'closed polls at their closing time');
    await drainOutbox(services, holder);
  });
}
