import * as chrono from 'chrono-node';

/**
 * The one grammar for every date, time and duration option (`closes:`, `since:`, `resolve-by:`):
 * a span (`2h`, `in 3 days`, `90 minutes ago`, `1w`), an ISO date or date-time (`2027-01-31`,
 * `2026-12-01 15:00`, with or without an offset), or English that chrono-node reads (`friday 5pm`,
 * `next friday`, `end of month`, `noon tomorrow`). A time without a zone is in `zone`, the person's
 * IANA time zone. Callers bound the result (past, too soon) and word their own messages.
 */
export interface WhenOptions {
  readonly now: Date;
  /** IANA name (`Europe/Paris`, `UTC`). */
  readonly zone: string;
  /** Which way a bare span counts from now, and which way a weekday without `next`/`last` leans. */
  readonly direction: 'future' | 'past';
}

const MINUTE = 60_000;
const UNIT_MS: Record<string, number> = {
  m: MINUTE, min: MINUTE, mins: MINUTE, minute: MINUTE, minutes: MINUTE,
  h: 60 * MINUTE, hr: 60 * MINUTE, hrs: 60 * MINUTE, hour: 60 * MINUTE, hours: 60 * MINUTE,
  d: 1440 * MINUTE, day: 1440 * MINUTE, days: 1440 * MINUTE,
  w: 10080 * MINUTE, wk: 10080 * MINUTE, wks: 10080 * MINUTE, week: 10080 * MINUTE, weeks: 10080 * MINUTE,
};
const SPAN = /^(in )?(\d+(?:\.\d+)?) ?([a-z]+)( ago)?$/;
const ISO = /^(\d{4})-(\d{2})-(\d{2})(?:[t ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(z|[+-]\d{2}:?\d{2})?)?$/;

/** The instant `input` names, or undefined when it is not a time this grammar knows. */
export function parseWhen(input: string, options: WhenOptions): Date | undefined {
  const raw = input.normalize('NFKC').trim().toLowerCase().replace(/\s+/g, ' ');
  if (raw === '') return undefined;
  const { now, zone, direction } = options;

  const span = SPAN.exec(raw);
  if (span && UNIT_MS[span[3]!] !== undefined) {
    if (span[1] && span[4]) return undefined; // "in 3 days ago"
    const sign = span[4] ? -1 : span[1] ? 1 : direction === 'future' ? 1 : -1;
    return new Date(now.getTime() + sign * Number(span[2]) * UNIT_MS[span[3]!]!);
  }
  if (raw === 'today') return startOfDay(now, zone, 0);
  if (raw === 'yesterday') return startOfDay(now, zone, -1);
  if (raw === 'tomorrow' && direction === 'future') return new Date(now.getTime() + UNIT_MS.day!);

  const iso = ISO.exec(raw);
  if (iso) return isoInstant(iso, zone);
  if (/^\d{4}-\d{2}-\d{2}/.test(raw)) return undefined; // a malformed ISO date is not left to guesswork

  // chrono takes a fixed offset: read at the zone's offset now, then again at the offset on the day found (DST).
  let offset = offsetMinutes(zone, now);
  for (let pass = 0; pass < 2; pass++) {
    const [found] = chrono.parse(raw, { instant: now, timezone: offset }, { forwardDate: direction === 'future' });
    // The whole input must be the date: "last tuesday-ish" is not "last tuesday".
    if (!found || found.text.trim() !== raw || found.end) return undefined;
    const at = found.start.date();
    const there = offsetMinutes(zone, at);
    if (there === offset || found.start.isCertain('timezoneOffset')) return at;
    offset = there;
  }
  return undefined;
}

/** Whether `zone` is an IANA time zone this runtime knows. */
export function isTimeZone(zone: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: zone });
    return zone.length > 0;
  } catch {
    return false;
  }
}

/** `Fri 2026-11-27 17:00 America/New_York (UTC−05:00)`; in UTC, `Fri 2026-11-27 17:00 UTC`. */
export function formatInZone(date: Date, zone: string): string {
  const p = parts(date, zone);
  const head = `${p.weekday} ${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}`;
  if (zone === 'UTC' || zone === 'Etc/UTC') return `${head} UTC`;
  const off = offsetMinutes(zone, date);
  const sign = off < 0 ? '−' : '+';
  const abs = Math.abs(off);
  return `${head} ${zone} (UTC${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')})`;
}

/** Minutes east of UTC that `zone` is at `at` (New York in winter: −300). */
export function offsetMinutes(zone: string, at: Date): number {
  const p = parts(at, zone);
  const wall = Date.UTC(+p.year, +p.month - 1, +p.day, +p.hour % 24, +p.minute, +p.second);
  return Math.round((wall - Math.floor(at.getTime() / 1000) * 1000) / MINUTE);
}

type Part = 'weekday' | 'year' | 'month' | 'day' | 'hour' | 'minute' | 'second';

function parts(date: Date, zone: string): Record<Part, string> {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone: zone, hourCycle: 'h23', weekday: 'short',
    year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  });
  return Object.fromEntries(format.formatToParts(date).map((part) => [part.type, part.value])) as Record<Part, string>;
}

/** The instant of a wall-clock time in `zone`. */
function wallTime(zone: string, y: number, mo: number, d: number, h: number, mi: number, s: number): Date {
  const guess = Date.UTC(y, mo - 1, d, h, mi, s);
  let at = new Date(guess - offsetMinutes(zone, new Date(guess)) * MINUTE);
  at = new Date(guess - offsetMinutes(zone, at) * MINUTE);
  return at;
}

function isoInstant(m: RegExpExecArray, zone: string): Date | undefined {
  const [y, mo, d, h = '0', mi = '0', s = '0'] = [m[1], m[2], m[3], m[4], m[5], m[6]].map((v) => v ?? undefined);
  const check = new Date(Date.UTC(+y!, +mo! - 1, +d!));
  if (check.getUTCMonth() !== +mo! - 1 || check.getUTCDate() !== +d!) return undefined; // 2026-02-30
  const offset = m[7];
  if (offset) {
    const minutes = offset === 'z' ? 0 : (offset[0] === '-' ? -1 : 1) * (+offset.slice(1, 3) * 60 + +offset.replace(':', '').slice(3, 5));
    return new Date(Date.UTC(+y!, +mo! - 1, +d!, +h, +mi, +s) - minutes * MINUTE);
  }
  return wallTime(zone, +y!, +mo!, +d!, +h, +mi, +s);
}

function startOfDay(now: Date, zone: string, days: number): Date {
  const p = parts(now, zone);
  return wallTime(zone, +p.year, +p.month, +p.day + days, 0, 0, 0);
}
