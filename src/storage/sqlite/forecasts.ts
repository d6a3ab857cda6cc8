import type { PersonSettings, ResolveBy } from '../../domain/forecasts.ts';
import type { ForecastStore } from '../ports.ts';
import { toPersonSettings, toResolveBy, type PersonSettingsRow, type ResolveByRow } from '../forecast-rows.ts';
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
}
