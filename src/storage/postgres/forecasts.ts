import { sql } from 'kysely';
import type { PersonSettings, ResolveBy } from '../../domain/forecasts.ts';
import type { ForecastStore } from '../ports.ts';
import { toPersonSettings, toResolveBy, type PersonSettingsRow, type ResolveByRow } from '../forecast-rows.ts';
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
}
