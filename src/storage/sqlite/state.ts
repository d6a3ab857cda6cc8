import type { OutboxItem, StateStore } from '../ports.ts';
import type { Db } from './database.ts';

/** Process state in the SQLite file: every statement is short, and each read-modify-write one transaction. */
export class SqliteState implements StateStore {
  private readonly statements;
  private readonly hitAtomically;
  private readonly claimAtomically;

  constructor(db: Db) {
    this.statements = {
      sweepDrafts: db.prepare('DELETE FROM drafts WHERE expires_at <= ?'),
      putDraft: db.prepare('INSERT OR REPLACE INTO drafts (token, owner, value, expires_at) VALUES (?, ?, ?, ?)'),
      takeDraft: db.prepare<[string, string], { value: string; expires_at: number }>(
        'DELETE FROM drafts WHERE token = ? AND owner = ? RETURNING value, expires_at',
      ),
      forget: db.prepare('DELETE FROM rate_hits WHERE key = ? AND at <= ?'),
      recent: db.prepare<[string], number>('SELECT at FROM rate_hits WHERE key = ? ORDER BY at').pluck(),
      record: db.prepare('INSERT INTO rate_hits (key, at) VALUES (?, ?)'),
      sweepHandled: db.prepare('DELETE FROM handled_requests WHERE expires_at <= ?'),
      handle: db.prepare('INSERT INTO handled_requests (key, expires_at) VALUES (?, ?) ON CONFLICT (key) DO NOTHING'),
      lease: db
        .prepare<[string, string, number, number], string>(
          `INSERT INTO leases (name, holder, until) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
           WHERE leases.until <= ? OR leases.holder = excluded.holder RETURNING holder`,
        )
        .pluck(),
      enqueue: db.prepare(
        `INSERT INTO outbox (platform, workspace, kind, ref, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (platform, workspace, kind, ref) DO UPDATE SET claimed_by = NULL, claimed_until = NULL`,
      ),
      claimable: db.prepare<[string, number, number], OutboxItem>(
        `SELECT id, platform, workspace, kind, ref FROM outbox WHERE platform IN (SELECT value FROM json_each(?))
           AND (claimed_until IS NULL OR claimed_until <= ?) ORDER BY id LIMIT ?`,
      ),
      claim: db.prepare('UPDATE outbox SET claimed_by = ?, claimed_until = ? WHERE id = ?'),
      done: db.prepare('DELETE FROM outbox WHERE id = ?'),
    };
    this.hitAtomically = db.transaction((limits: readonly { key: string; count: number; windowMs: number }[], now: number) => {
      for (const limit of limits) {
        this.statements.forget.run(limit.key, now - limit.windowMs);
        const hits = this.statements.recent.all(limit.key);
        if (hits.length >= limit.count)
          return { ok: false as const, key: limit.key, retryInMs: hits[hits.length - limit.count]! + limit.windowMs - now };
      }
      for (const limit of limits) this.statements.record.run(limit.key, now);
      return { ok: true as const };
    }).immediate;
    this.claimAtomically = db.transaction((platforms: readonly string[], holder: string, now: number, limit: number, leaseMs: number) => {
      const items = this.statements.claimable.all(JSON.stringify(platforms), now, limit);
      for (const item of items) this.statements.claim.run(holder, now + leaseMs, item.id);
      return items;
    }).immediate;
  }

  async putDraft(token: string, owner: string, value: string, expiresAt: number, now: number): Promise<void> {
    this.statements.sweepDrafts.run(now);
    this.statements.putDraft.run(token, owner, value, expiresAt);
  }

  async takeDraft(token: string, owner: string, now: number): Promise<string | undefined> {
    const row = this.statements.takeDraft.get(token, owner);
    return row && row.expires_at > now ? row.value : undefined;
  }

  async hit(limits: readonly { key: string; count: number; windowMs: number }[], now: number) {
    return this.hitAtomically(limits, now);
  }

  async firstTime(key: string, ttlMs: number, now: number): Promise<boolean> {
    this.statements.sweepHandled.run(now);
    return this.statements.handle.run(key, now + ttlMs).changes > 0;
  }

  async lease(name: string, holder: string, ttlMs: number, now: number): Promise<boolean> {
    return this.statements.lease.get(name, holder, now + ttlMs, now) === holder;
  }

  async enqueue(item: Omit<OutboxItem, 'id'>, now: number): Promise<void> {
    this.statements.enqueue.run(item.platform, item.workspace, item.kind, item.ref, now);
  }

  async claimOutbox(platforms: readonly string[], holder: string, now: number, limit: number, leaseMs: number): Promise<OutboxItem[]> {
    return this.claimAtomically(platforms, holder, now, limit, leaseMs);
  }

  async doneOutbox(id: number): Promise<void> {
    this.statements.done.run(id);
  }
}
