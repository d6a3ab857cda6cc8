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
import type { Db } from './database.ts';

/** Resolve-by dates and per-person settings on SQLite. */
export class ForecastRepository implements ForecastStore {
  private readonly statements;

  constructor(db: Db) {
    this.statements = {
      setResolveBy: db.prepare(
        `INSERT INTO claim_deadlines (claim_id, workspace, resolve_by, zone, set_by, set_at, remind_at) VALUES (?, ?, ?, ?, ?, ?, ?)
         ON CONFLICT (claim_id) DO UPDATE SET resolve_by = excluded.resolve_by, zone = excluded.zone, set_by = excluded.set_by,
           set_at = excluded.set_at, remind_at = excluded.remind_at`,
      ),
      resolveBy: db.prepare<[string, number], ResolveByRow>('SELECT * FROM claim_deadlines WHERE workspace = ? AND claim_id = ?'),
      person: db.prepare<[string, string], PersonSettingsRow>(
        'SELECT time_zone, nudges, updated_at FROM person_settings WHERE workspace = ? AND user_id = ?',
      ),
      putPerson: db.prepare(
        `INSERT INTO person_settings (workspace, user_id, time_zone, nudges, updated_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (workspace, user_id) DO UPDATE SET time_zone = excluded.time_zone, nudges = excluded.nudges, updated_at = excluded.updated_at`,
      ),
      nudging: db.prepare<[string], { user_id: string }>('SELECT user_id FROM person_settings WHERE workspace = ? AND nudges = 1 ORDER BY user_id'),
      due: db.prepare<[string, number], DueReminderRow>(
        `SELECT d.workspace, d.claim_id, c.number, c.text, c.author_id, c.status, d.resolve_by, d.zone, d.remind_at
         FROM claim_deadlines d JOIN claims c ON c.id = d.claim_id
         WHERE d.remind_at IS NOT NULL AND d.remind_at <= ? ORDER BY d.remind_at, d.claim_id LIMIT ?`,
      ),
      move: db.prepare('UPDATE claim_deadlines SET remind_at = ? WHERE workspace = ? AND claim_id = ? AND remind_at = ?'),
      setReminder: db.prepare('UPDATE claim_deadlines SET remind_at = ? WHERE workspace = ? AND claim_id = ?'),
      queue: db.prepare(
        `INSERT INTO reminder_digests (workspace, user_id, due_at, claims, created_at) VALUES (?, ?, ?, ?, ?)
         ON CONFLICT (workspace, user_id, due_at) DO NOTHING`,
      ),
      claim: db.prepare<[string, number, number, number], DigestRow>(
        `UPDATE reminder_digests SET claimed_by = ?, claimed_until = ?
         WHERE id IN (SELECT id FROM reminder_digests WHERE sent_at IS NULL AND (claimed_until IS NULL OR claimed_until <= ?) ORDER BY id LIMIT ?)
         RETURNING id, workspace, user_id, due_at, claims`,
      ),
      sent: db.prepare('UPDATE reminder_digests SET sent_at = ? WHERE id = ?'),
    };
  }

  async setResolveBy(e: Omit<ResolveBy, 'remindAt'>): Promise<void> {
    this.statements.setResolveBy.run(e.claimId, e.workspace, e.resolveBy, e.zone, e.setBy, e.setAt, e.resolveBy);
  }

  async resolveBy(workspace: string, claimId: number): Promise<ResolveBy | undefined> {
    const row = this.statements.resolveBy.get(workspace, claimId);
    return row && toResolveBy(row);
  }

  async person(workspace: string, userId: string): Promise<PersonSettings | undefined> {
    const row = this.statements.person.get(workspace, userId);
    return row && toPersonSettings(row);
  }

  async putPerson(workspace: string, userId: string, change: { timeZone?: string | null; nudges?: boolean }, at: string): Promise<void> {
    const before = await this.person(workspace, userId);
    const timeZone = change.timeZone === undefined ? (before?.timeZone ?? null) : change.timeZone;
    const nudges = change.nudges ?? before?.nudges ?? false;
    this.statements.putPerson.run(workspace, userId, timeZone, nudges ? 1 : 0, at);
  }

  async nudging(workspace: string): Promise<string[]> {
    return this.statements.nudging.all(workspace).map((r) => r.user_id);
  }

  async dueReminders(now: string, limit: number): Promise<DueReminder[]> {
    return this.statements.due.all(now, limit).map(toDueReminder);
  }

  async moveReminder(workspace: string, claimId: number, from: string, to: string | null): Promise<boolean> {
    return this.statements.move.run(to, workspace, claimId, from).changes > 0;
  }

  async setReminder(workspace: string, claimId: number, at: string): Promise<void> {
    this.statements.setReminder.run(at, workspace, claimId);
  }

  async queueDigest(d: Omit<ReminderDigest, 'id'>, at: string): Promise<boolean> {
    return this.statements.queue.run(d.workspace, d.userId, d.dueAt, JSON.stringify(d.claimIds), at).changes > 0;
  }

  async claimDigests(holder: string, now: number, limit: number, leaseMs: number): Promise<ReminderDigest[]> {
    // One statement: SQLite runs it under the write lock, so two processes never claim the same digest.
    return this.statements.claim
      .all(holder, now + leaseMs, now, limit)
      .map(toDigest)
      .sort((a, b) => a.id - b.id);
  }

  async digestSent(id: number, at: string): Promise<void> {
    this.statements.sent.run(at, id);
  }
}
