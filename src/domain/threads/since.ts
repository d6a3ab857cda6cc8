import { UserError } from '../../core/errors.ts';
import { md } from '../../core/markup.ts';
import { parseWhen } from '../time/when.ts';

/**
 * The `since:` option of /summarize and /capture: a message link (Discord or Slack) or a time, absolute
 * (`2026-11-20`, `2026-11-20T09:30`, `last monday`) or relative (`2h`, `3 days`, `90 minutes ago`, `yesterday`),
 * in the one grammar of `domain/time/when.ts`.
 */

const DISCORD_EPOCH = 1420070400000n;
const DISCORD_LINK = /^https?:\/\/(?:\w+\.)?discord(?:app)?\.com\/channels\/(?:\d+|@me)\/\d+\/(\d{15,21})\/?$/i;
// Slack permalinks carry the message ts without its dot: p1700000000123456 = 1700000000.123456.
const SLACK_LINK = /^https?:\/\/[\w.-]+\.slack\.com\/archives\/[A-Z0-9]+\/p(\d{10})(\d{6})(?:\?.*)?$/i;

export function parseSince(input: string, now: Date, zone = 'UTC'): Date {
  const value = input.trim();
  const discord = DISCORD_LINK.exec(value);
  if (discord) return new Date(Number((BigInt(discord[1]!) >> 22n) + DISCORD_EPOCH));
  const slack = SLACK_LINK.exec(value);
  if (slack) return new Date(Number(slack[1]) * 1000 + Math.floor(Number(slack[2]) / 1000));

  const at = parseWhen(value, { now, zone, direction: 'past' });
  if (at) {
    if (at > now) throw new UserError(md`since: ${value} is in the future.`, 'since.future');
    return at;
  }
  throw new UserError(
    md`since: "${value}" is neither a message link nor a time. Use a message link, a date like \`2026-11-20\`, or a span like \`3h\` or \`2 days\`.`,
    'since.bad',
  );
}
