import { AsyncLocalStorage } from 'node:async_hooks';
import { randomBytes } from 'node:crypto';

/**
 * The correlation id of the interaction being handled, carried through every await of its work (Node's
 * AsyncLocalStorage), so each log line written while answering it (the adapter's, dispatch's, the
 * delivery's, the platform library's) names the same `cid` the person is shown when something fails.
 */
const current = new AsyncLocalStorage<string>();

export function newCorrelationId(): string {
  return randomBytes(4).toString('hex');
}

/** Runs `work` as the handling of the interaction `cid`. */
export function withCorrelationId<T>(cid: string, work: () => T): T {
  return current.run(cid, work);
}

/** The id of the interaction whose work is running, if any. */
export function currentCorrelationId(): string | undefined {
  return current.getStore();
}
