/**
 * Sliding-window limits for expensive commands (pictures, simulations, summaries), per person and per
 * workspace, so no one can spam the bot into a slow or dead one. The windows live in the store, so every
 * instance counts against the same budget and a restart does not reset it; tests and tools may keep them
 * in memory.
 */
export interface Limit {
  readonly count: number;
  readonly windowMs: number;
}

export interface RateLimits {
  readonly perUser: Limit;
  readonly perWorkspace: Limit;
  /**
   * Writes per person: commands that add claims (`/claim add`, `/capture add`: one each, however many
   * claims it adds) and debate imports. A kind left out is not limited.
   */
  readonly writesPerUser?: { readonly claims?: Limit; readonly imports?: Limit };
}

export const DEFAULT_LIMITS: RateLimits = {
  perUser: { count: 6, windowMs: 60_000 },
  perWorkspace: { count: 30, windowMs: 60_000 },
  writesPerUser: { claims: { count: 60, windowMs: 60_000 }, imports: { count: 5, windowMs: 60_000 } },
};

export type LimitVerdict = { readonly ok: true } | { readonly ok: false; readonly retryInMs: number; readonly scope: 'you' | 'workspace' };

type WindowVerdict = { ok: true } | { ok: false; key: string; retryInMs: number };

/** Where the windows are kept: the store's state, or memory. Records a hit on every key only when all have room. */
export interface WindowKeeper {
  hit(limits: readonly { key: string; count: number; windowMs: number }[], now: number): Promise<WindowVerdict>;
}

/** Windows in this process only. */
export class MemoryWindows implements WindowKeeper {
  private readonly hits = new Map<string, number[]>();

  async hit(limits: readonly { key: string; count: number; windowMs: number }[], now: number): Promise<WindowVerdict> {
    for (const limit of limits) {
      const list = (this.hits.get(limit.key) ?? []).filter((t) => t > now - limit.windowMs);
      if (list.length) this.hits.set(limit.key, list);
      else this.hits.delete(limit.key);
      if (list.length >= limit.count)
        return { ok: false, key: limit.key, retryInMs: list[list.length - limit.count]! + limit.windowMs - now };
    }
    for (const limit of limits) this.hits.set(limit.key, [...(this.hits.get(limit.key) ?? []), now]);
    return { ok: true };
  }
}

export class RateLimiter {
  constructor(
    private readonly limits: RateLimits = DEFAULT_LIMITS,
    private readonly clock: () => number = Date.now,
    private readonly windows: WindowKeeper = new MemoryWindows(),
  ) {}

  /** Records one use if both limits allow it; otherwise says when the next one will. */
  async take(workspace: string, user: string, what: string): Promise<LimitVerdict> {
    const userKey = `u:${workspace}:${user}:${what}`;
    const verdict = await this.windows.hit(
      [
        { key: userKey, ...this.limits.perUser },
        { key: `w:${workspace}:${what}`, ...this.limits.perWorkspace },
      ],
      this.clock(),
    );
    if (verdict.ok) return { ok: true };
    return { ok: false, retryInMs: verdict.retryInMs, scope: verdict.key === userKey ? 'you' : 'workspace' };
  }

  /**
   * Records one write of `kind` by this person (a command that adds claims counts once here; see
   * `writesPerUser`) if the limit allows it; otherwise says when the next one will.
   */
  async takeWrite(workspace: string, user: string, kind: 'claims' | 'imports'): Promise<LimitVerdict> {
    const limit = this.limits.writesPerUser?.[kind];
    if (!limit) return { ok: true };
    const verdict = await this.windows.hit([{ key: `write:${workspace}:${user}:${kind}`, ...limit }], this.clock());
    return verdict.ok ? { ok: true } : { ok: false, retryInMs: verdict.retryInMs, scope: 'you' };
  }

  /** The write limit of `kind`, if any: for the message that names it. */
  writeLimit(kind: 'claims' | 'imports'): Limit | undefined {
    return this.limits.writesPerUser?.[kind];
  }

  /** The same limits, counted in `windows` (the store's state: shared by every instance). */
  keptIn(windows: WindowKeeper): RateLimiter {
    return new RateLimiter(this.limits, this.clock, windows);
  }
}
