/** What happened to one request, and how long it took. */
export type Outcome = 'ok' | 'error reply' | 'rate-limited' | 'HTTP error' | 'no reply' | 'in flight at kill';

export interface Sample {
  readonly kind: string;
  readonly outcome: Outcome;
  /** Sent → HTTP response read (Slack only). */
  readonly ackMs?: number;
  /** Sent → the reply arrived (at the fake Web API, or returned by the core). */
  readonly replyMs?: number;
  /** The bot instance it was sent to (over Slack). */
  readonly instance?: number;
  /** Its place in the workload. */
  readonly index?: number;
}

/** One run of the workload: its samples, and what was not sent or not asked for. */
export interface RunResult {
  readonly samples: readonly Sample[];
  /** Requests left unsent when the time limit came. */
  readonly unsent: number;
  /** Messages that arrived for no request waiting (a second reply, or one after its request gave up). */
  readonly unexpected: number;
  readonly elapsedMs: number;
  /** Claims in the database after the run, and how many the run added. */
  readonly claimsAdded: number;
  /** CPU time used over the run: by the bot's process (when the system says), and by this one. */
  readonly cpu: { readonly botMs?: number; readonly hereMs: number };
}

/** A request that failed: neither answered nor cut off by the instance it was on being killed. */
export function isError(sample: Sample): boolean {
  return sample.outcome !== 'ok' && sample.outcome !== 'in flight at kill';
}

/** An error reply starts with Slack's `:warning:` (or has the core's error accent); a rate limit says when to retry. */
export function outcomeOf(words: string, isError: boolean): Outcome {
  if (!isError) return 'ok';
  return /try .*again in \d+ s/.test(words) ? 'rate-limited' : 'error reply';
}

export interface Percentiles {
  readonly p50: number;
  readonly p99: number;
  readonly n: number;
}

/** Nearest-rank percentiles of the values that are there; undefined when none are. */
export function percentiles(values: readonly (number | undefined)[]): Percentiles | undefined {
  const sorted = values.filter((v): v is number => v !== undefined).sort((a, b) => a - b);
  if (!sorted.length) return undefined;
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { p50: at(0.5), p99: at(0.99), n: sorted.length };
}

export function countOutcomes(samples: readonly Sample[]): Record<Outcome, number> {
  const counts: Record<Outcome, number> = {
    ok: 0,
    'error reply': 0,
    'rate-limited': 0,
    'HTTP error': 0,
    'no reply': 0,
    'in flight at kill': 0,
  };
  for (const s of samples) counts[s.outcome]++;
  return counts;
}
