import { defineCommand } from '../src/core/command.ts';
import { UserError } from '../src/core/errors.ts';
import { md } from '../src/core/markup.ts';
import { context } from '../src/core/reply.ts';
import { parseClaimId } from '../src/core/values.ts';
import { claimRef, type Claim } from '../src/domain/claims.ts';
import { findOpinionGroups } from '../src/domain/credences/opinion-groups.ts';
import { opinionMapPng } from '../src/render/opinion-map.ts';
import { leftOutNote } from '../src/views/credence-summary.ts';
import { partitionHidden } from '../src/queries/credences.ts';
import { resolveDebate } from '../src/app/lookup.ts';
import { groupLabel, opinionGroupBlocks, opinionMapAxes } from '../src/views/opinion-groups-view.ts';
import { debateMatrix } from '../src/queries/opinion-groups.ts';

export default defineCommand({
  name: 'groups',
  description: 'Find opinion groups in the team’s credences, Polis’s way: what sets each apart, what divides',
  options: [
    { name: 'debate', type: 'debate', description: 'The debate (default: this channel’s)', positional: true },
    { name: 'claims', type: 'string', description: 'Only these claims, e.g. C1,C3,C7', maxLength: 400, example: 'C1,C3,C7' },
  ] as const,
  examples: ['/groups', '/groups goal-drift', '/groups claims:C1,C2,C5,C8'],
  slow: true,
  expensive: true,
  async handler(ctx) {
    const { queries } = ctx.services;
    const debate = await resolveDebate(ctx, ctx.args.debate);
    const claims: Claim[] = ctx.args.claims
      ? await Promise.all(
          ctx.args.claims
            .split(/[\s,]+/)
            .filter(Boolean)
            .map(async (word) => {
              const n = parseClaimId(word);
              if (n === undefined)
                throw new UserError(md`claims: "${word}" is not a claim id; list them like C1,C3,C7.`, 'groups.bad-claims');
              return await queries.claims.require(ctx.workspace, n);
            }),
        )
      : (await queries.claims.inDebate(debate.id)).filter((c) => c.status !== 'retracted');
    const { shown: unique, hidden } = await partitionHidden(queries, ctx.workspace, [...new Map(claims.map((c) => [c.id, c])).values()]);
    const leftOut = leftOutNote(hidden);
    const data = await debateMatrix(queries, ctx.workspace, unique, ctx.args.claims ? undefined : debate.id);
    const result = findOpinionGroups(data.matrix);
    const where = ctx.args.claims ? `${unique.length} claims` : `\`${debate.slug}\``;
    if (result.kind === 'too-few') {
      const why =
        result.statements < 2
          ? md`Opinion groups need at least 2 claims with credences; ${where} has ${result.statements}.`
          : md`Opinion groups need at least ${result.needPeople} people who rated several of the claims; ${where} has ${result.people}. Ask the team to rate more claims (\`/credence C1 70\`) or open a poll (\`/poll C1\`).`;
      throw new UserError(leftOut ? md`${why} ${leftOut}` : why, 'groups.too-few');
    }
    const title = ctx.args.claims
      ? `Opinion groups over ${unique.map(claimRef).join(', ')}`.slice(0, 200)
      : `Opinion groups in ${debate.slug}`;
    const png = opinionMapPng(
      title,
      data.people.map((p, i) => ({
        x: result.positions[i]![0] ?? 0,
        y: result.positions[i]![1] ?? 0,
        group: result.groupOf[i]!,
        label: p.name,
      })),
      result.groups.map((g) => ({ label: groupLabel(g.id), size: g.members.length })),
      opinionMapAxes(data, result),
    );
    return {
      title,
      blocks: [...opinionGroupBlocks(data, result), ...(leftOut ? [context(leftOut)] : [])],
      attachments: [
        {
          name: 'opinion-groups.png',
          data: png.data,
          contentType: 'image/png',
          description: `Opinion map: ${result.groups.map((g) => `group ${groupLabel(g.id)} of ${g.members.length}`).join(', ')}`,
        },
      ],
    };
  },
});
