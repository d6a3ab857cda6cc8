import type { DueReminder, PersonSettings, ReminderDigest, ResolveBy } from '../domain/forecasts.ts';

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

export interface DueReminderRow {
  workspace: string;
  claim_id: number;
  number: number;
  text: string;
  author_id: string;
  status: string;
  resolve_by: string;
  zone: string;
  remind_at: string;
}

export const toDueReminder = (row: DueReminderRow): DueReminder => ({
  workspace: row.workspace,
  claimId: Number(row.claim_id),
  claimNumber: Number(row.number),
  claimText: row.text,
  authorId: row.author_id,
  status: row.status,
  resolveBy: row.resolve_by,
  zone: row.zone,
  remindAt: row.remind_at,
});

export interface DigestRow {
  id: number;
  workspace: string;
  user_id: string;
  due_at: string;
  claims: string;
}

export const toDigest = (row: DigestRow): ReminderDigest => ({
  id: Number(row.id),
  workspace: row.workspace,
  userId: row.user_id,
  dueAt: row.due_at,
  claimIds: (JSON.parse(row.claims) as unknown[]).map(Number),
});
