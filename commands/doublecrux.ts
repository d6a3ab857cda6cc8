import { defineCommand } from '../src/core/command.ts';
import { UserError } from '../src/core/errors.ts';
import { joinMarkup, md } from '../src/core/markup.ts';
import { context, table, text } from '../src/core/reply.ts';
import { claimRef } from '../src/domain/claims.ts';
import { DISAGREEMENT, findDoubleCruxes, type DoubleCruxRow } from '../src/domain/credences/double-crux.ts';
import { formatPercent } from '../src/domain/credences/parse-credence.ts';
import { leftOutNote } from '../src/views/credence-summary.ts';
import { loadCruxData } from '../src/queries/cruxes.ts';
import { shortText } from '../src/core/values.ts';

const SHOWN = 8;
const pts = (x: number) => `${Math.round(x * 100)} pts`;

export default defineCommand({
  name: 'doublecrux',
  description: 'Find the claims that would settle a disagreement between two people on a claim',
  options: [
    { name: 'claim', type: 'claim', description: 'The claim they disagree on, e.g. C1', required: true, positional: true },
    { name: 'first', type: 'user', description: 'One person', required: true, positional: true },
    { name: 'second', type: 'user', description: 'The other person', required: true, positional: true },
  ] as const,
  examples: ['/doublecrux C1 @ada @ben'],
  async handler(ctx) {
    const { queries } = ctx.services;
    const target = await queries.claims.require(ctx.workspace, ctx.args.claim);
    const a = claimRef(target);
    if (ctx.args.first === ctx.args.second) throw new UserError('A double crux needs two different people.', 'doublecrux.same-person');
    const data = await loadCruxData(queries, ctx.workspace, target);
    const name = (id: string) => data.names.get(id) ?? id;
    const note = leftOutNote(data.hidden);
    const leftOut = note ? [context(note)] : [];
    const [p1, p2] = [name(ctx.args.first), name(ctx.args.second)];
    const links = new Map<number, 1 | -1>();
    for (const l of await queries.links.incoming(ctx.workspace, target.id)) {
      if (l.kind === 'supports') links.set(l.fromClaimId, 1);
      if (l.kind === 'opposes') links.set(l.fromClaimId, -1);
    }
    const outcome = findDoubleCruxes(
      data.index,
      target.id,
      ctx.args.first,
      ctx.args.second,
      data.candidates.map((c) => c.id),
      links,
    );

    if (outcome.kind === 'missing-target') {
      const who = outcome.who.map((w) => (w === 'first' ? p1 : p2));
      throw new UserError(
        md`${joinMarkup(who, ' and ')} ${who.length === 1 ? 'has' : 'have'} not given a credence in ${a} yet: \`/credence ${a} <value>\`.`,
        'doublecrux.missing',
      );
    }
    if (outcome.kind === 'agree') {
      return {
        blocks: [
          text(
            md`${p1} (${formatPercent(outcome.first)}) and ${p2} (${formatPercent(outcome.second)}) are within ${Math.round(DISAGREEMENT * 100)} points on ${a}: no disagreement to settle.`,
          ),
        ],
      };
    }

    const title = `Double crux of ${a}: ${p1} ${formatPercent(outcome.first)} vs ${p2} ${formatPercent(outcome.second)}`;
    if (outcome.rows.length === 0) {
      // Say what would make one: the claims they already disagree on, and the conditionals it takes.
      const split = data.candidates
        .map((c) => ({ c, x: data.index.unconditional(c.id).get(ctx.args.first), y: data.index.unconditional(c.id).get(ctx.args.second) }))
        .filter((e) => e.x !== undefined && e.y !== undefined && Math.abs(e.x - e.y) >= DISAGREEMENT)
        .slice(0, 5);
      return {
        title,
        blocks: [
          text(
            md`No claim explains their disagreement yet. A double crux is a claim B they also disagree on, where each would move on ${a} if B were settled, in the direction that explains the gap.`,
          ),
          context(
            split.length
              ? md`They disagree on ${joinMarkup(
                  split.map((e) => md`${claimRef(e.c)} (${formatPercent(e.x!)} vs ${formatPercent(e.y!)})`),
                  ', ',
                )}. Each can say how it bears on ${a}: \`/credence ${a} <value> given:${claimRef(split[0]!.c)}\` and \`given:!${claimRef(split[0]!.c)}\`.`
              : md`They have not both rated any other claim of this debate with a gap of ${Math.round(DISAGREEMENT * 100)} points or more. Rate the claims that bear on ${a}, or link them to it (supports / opposes).`,
          ),
          ...leftOut,
        ],
      };
    }

    const row = (r: DoubleCruxRow) => {
      const claim = data.claims.get(r.claimId)!;
      return [
        `${claimRef(claim)} ${shortText(claim.text, 44)}`,
        formatPercent(r.first),
        formatPercent(r.second),
        r.method === 'conditional' ? pts(r.gapIfTrue!) : '—',
        r.method === 'conditional' ? pts(r.gapIfFalse!) : '—',
        r.method === 'conditional' ? 'conditionals' : 'link only',
      ];
    };
    const best = outcome.rows[0]!;
    const bestRef = claimRef(data.claims.get(best.claimId)!);
    const gapNow = pts(Math.abs(outcome.first - outcome.second));
    return {
      title,
      blocks: [
        text(
          best.method === 'conditional'
            ? md`Settle **${bestRef}** first: if it is true, ${p1} and ${p2} would be ${pts(best.gapIfTrue!)} apart on ${a}; if false, ${pts(best.gapIfFalse!)} (now ${gapNow}).`
            : md`**${bestRef}** may be the crux: they disagree on it, and it ${links.get(best.claimId) === 1 ? 'supports' : 'opposes'} ${a} in the direction of their gap. Give conditionals to measure it.`,
        ),
        table(['claim', p1, p2, `gap on ${a} if true`, 'if false', 'from'], outcome.rows.slice(0, SHOWN).map(row), [
          'left',
          'right',
          'right',
          'right',
          'right',
          'left',
        ]),
        context(
          md`Rows: claims both rated ${Math.round(DISAGREEMENT * 100)}+ points apart, that move each of them on ${a} (by their P(${a}|B) and P(${a}|¬B)) in the direction of their disagreement; “link only” rows rest on a supports/opposes link instead of conditionals.`,
        ),
        ...leftOut,
      ],
    };
  },
});
