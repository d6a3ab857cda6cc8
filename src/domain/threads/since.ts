import { UserError } from '../../core/errors.ts';
import { md } from '../../core/markup.ts';

/**
 * The `since:` option of /summarize and /capture: a message link (Discord or Slack) or a time, absolute
 * (`2026-11-20`, `2026-11-20T09:30`) or relative (`2h`, `3 days`, `90 minutes ago`, `yesterday`).
 */

const DISCORD_EPOCH = 1420070400000n;
const DISCORD_LINK = /^https?:\/\/(?:\w+\.)?discord(?:app)?\.com\/channels\/(?:\d+|@me)\/\d+\/(\d{15,21})\/?$/i;
// Slack permalinks carry the message ts without its dot: p1700000000123456 = 1700000000.123456.
const SLACK_LINK = /^https?:\/\/[\w.-]+\.slack\.com\/archives\/[A-Z0-9]+\/p(\d{10})(\d{6})(?:\?.*)?$/i;
const RELATIVE = /^(\d+(?:\.\d+)?)\s*(m|min|mins|minutes?|h|hr|hrs|hours?|d|days?|w|wk|weeks?)(?:\s+ago)?$/i;
const UNIT_MS: Record<string, number> = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 };

export function parseSince(input: string, now: Date): Date {
  const value = input.trim();
  const discord = DISCORD_LINK.exec(value);
  if (discord) return new Date(Number((BigInt(discord[1]!) >> 22n) + DISCORD_EPOCH));
  const slack = SLACK_LINK.exec(value);
  if (slack) return new Date(Number(slack[1]) * 1000 + Math.floor(Number(slack[2]) / 1000));

  const lower = value.toLowerCase();
  if (lower === 'today') return startOfDay(now, 0);
  if (lower === 'yesterday') return startOfDay(now, -1);
  const relative = RELATIVE.exec(lower);
  if (relative) {
    const unit = relative[2]!.startsWith('mi') || relative[2] === 'm' ? 'm' : relative[2]![0]!;
    return new Date(now.getTime() - Number(relative[1]) * UNIT_MS[unit]!);
  }
  if (/^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/.test(value)) {
    const date = new Date(value.length === 10 ? `${value}T00:00:00Z` : value.replace(' ', 'T'));
    if (!Number.isNaN(date.getTime())) {
      if (date > now) throw new UserError(md`since: ${value} is in the future.`, 'since.future');
      return date;
    }
  }
  throw new UserError(
    md`since: "${value}" is neither a message link nor a time. Use a message link, a date like \`2026-11-20\`, or a span like \`3h\` or \`2 days\`.`,
    'since.bad',
  );
}

function startOfDay(now: Date, days: number): Date {
  const d = new Date(now.getTime());
  d.setUTCHours(0, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + days);
  return d;
}
