import { sql } from 'kysely';
import type { DueReminder, PersonSettings, ReminderDigest, ResolveBy } from '../../domain/forecasts.ts';
import type { ForecastStore } from '../ports.ts';
import {
  toDigest,
  toDueReminder,
  toPersonSettings,
  toResolveBy,
  type DigestRow,
  type DueReminderRow,
  type PersonSettingsRow,
  type ResolveByRow,
} from '../forecast-rows.ts';
import type { Runner } from './exec.ts';

/** Resolve-by dates and per-person settings on PostgreSQL. */
export class PgForecasts implements ForecastStore {
  constructor(private readonly sql: Runner) {}

  async setResolveBy(e: Omit<ResolveBy, 'remindAt'>): Promise<void> {
    await this.sql.run(sql`
      INSERT INTO claim_deadlines (claim_id, workspace, resolve_by, zone, set_by, set_at, remind_at)
      VALUES (${e.claimId}, ${e.workspace}, ${e.resolveBy}, ${e.zone}, ${e.setBy}, ${e.setAt}, ${e.resolveBy})
      ON CONFLICT (claim_id) DO UPDATE SET resolve_by = excluded.resolve_by, zone = excluded.zone, set_by = excluded.set_by,
        set_at = excluded.set_at, remind_at = excluded.remind_at`);
  }

  async resolveBy(workspace: string, claimId: number): Promise<ResolveBy | undefined> {
    const row = await this.sql.one<ResolveByRow>(sql`
      SELECT * FROM claim_deadlines WHERE workspace = ${workspace} AND claim_id = ${claimId}`);
    return row && toResolveBy(row);
  }

  async person(workspace: string, userId: string): Promise<PersonSettings | undefined> {
    const row = await this.sql.one<PersonSettingsRow>(sql`
      SELECT time_zone, nudges, updated_at FROM person_settings WHERE workspace = ${workspace} AND user_id = ${userId}`);
    return row && toPersonSettings(row);
  }

  async putPerson(workspace: string, userId: string, change: { timeZone?: string | null; nudges?: boolean }, at: string): Promise<void> {
    // One statement: a value not given keeps what the row holds.
    const zoneGiven = change.timeZone !== undefined;
    const nudgesGiven = change.nudges !== undefined;
    await this.sql.run(sql`
      INSERT INTO person_settings (workspace, user_id, time_zone, nudges, updated_at)
      VALUES (${workspace}, ${userId}, ${change.timeZone ?? null}, ${change.nudges ? 1 : 0}, ${at})
      ON CONFLICT (workspace, user_id) DO UPDATE SET
        time_zone = CASE WHEN ${zoneGiven} THEN excluded.time_zone ELSE person_settings.time_zone END,
        nudges = CASE WHEN ${nudgesGiven} THEN excluded.nudges ELSE person_settings.nudges END,
        updated_at = excluded.updated_at`);
  }

  async dueReminders(now: string, limit: number): Promise<DueReminder[]> {
    const rows = await this.sql.rows<DueReminderRow>(sql`
      SELECT d.workspace, d.claim_id, c.number, c.text, c.author_id, c.status, d.resolve_by, d.zone, d.remind_at
      FROM claim_deadlines d JOIN claims c ON c.id = d.claim_id
      WHERE d.remind_at IS NOT NULL AND d.remind_at <= ${now} ORDER BY d.remind_at, d.claim_id LIMIT ${limit}`);
    return rows.map(toDueReminder);
  }

  async nudging(workspace: string): Promise<string[]> {
    const rows = await this.sql.rows<{ user_id: string }>(
      sql`SELECT user_id FROM person_settings WHERE workspace = ${workspace} AND nudges = 1 ORDER BY user_id`,
    );
    return rows.map((r) => r.user_id);
  }

  async moveReminder(workspace: string, claimId: number, from: string, to: string | null): Promise<boolean> {
    return (
      (await this.sql.run(sql`
        UPDATE claim_deadlines SET remind_at = ${to} WHERE workspace = ${workspace} AND claim_id = ${claimId} AND remind_at = ${from}`)) > 0
    );
  }

  async setReminder(workspace: string, claimId: number, at: string): Promise<void> {
    await this.sql.run(sql`UPDATE claim_deadlines SET remind_at = ${at} WHERE workspace = ${workspace} AND claim_id = ${claimId}`);
  }

  async queueDigest(d: Omit<ReminderDigest, 'id'>, at: string): Promise<boolean> {
    return (
      (await this.sql.run(sql`
        INSERT INTO reminder_digests (workspace, user_id, due_at, claims, created_at)
        VALUES (${d.workspace}, ${d.userId}, ${d.dueAt}, ${JSON.stringify(d.claimIds)}, ${at})
        ON CONFLICT (workspace, user_id, due_at) DO NOTHING`)) > 0
    );
  }

  async claimDigests(holder: string, now: number, limit: number, leaseMs: number): Promise<ReminderDigest[]> {
    const rows = await this.sql.rows<DigestRow>(sql`
      UPDATE reminder_digests SET claimed_by = ${holder}, claimed_until = ${now + leaseMs}
      WHERE id IN (
        SELECT id FROM reminder_digests WHERE sent_at IS NULL AND (claimed_until IS NULL OR claimed_until <= ${now})
        ORDER BY id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
      RETURNING id, workspace, user_id, due_at, claims`);
    return rows.map(toDigest).sort((a, b) => a.id - b.id);
  }

  async digestSent(id: number, at: string): Promise<void> {
    await this.sql.run(sql`UPDATE reminder_digests SET sent_at = ${at} WHERE id = ${id}`);
  }
}
