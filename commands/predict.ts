import { predict } from '../src/app/forecasts.ts';
import { resolveDebate } from '../src/app/lookup.ts';
import { defineCommand } from '../src/core/command.ts';
import { md } from '../src/core/markup.ts';
import { CLAIM_TEXT_MAX, claimRef, parseTags } from '../src/domain/claims.ts';
import { formatRelative } from '../src/domain/credences/close-time.ts';
import { formatPercent, parseCredence } from '../src/domain/credences/parse-credence.ts';
import { parseResolveBy } from '../src/domain/forecasts.ts';
import { formatInZone } from '../src/domain/time/when.ts';
import { timeZoneOf } from '../src/queries/time-zone.ts';
import { showClaim } from './claim/card.ts';

/** A prediction in one line: the claim, your credence in it, and when it should be resolved. */
export default defineCommand({
  name: 'predict',
  description: 'Make a prediction in one step: the claim, your credence, and when it resolves',
  options: [
    { name: 'text', type: 'string', description: 'What you predict, in a sentence', required: true, positional: true, maxLength: CLAIM_TEXT_MAX },
    { name: 'credence', type: 'string', description: 'How likely: 70, 70%, 0.7 or 3:1', required: true, example: '70' },
    { name: 'resolve-by', type: 'string', description: 'When it can be resolved: "next friday", "in 2 weeks", 2027-01-31', example: '"next friday"' },
    { name: 'tags', type: 'string', description: 'Tags, separated by commas or spaces', autocomplete: 'tag', example: 'benchmarks' },
    { name: 'debate', type: 'debate', description: 'The debate (default: this channel’s)' },
  ] as const,
  examples: ['/predict text:"SWE-bench is above 90% by June" credence:70 resolve-by:"2027-06-30" tags:benchmarks'],
  async handler(ctx) {
    // Every option is checked before anything is stored.
    const value = parseCredence(ctx.args.credence);
    const { zone, from } = await timeZoneOf(ctx.services.queries, ctx.workspace, ctx.actor);
    const now = ctx.services.clock();
    const when = ctx.args['resolve-by'];
    const at = when === undefined ? undefined : parseResolveBy(when, now, zone);
    const tags = parseTags(ctx.args.tags);
    const debate = await resolveDebate(ctx, ctx.args.debate);
    const { claim } = await predict(ctx, { debate, text: ctx.args.text, tags, value, ...(at ? { resolveBy: { at, zone } } : {}) });
    const due = at
      ? md` Resolve by ${formatInZone(at, zone)} (${formatRelative(at, now)}; time zone from ${from}). Change your zone with \`/config timezone:Europe/London\`.`
      : md` No resolve-by date: add one next time with \`resolve-by:"in 2 weeks"\`.`;
    return await showClaim(ctx, claim, md`Predicted ${claimRef(claim)} at ${formatPercent(value)} in \`${debate.slug}\`.${due}`);
  },
});
