import { UserError } from '../../core/errors.ts';
import { md } from '../../core/markup.ts';
import { formatInZone, parseWhen } from '../time/when.ts';

export const CLOSE_MIN_MS = 60_000;
export const CLOSE_MAX_MS = 366 * 86_400_000;

const EXAMPLES =
  '"in 3 days", "2h", "friday 5pm", "end of month", or a date like 2026-12-01 or 2026-12-01T15:00 (in your time zone unless it says otherwise)';

/**
 * When a poll closes: a duration from now (`in 3 days`, `2h`, `90 minutes`, `1w`, `tomorrow`) or a date
 * and time (`2026-12-01`, `friday 5pm`, ISO with an offset), in the one grammar of `domain/time/when.ts`.
 * A time without a zone is in `zone`, the person's.
 * At least a minute and at most a year ahead; otherwise a UserError that says which.
 */
export function parseCloseTime(input: string, now: Date, zone = 'UTC'): Date {
  const raw = input.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  const shown = raw.length > 40 ? `${raw.slice(0, 39)}…` : raw;
  const at = parseWhen(raw, { now, zone, direction: 'future' });

  if (!at || Number.isNaN(at.getTime())) {
    throw new UserError(md`closes: "${shown}" is not a time I understand. Write ${EXAMPLES}.`, 'poll.bad-close');
  }
  const ahead = at.getTime() - now.getTime();
  if (ahead <= 0) throw new UserError(md`closes: ${shown} is in the past (it is now ${zone === 'UTC' ? formatUtc(now) : formatInZone(now, zone)}).`, 'poll.close-past');
  if (ahead < CLOSE_MIN_MS) throw new UserError(md`closes: ${shown} is too soon; give the team at least a minute.`, 'poll.close-soon');
  if (ahead > CLOSE_MAX_MS) throw new UserError(md`closes: ${shown} is more than a year away; pick a nearer time.`, 'poll.close-far');
  return at;
}

/** `2026-11-26 12:00 UTC`. */
export function formatUtc(date: Date): string {
  return `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** `in 3 days`, `in 5 hours`, `in 12 minutes`, `2 hours ago`: rounded, in the largest unit that fits. */
export function formatRelative(at: Date, now: Date): string {
  const ms = at.getTime() - now.getTime();
  const abs = Math.abs(ms);
  const [value, unit] =
    abs >= 86_400_000 * 1.5
      ? [Math.round(abs / 86_400_000), 'day']
      : abs >= 3_600_000 * 1.5
        ? [Math.round(abs / 3_600_000), 'hour']
        : [Math.max(1, Math.round(abs / 60_000)), 'minute'];
  const phrase = `${value} ${unit}${value === 1 ? '' : 's'}`;
  return ms >= 0 ? `in ${phrase}` : `${phrase} ago`;
}
