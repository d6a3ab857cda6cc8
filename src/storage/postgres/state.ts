import { sql } from 'kysely';
import type { OutboxItem, StateStore } from '../ports.ts';
import type { Atomically } from './claims.ts';
import type { Runner } from './exec.ts';

/**
 * Process state on PostgreSQL, shared by every instance. A rate-limit check takes a transaction-scoped
 * advisory lock per key (in key order, so two checks never deadlock), and outbox items are claimed with
 * `FOR UPDATE SKIP LOCKED`, so two instances never take the same one.
 */
export class PgState implements StateStore {
  constructor(
    private readonly sql: Runner,
    private readonly atomically: Atomically,
  ) {}

  async putDraft(token: string, owner: string, value: string, expiresAt: number, now: number): Promise<void> {
    await this.sql.run(sql`DELETE FROM drafts WHERE expires_at <= ${now}`);
    await this.sql.run(sql`
      INSERT INTO drafts (token, owner, value, expires_at) VALUES (${token}, ${owner}, ${value}, ${expiresAt})
      ON CONFLICT (token) DO UPDATE SET owner = excluded.owner, value = excluded.value, expires_at = excluded.expires_at`);
  }

  async takeDraft(token: string, owner: string, now: number): Promise<string | undefined> {
    const row = await this.sql.one<{ value: string; expires_at: number }>(
      sql`DELETE FROM drafts WHERE token = ${token} AND owner = ${owner} RETURNING value, expires_at`,
    );
    return row && Number(row.expires_at) > now ? row.value : undefined;
  }

  async hit(limits: readonly { key: string; count: number; windowMs: number }[], now: number) {
    return await this.atomically(async () => {
      for (const key of limits.map((l) => l.key).sort()) await this.sql.run(sql`SELECT pg_advisory_xact_lock(hashtext(${key}))`);
      for (const limit of limits) {
        await this.sql.run(sql`DELETE FROM rate_hits WHERE key = ${limit.key} AND at <= ${now - limit.windowMs}`);
        const hits = (await this.sql.rows<{ at: number }>(sql`SELECT at FROM rate_hits WHERE key = ${limit.key} ORDER BY at`)).map((r) =>
          Number(r.at),
        );
        if (hits.length >= limit.count)
          return { ok: false as const, key: limit.key, retryInMs: hits[hits.length - limit.count]! + limit.windowMs - now };
      }
      for (const limit of limits) await this.sql.run(sql`INSERT INTO rate_hits (key, at) VALUES (${limit.key}, ${now})`);
      return { ok: true as const };
    });
  }

  async firstTime(key: string, ttlMs: number, now: number): Promise<boolean> {
    await this.sql.run(sql`DELETE FROM handled_requests WHERE expires_at <= ${now}`);
    return (
      (await this.sql.run(
        sql`INSERT INTO handled_requests (key, expires_at) VALUES (${key}, ${now + ttlMs}) ON CONFLICT (key) DO NOTHING`,
      )) > 0
    );
  }

  async lease(name: string, holder: string, ttlMs: number, now: number): Promise<boolean> {
    const row = await this.sql.one<{ holder: string }>(sql`
      INSERT INTO leases (name, holder, until) VALUES (${name}, ${holder}, ${now + ttlMs})
      ON CONFLICT (name) DO UPDATE SET holder = excluded.holder, until = excluded.until
      WHERE leases.until <= ${now} OR leases.holder = excluded.holder RETURNING holder`);
    return row?.holder === holder;
  }

  async enqueue(item: Omit<OutboxItem, 'id'>, now: number): Promise<void> {
    await this.sql.run(sql`
      INSERT INTO outbox (platform, workspace, kind, ref, created_at) VALUES (${item.platform}, ${item.workspace}, ${item.kind}, ${item.ref}, ${now})
      ON CONFLICT (platform, workspace, kind, ref) DO UPDATE SET claimed_by = NULL, claimed_until = NULL`);
  }

  async claimOutbox(platforms: readonly string[], holder: string, now: number, limit: number, leaseMs: number): Promise<OutboxItem[]> {
    return await this.sql.rows<OutboxItem>(sql`
      UPDATE outbox SET claimed_by = ${holder}, claimed_until = ${now + leaseMs}
      WHERE id IN (
        SELECT id FROM outbox WHERE platform = ANY(${[...platforms]}::text[]) AND (claimed_until IS NULL OR claimed_until <= ${now})
        ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING id, platform, workspace, kind, ref`);
  }

  async doneOutbox(id: number): Promise<void> {
    await this.sql.run(sql`DELETE FROM outbox WHERE id = ${id}`);
  }
}
