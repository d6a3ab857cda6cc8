/**
 * Sliding-window limits for expensive commands (pictures, simulations, summaries), per person and per
 * workspace, so no one can spam the bot into a slow or dead one. In memory: limits reset on restart.
 */
export interface Limit {
  readonly count: number;
  readonly windowMs: number;
}

export interface RateLimits {
  readonly perUser: Limit;
  readonly perWorkspace: Limit;
}

export const DEFAULT_LIMITS: RateLimits = {
  perUser: { count: 6, windowMs: 60_000 },
  perWorkspace: { count: 30, windowMs: 60_000 },
};

export type LimitVerdict = { readonly ok: true } | { readonly ok: false; readonly retryInMs: number; readonly scope: 'you' | 'workspace' };

export class RateLimiter {
  private readonly hits = new Map<string, number[]>();

  constructor(
    private readonly limits: RateLimits = DEFAULT_LIMITS,
    private readonly clock: () => number = Date.now,
  ) {}

  /** Records one use if both limits allow it; otherwise says when the next one will. */
  take(workspace: string, user: string, what: string): LimitVerdict {
    const now = this.clock();
    const userKey = `u:${workspace}:${user}:${what}`;
    const workspaceKey = `w:${workspace}:${what}`;
    const userWait = this.wait(userKey, this.limits.perUser, now);
    const workspaceWait = this.wait(workspaceKey, this.limits.perWorkspace, now);
    if (userWait > 0 || workspaceWait > 0) {
      return userWait >= workspaceWait
        ? { ok: false, retryInMs: userWait, scope: 'you' }
        : { ok: false, retryInMs: workspaceWait, scope: 'workspace' };
    }
    this.record(userKey, now);
    this.record(workspaceKey, now);
    return { ok: true };
  }

  private recent(key: string, limit: Limit, now: number): number[] {
    const list = (this.hits.get(key) ?? []).filter((t) => t > now - limit.windowMs);
    if (list.length) this.hits.set(key, list);
    else this.hits.delete(key);
    return list;
  }

  private wait(key: string, limit: Limit, now: number): number {
    const list = this.recent(key, limit, now);
    return list.length < limit.count ? 0 : list[list.length - limit.count]! + limit.windowMs - now;
  }

  private record(key: string, now: number): void {
    this.hits.set(key, [...(this.hits.get(key) ?? []), now]);
  }
}
