import { defineCommand } from '../src/core/command.ts';
import { UserError } from '../src/core/errors.ts';
import { md } from '../src/core/markup.ts';
import { context, table, text } from '../src/core/reply.ts';
import type { Claim } from '../src/domain/claims.ts';
import { scorePeople, type ResolvedClaim } from '../src/domain/credences/brier.ts';
import { formatPercent } from '../src/domain/credences/parse-credence.ts';
import { shortText } from '../src/core/values.ts';

const SHOWN = 20;
const brier = (x: number) => x.toFixed(3);
const relative = (x: number) => `${x > 0.0005 ? '+' : x < -0.0005 ? '−' : '±'}${Math.abs(x).toFixed(3)}`;

export default defineCommand({
  name: 'scores',
  description: 'Brier scores on resolved claims, per person and against the team’s median',
  options: [
    { name: 'debate', type: 'debate', description: 'Only claims of this debate (default: all here)', positional: true },
    { name: 'user', type: 'user', description: 'One person’s claim-by-claim scores' },
  ] as const,
  examples: ['/scores', '/scores goal-drift', '/scores user:@ada'],
  async handler(ctx) {
    const { queries } = ctx.services;
    const debate = ctx.args.debate ? await queries.debates.require(ctx.workspace, ctx.args.debate) : undefined;
    const resolved = (
      await Promise.all(
        (await queries.resolutions.inWorkspace(ctx.workspace))
          .filter((r) => r.outcome !== 'ambiguous')
          .map(async (r) => ({ r, claim: (await queries.claims.byId(ctx.workspace, r.claimId))! })),
      )
    ).filter(({ claim }) => !debate || claim.debateId === debate.id);
    const scope = debate ? md` in \`${debate.slug}\`` : md``;
    if (resolved.length === 0) {
      throw new UserError(
        md`No claims${scope} are resolved true or false yet, so there is nothing to score. Resolve one with \`/claim resolve C3 true\`.`,
        'scores.none',
      );
    }
    const claims = new Map<number, Claim>(resolved.map(({ claim }) => [claim.id, claim]));
    const names = new Map<string, string>();
    const input: ResolvedClaim[] = await Promise.all(
      resolved.map(async ({ r, claim }) => {
        const latest = await queries.credences.latestUnconditional(ctx.workspace, claim.id);
        for (const c of latest) names.set(c.userId, c.userName);
        return { claimId: claim.id, outcome: r.outcome === 'true', credences: new Map(latest.map((c) => [c.userId, c.value])) };
      }),
    );
    const scores = scorePeople(input);
    if (scores.length === 0) {
      throw new UserError(
        md`${resolved.length} claim${resolved.length === 1 ? ' is' : 's are'} resolved${scope}, but nobody had given a credence on ${resolved.length === 1 ? 'it' : 'them'}.`,
        'scores.no-credences',
      );
    }
    const note = context(
      md`Brier score: (credence − outcome)², averaged; 0 is perfect, 0.25 is always saying 50%. **vs team**: your Brier minus that of the team’s median credence on the same claims; below 0 means you beat the team.`,
    );

    if (ctx.args.user) {
      const person = scores.find((s) => s.userId === ctx.args.user);
      if (!person) throw new UserError(md`${ctx.args.user} has no credences on resolved claims${scope}.`, 'scores.no-person');
      return {
        title: `Scores of ${names.get(person.userId) ?? person.userId}`,
        blocks: [
          text(
            md`Brier **${brier(person.brier)}** over ${person.claims.length} claim${person.claims.length === 1 ? '' : 's'}, ${relative(person.relative)} vs the team.`,
          ),
          table(
            ['claim', 'outcome', 'credence', 'Brier', 'team median', 'text'],
            person.claims.map((c) => {
              const claim = claims.get(c.claimId)!;
              return [
                `C${claim.number}`,
                c.outcome ? 'true' : 'false',
                formatPercent(c.credence),
                brier(c.brier),
                formatPercent(c.teamMedian),
                shortText(claim.text, 40),
              ];
            }),
            ['left', 'left', 'right', 'right', 'right', 'left'],
          ),
          note,
        ],
      };
    }
    return {
      title: `Scores${debate ? ` in ${debate.slug}` : ''} · ${resolved.length} resolved claim${resolved.length === 1 ? '' : 's'}`,
      blocks: [
        table(
          ['person', 'claims', 'Brier', 'vs team'],
          scores
            .slice(0, SHOWN)
            .map((s) => [names.get(s.userId) ?? s.userId, String(s.claims.length), brier(s.brier), relative(s.relative)]),
          ['left', 'right', 'right', 'right'],
        ),
        note,
      ],
    };
  },
});
