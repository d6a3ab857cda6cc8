import { randomBytes } from 'node:crypto';

/**
 * Short-lived state for a form between opening and submitting it (Discord modals carry nothing but a
 * 100-character custom id). Lost on restart by design: the user just opens the form again.
 */
export class PendingStore<T> {
  private readonly items = new Map<string, { value: T; expires: number }>();

  constructor(
    private readonly ttlMs = 15 * 60_000,
    private readonly clock: () => number = Date.now,
  ) {}

  put(value: T): string {
    this.sweep();
    const token = randomBytes(6).toString('base64url');
    this.items.set(token, { value, expires: this.clock() + this.ttlMs });
    return token;
  }

  take(token: string): T | undefined {
    const item = this.items.get(token);
    this.items.delete(token);
    return item && item.expires > this.clock() ? item.value : undefined;
  }

  private sweep(): void {
    const now = this.clock();
    for (const [token, item] of this.items) if (item.expires <= now) this.items.delete(token);
  }
}
