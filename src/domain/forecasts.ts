import { UserError } from '../core/errors.ts';
import { md } from '../core/markup.ts';
import { formatInZone, parseWhen } from './time/when.ts';

/** When a claim should be resolved, in the zone of whoever set it (kept so replies and reminders show it there). */
export interface ResolveBy {
  readonly workspace: string;
  readonly claimId: number;
  /** ISO instant. */
  readonly resolveBy: string;
  /** IANA time zone it was written in. */
  readonly zone: string;
  readonly setBy: string;
  readonly setAt: string;
  /** When the next reminder is due; absent once none is (resolved). */
  readonly remindAt?: string;
}

/** What one person chose for themselves with /config: their time zone, and whether they want private nudges. */
export interface PersonSettings {
  readonly timeZone?: string;
  readonly nudges: boolean;
  readonly updatedAt: string;
}

/** How far ahead a resolve-by date may be: far enough for a research bet, near enough to be a typo check. */
export const RESOLVE_BY_MAX_MS = 10 * 366 * 86_400_000;

const RESOLVE_BY_EXAMPLES = '"next friday", "friday 5pm", "in 2 weeks", "end of month" or 2027-01-31';

/**
 * A resolve-by date as people write it, in their zone (one grammar with `closes:` and `since:`).
 * Refuses the unparseable, the past and the absurdly far, naming the option and an example.
 */
export function parseResolveBy(input: string, now: Date, zone: string): Date {
  const raw = input.trim();
  const shown = raw.length > 40 ? `${raw.slice(0, 39)}…` : raw;
  const at = parseWhen(raw, { now, zone, direction: 'future' });
  if (!at) {
    throw new UserError(md`resolve-by: "${shown}" is not a date I understand. Write ${RESOLVE_BY_EXAMPLES}.`, 'forecast.bad-date');
  }
  if (at.getTime() <= now.getTime()) {
    throw new UserError(
      md`resolve-by: ${shown} is in the past (${formatInZone(at, zone)}; it is now ${formatInZone(now, zone)}). Pick a later date, e.g. "in 2 weeks".`,
      'forecast.date-past',
    );
  }
  if (at.getTime() - now.getTime() > RESOLVE_BY_MAX_MS) {
    throw new UserError(md`resolve-by: ${shown} is more than ten years away; pick a nearer date, e.g. 2030-12-31.`, 'forecast.date-far');
  }
  return at;
}

/** A claim whose next reminder is due, with what a reminder shows. */
export interface DueReminder {
  readonly workspace: string;
  readonly claimId: number;
  readonly claimNumber: number;
  readonly claimText: string;
  readonly authorId: string;
  readonly status: string;
  readonly resolveBy: string;
  readonly zone: string;
  readonly remindAt: string;
}

/** One person's reminders of one run, sent as one message. */
export interface ReminderDigest {
  readonly id: number;
  readonly workspace: string;
  readonly userId: string;
  readonly dueAt: string;
  readonly claimIds: readonly number[];
}

/** After a reminder, the next one comes a week later, until the claim is resolved or snoozed. */
export const REMIND_AGAIN_MS = 7 * 86_400_000;

/**
 * One digest per person per run: however many reminders piled up while the bot was down, each
 * person gets one message listing their claims (oldest due first), not a burst.
 */
export function groupReminders(
  due: readonly DueReminder[],
  /** Per workspace, its moderators' user ids: each of them gets every reminder of it as well, in the same digest. */
  moderators: ReadonlyMap<string, readonly string[]> = new Map(),
): { workspace: string; userId: string; reminders: DueReminder[] }[] {
  const groups = new Map<string, { workspace: string; userId: string; reminders: DueReminder[] }>();
  for (const reminder of [...due].sort((a, b) => a.resolveBy.localeCompare(b.resolveBy) || a.claimId - b.claimId)) {
    for (const userId of new Set([reminder.authorId, ...(moderators.get(reminder.workspace) ?? [])])) {
      const key = JSON.stringify([reminder.workspace, userId]);
      const group = groups.get(key) ?? { workspace: reminder.workspace, userId, reminders: [] };
      group.reminders.push(reminder);
      groups.set(key, group);
    }
  }
  return [...groups.values()];
}
