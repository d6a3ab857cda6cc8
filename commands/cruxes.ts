import { defineCommand } from '../src/core/command.ts';
import { UserError } from '../src/core/errors.ts';
import { md } from '../src/core/markup.ts';
import { context, table, text } from '../src/core/reply.ts';
import { claimRef } from '../src/domain/claims.ts';
import { rankCruxes, PROXY_MIN_PEOPLE, type CruxRow } from '../src/domain/credences/cruxes.ts';
import { leftOutNote, people, spreadText } from '../src/views/credence-summary.ts';
import { loadCruxData } from '../src/queries/cruxes.ts';
import { shortText } from '../src/core/values.ts';

const SHOWN = 10;

export default defineCommand({
  name: 'cruxes',
  description: 'Rank the claims whose truth would move the team’s belief in a claim most',
  options: [
    { name: 'claim', type: 'claim', description: 'The claim to find cruxes of, e.g. C1', required: true, positional: true },
    { name: 'limit', type: 'integer', description: 'How many rows (default 10)', min: 1, max: 25 },
  ] as const,
  examples: ['/cruxes C1', '/cruxes C1 limit:5'],
  async handler(ctx) {
    const { queries } = ctx.services;
    const target = await queries.claims.require(ctx.workspace, ctx.args.claim);
    const a = claimRef(target);
    const data = await loadCruxData(queries, ctx.workspace, target);
    const ranking = rankCruxes(
      data.index,
      target.id,
      data.candidates.map((c) => c.id),
    );

    const leftOut = leftOutNote(data.hidden);
    if (ranking.rows.length === 0) {
      const how = md`give conditional credences, \`/credence ${a} 80 given:C5\` and \`/credence ${a} 30 given:!C5\` (and your \`/credence C5 …\`), or have at least ${PROXY_MIN_PEOPLE} people rate ${a} and the other claims`;
      throw new UserError(
        ranking.ratersOfTarget === 0
          ? md`Nobody has given a credence in ${a} yet, so nothing can be ranked as its crux. Start with \`/credence ${a} 70\`; then ${how}.`
          : md`${people(ranking.ratersOfTarget)} rated ${a}, but no other claim has conditionals on it or ratings from ${PROXY_MIN_PEOPLE} of the same people. To find its cruxes, ${how}.${leftOut ? md` ${leftOut}` : ''}`,
        'cruxes.no-data',
      );
    }

    const cruxLinks = new Set(
      (await queries.links.incoming(ctx.workspace, target.id)).filter((l) => l.kind === 'crux-of').map((l) => l.fromClaimId),
    );
    const shown = ranking.rows.slice(0, ctx.args.limit ?? SHOWN);
    const row = (r: CruxRow) => {
      const claim = data.claims.get(r.claimId)!;
      return [
        `${cruxLinks.has(r.claimId) ? '◆ ' : ''}${claimRef(claim)} ${shortText(claim.text, 48)}`,
        r.method === 'conditional' ? 'conditionals' : 'proxy',
        r.method === 'conditional'
          ? `${Math.round(r.meanStrength! * 100)} pts`
          : `${r.score.toFixed(2)} (r ${r.correlation! >= 0 ? '+' : '−'}${Math.abs(r.correlation!).toFixed(2)})`,
        r.spread ? (r.spread.people > 1 ? spreadText(r.spread) : `${people(1)}`) : '—',
        `${r.people}${r.usingTeamB ? ` (${r.usingTeamB} with the team’s P)` : ''}`,
      ];
    };
    const left = ranking.rows.length - shown.length;
    return {
      title: `Cruxes of ${a}`,
      blocks: [
        text(md`${target.text}`),
        table(['claim', 'method', 'strength', 'spread on it', 'people'], shown.map(row), ['left', 'left', 'right', 'left', 'right']),
        context(
          md`**conditionals**: the mean over people of 2·P(B)·(1−P(B))·|P(${a}|B) − P(${a}|¬B)|, how far learning B would move their P(${a}), in points. **proxy** (no conditionals yet): |correlation of people’s log-odds on B and on ${a}| × the team’s spread on B (SD of log-odds); r > 0: those surer of B are surer of ${a}. Measured rows come first; ◆ marks claims linked as a crux of ${a}.`,
        ),
        ...(left > 0 || ranking.unranked.length
          ? [
              context(
                md`${left > 0 ? `${left} more ranked (limit:${Math.min(25, ranking.rows.length)}). ` : ''}${
                  ranking.unranked.length
                    ? `${ranking.unranked.length} other claim${ranking.unranked.length === 1 ? ' has' : 's have'} too little data to rank.`
                    : ''
                }`,
              ),
            ]
          : []),
        ...(leftOut ? [context(leftOut)] : []),
      ],
    };
  },
});
