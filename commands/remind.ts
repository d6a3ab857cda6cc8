import { snoozeReminder } from '../src/app/forecasts.ts';
import { defineCommand, subcommand } from '../src/core/command.ts';
import { md } from '../src/core/markup.ts';
import { claimRef } from '../src/domain/claims.ts';
import { formatRelative } from '../src/domain/credences/close-time.ts';
import { parseWhen, formatInZone } from '../src/domain/time/when.ts';
import { UserError } from '../src/core/errors.ts';
import { timeZoneOf } from '../src/queries/time-zone.ts';
import { showClaim } from './claim/card.ts';

const snooze = subcommand({
  name: 'snooze',
  description: 'Put off the reminder to resolve a claim (its author or a moderator)',
  options: [
    { name: 'claim', type: 'claim', description: 'The claim id, e.g. C3', required: true, positional: true },
    { name: 'until', type: 'string', description: 'When to remind again: "in 2 weeks", "next monday" (default: a week)', positional: true, example: '"in 2 weeks"' },
  ] as const,
  examples: ['/remind snooze C3 "in 2 weeks"'],
  async handler(ctx) {
    const claim = await ctx.services.queries.claims.require(ctx.workspace, ctx.args.claim);
    const now = ctx.services.clock();
    const { zone } = await timeZoneOf(ctx.services.queries, ctx.workspace, ctx.actor);
    const raw = ctx.args.until ?? 'in 1 week';
    const until = parseWhen(raw, { now, zone, direction: 'future' });
    if (!until) throw new UserError(md`until: "${raw.slice(0, 40)}" is not a time I understand. Write "in 2 weeks", "next monday" or 2027-01-31.`, 'remind.bad-date');
    if (until <= now) throw new UserError(md`until: ${raw.slice(0, 40)} is in the past; pick a later time, e.g. "in 2 weeks".`, 'remind.date-past');
    await snoozeReminder(ctx, claim, until);
    return { ...(await showClaim(ctx, claim, md`I will remind you about ${claimRef(claim)} again ${formatInZone(until, zone)} (${formatRelative(until, now)}).`)), ephemeral: true };
  },
});

export default defineCommand({
  name: 'remind',
  description: 'Reminders to resolve predictions: put one off',
  subcommands: [snooze],
  defaultSubcommand: 'snooze',
});
