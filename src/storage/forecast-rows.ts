import type { PersonSettings, ResolveBy } from '../domain/forecasts.ts';

/** `claim_deadlines` and `person_settings` rows as both backends read them. */
export interface ResolveByRow {
  claim_id: number;
  workspace: string;
  resolve_by: string;
  zone: string;
  set_by: string;
  set_at: string;
  remind_at: string | null;
}

export interface PersonSettingsRow {
  time_zone: string | null;
  nudges: number;
  updated_at: string;
}

export const toResolveBy = (row: ResolveByRow): ResolveBy => ({
  workspace: row.workspace,
  claimId: Number(row.claim_id),
  resolveBy: row.resolve_by,
  zone: row.zone,
  setBy: row.set_by,
  setAt: row.set_at,
  ...(row.remind_at ? { remindAt: row.remind_at } : {}),
});

export const toPersonSettings = (row: PersonSettingsRow): PersonSettings => ({
  ...(row.time_zone ? { timeZone: row.time_zone } : {}),
  nudges: Number(row.nudges) === 1,
  updatedAt: row.updated_at,
});
