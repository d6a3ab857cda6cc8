import { UserError } from '../../core/errors.ts';
import { md } from '../../core/markup.ts';

const UNIT_MS: Record<string, number> = {
  m: 60_000,
  min: 60_000,
  mins: 60_000,
  minute: 60_000,
  minutes: 60_000,
  h: 3_600_000,
  hr: 3_600_000,
  hrs: 3_600_000,
  hour: 3_600_000,
  hours: 3_600_000,
  d: 86_400_000,
  day: 86_400_000,
  days: 86_400_000,
  w: 604_800_000,
  week: 604_800_000,
  weeks: 604_800_000,
};

export const CLOSE_MIN_MS = 60_000;
export const CLOSE_MAX_MS = 366 * 86_400_000;

const EXAMPLES =
  '"in 3 days", "2h", "90 minutes", "tomorrow", or a date like 2026-12-01 or 2026-12-01T15:00 (UTC unless it says otherwise)';

/**
 * When a poll closes: a duration from now (`in 3 days`, `2h`, `90 minutes`, `1w`, `tomorrow`) or a date
 * and time (`2026-12-01`, `2026-12-01 15:00`, ISO with an offset). A date without a zone is UTC.
 * At least a minute and at most a year ahead; otherwise a UserError that says which.
 */
export function parseCloseTime(input: string, now: Date): Date {
  const raw = input.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  const shown = raw.length > 40 ? `${raw.slice(0, 39)}…` : raw;
  let at: Date | undefined;

  const duration = /^(?:in )?(\d+(?:\.\d+)?) ?([a-z]+)$/.exec(raw);
  if (raw === 'tomorrow') at = new Date(now.getTime() + UNIT_MS.day!);
  else if (duration && UNIT_MS[duration[2]!] !== undefined) at = new Date(now.getTime() + Number(duration[1]) * UNIT_MS[duration[2]!]!);
  else if (/^\d{4}-\d{2}-\d{2}(?:[t ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:z|[+-]\d{2}:?\d{2})?)?$/.test(raw)) {
    const iso = raw.replace(' ', 'T').toUpperCase();
    const hasZone = /(?:Z|[+-]\d{2}:?\d{2})$/.test(iso) && iso.includes('T');
    const parsed = new Date(iso.includes('T') ? (hasZone ? iso : `${iso}Z`) : `${iso}T00:00:00Z`);
    if (!Number.isNaN(parsed.getTime()) && parsed.toISOString().slice(0, 10) === iso.slice(0, 10)) at = parsed;
    else if (!Number.isNaN(parsed.getTime()) && hasZone) at = parsed;
  }

  if (!at || Number.isNaN(at.getTime())) {
    throw new UserError(md`closes: "${shown}" is not a time I understand. Write ${EXAMPLES}.`, 'poll.bad-close');
  }
  const ahead = at.getTime() - now.getTime();
  if (ahead <= 0) throw new UserError(md`closes: ${shown} is in the past (it is now ${formatUtc(now)}).`, 'poll.close-past');
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
