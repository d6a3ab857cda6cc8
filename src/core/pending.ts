import { randomBytes } from 'node:crypto';
import type { BaseContext } from './context.ts';

/** Who a draft belongs to: the person who opened the form, in their workspace. */
export type DraftOwner = Pick<BaseContext, 'workspace' | 'actor'>;

/**
 * Short-lived state for a form between opening and submitting it (Discord modals carry nothing but a
 * 100-character custom id). A draft belongs to the person and workspace that opened the form: its
 * token, replayed by anyone else or from another workspace, finds nothing and leaves the draft for its
 * owner. Lost on restart by design: the user just opens the form again.
 */
export class PendingStore<T> {
  private readonly items = new Map<string, { value: T; owner: string; expires: number }>();

  constructor(
    private readonly ttlMs = 15 * 60_000,
    private readonly clock: () => number = Date.now,
  ) {}

  put(owner: DraftOwner, value: T): string {
    this.sweep();
    const token = randomBytes(6).toString('base64url');
    this.items.set(token, { value, owner: ownerKey(owner), expires: this.clock() + this.ttlMs });
    return token;
  }

  /** The owner's draft, once; undefined (and the draft kept) for anyone else. */
  take(owner: DraftOwner, token: string): T | undefined {
    const item = this.items.get(token);
    if (!item || item.owner !== ownerKey(owner)) return undefined;
    this.items.delete(token);
    return item.expires > this.clock() ? item.value : undefined;
  }

  private sweep(): void {
    const now = this.clock();
    for (const [token, item] of this.items) if (item.expires <= now) this.items.delete(token);
  }
}

function ownerKey(owner: DraftOwner): string {
  return JSON.stringify([owner.workspace, owner.actor.id]);
}
