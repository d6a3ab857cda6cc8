import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Services } from '../services.ts';

export interface RecurringJob {
  stop(): void;
}

/**
 * Runs `round` at once (on the next turn of the event loop, once the caller has set up its chat ports)
 * and then every `intervalMs`, never two rounds at a time and none once a shutdown has begun. Each round
 * counts as work in flight, so a shutdown waits for it; a failed round is logged and the next one tries
 * again. The timers are unref'd: they never keep the process (a test, the console) alive on their own.
 * `holder` names this instance in the store's leases and claims.
 */
export function startRecurring(
  services: Services,
  intervalMs: number,
  failure: string,
  round: (holder: string) => Promise<void>,
): RecurringJob {
  let running = false;
  const holder = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  const tick = async () => {
    if (running || services.inflight.closing) return;
    running = true;
    const done = services.inflight.begin();
    try {
      await round(holder);
    } catch (error) {
      services.log.error({ err: error }, failure);
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
