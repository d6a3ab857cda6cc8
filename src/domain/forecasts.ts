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
