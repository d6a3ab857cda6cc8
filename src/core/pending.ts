import { randomBytes } from 'node:crypto';
import type { BaseContext } from './context.ts';

/** Who a draft belongs to: the person who opened the form, in their workspace. */
export type DraftOwner = Pick<BaseContext, 'workspace' | 'actor'>;

/** Where drafts are kept: the store's state (every instance sees them), or memory (tests, tools). */
export interface DraftKeeper {
  putDraft(token: string, owner: string, value: string, expiresAt: number, now: number): Promise<void>;
  takeDraft(token: string, owner: string, now: number): Promise<string | undefined>;
}

/** Drafts in this process only. */
export class MemoryDrafts implements DraftKeeper {
  private readonly items = new Map<string, { value: string; owner: string; expires: number }>();

  async putDraft(token: string, owner: string, value: string, expiresAt: number, now: number): Promise<void> {
    for (const [key, item] of this.items) if (item.expires <= now) this.items.delete(key);
    this.items.set(token, { value, owner, expires: expiresAt });
  }

  async takeDraft(token: string, owner: string, now: number): Promise<string | undefined> {
    const item = this.items.get(token);
    if (!item || item.owner !== owner) return undefined;
    this.items.delete(token);
    return item.expires > now ? item.value : undefined;
  }
}

/**
 * Short-lived state for a form between opening and submitting it (Discord modals carry nothing but a
 * 100-character custom id). A draft belongs to the person and workspace that opened the form: its
 * token, replayed by anyone else or from another workspace, finds nothing and leaves the draft for its
 * owner. Kept in the store, so the instance that opened the form need not be the one that gets it back,
 * and a restart in between loses nothing.
 */
export class PendingStore<T> {
  constructor(
    private readonly keeper: DraftKeeper = new MemoryDrafts(),
    private readonly ttlMs = 15 * 60_000,
    private readonly clock: () => number = Date.now,
  ) {}

  async put(owner: DraftOwner, value: T): Promise<string> {
    const token = randomBytes(9).toString('base64url');
    const now = this.clock();
    await this.keeper.putDraft(token, ownerKey(owner), JSON.stringify(value), now + this.ttlMs, now);
    return token;
  }

  /** The owner's draft, once; undefined (and the draft kept) for anyone else. */
  async take(owner: DraftOwner, token: string): Promise<T | undefined> {
    const json = await this.keeper.takeDraft(token, ownerKey(owner), this.clock());
    return json === undefined ? undefined : (JSON.parse(json) as T);
  }
}

function ownerKey(owner: DraftOwner): string {
  return JSON.stringify([owner.workspace, owner.actor.id]);
}
