import { closePoll } from '../app/polls.ts';
import type { Services } from '../services.ts';
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

export interface PollCloser {
  stop(): void;
}

export const POLL_CHECK_INTERVAL_MS = 30_000;

/**
 * Checks for due polls at once (on the next turn of the event loop, once the caller has set up its chat
 * ports) and then every `intervalMs`. The timers are unref'd: they never keep the process (a test, the
 * console) alive on their own. Each round counts as work in flight, so a shutdown waits for it.
 */
export function startPollCloser(services: Services, intervalMs = POLL_CHECK_INTERVAL_MS): PollCloser {
  let running = false;
  const tick = async () => {
    if (running || services.inflight.closing) return;
    running = true;
    const done = services.inflight.begin();
    try {
      const closed = await closeDuePolls(services);
      if (closed.length) services.log.info({ polls: closed.map((p) => p.id) }, 'closed polls at their closing time');
    } catch (error) {
      services.log.error({ err: error }, 'closing due polls failed; will try again');
    } finally {
      done();
      running = false;
    }
  };
  const first = setTimeout(() => void tick(), 0);
  const timer = setInterval(() => void tick(), intervalMs);
  first.unref();
  timer.unref();
  return {
    stop: () => {
      clearTimeout(first);
      clearInterval(timer);
    },
  };
}
