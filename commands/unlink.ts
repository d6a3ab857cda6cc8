import { removeLinks } from '../src/app/links.ts';
import { defineCommand } from '../src/core/command.ts';
import { joinMarkup, md } from '../src/core/markup.ts';
import { notice } from '../src/core/reply.ts';
import { claimRef } from '../src/domain/claims.ts';
import { LINK_KIND_INFO, LINK_KINDS } from '../src/domain/links.ts';

export default defineCommand({
  name: 'unlink',
  description: 'Remove a link between two claims',
  options: [
    { name: 'from', type: 'claim', description: 'The linking claim (e.g. C2)', required: true, positional: true },
    { name: 'to', type: 'claim', description: 'The linked claim (e.g. C1)', required: true, positional: true },
    { name: 'kind', type: 'string', description: 'Only this kind of link (default: all from → to)', positional: true, choices: LINK_KINDS },
  ] as const,
  examples: ['/unlink from:C2 to:C1', '/unlink C5 C1 crux-of'],
  async handler(ctx) {
    const { claims } = ctx.services.queries;
    const from = await claims.require(ctx.workspace, ctx.args.from);
    const to = await claims.require(ctx.workspace, ctx.args.to);
    const removed = await removeLinks(ctx, from, to, ctx.args.kind);
    const what = joinMarkup(
      removed.map((l) => md`${claimRef(from)} ${LINK_KIND_INFO[l.kind].verb} ${claimRef(to)}`),
      '; ',
    );
    return notice(md`Removed: ${what}.`, { accent: 'success', ephemeral: false });
  },
});
