import { addLink } from '../src/app/links.ts';
import { defineCommand } from '../src/core/command.ts';
import { md } from '../src/core/markup.ts';
import { context, notice, text } from '../src/core/reply.ts';
import { claimRef } from '../src/domain/claims.ts';
import { LINK_KIND_INFO, LINK_KINDS } from '../src/domain/links.ts';

export default defineCommand({
  name: 'link',
  description: 'Link two claims: supports, opposes, crux-of, refines, duplicates',
  options: [
    { name: 'from', type: 'claim', description: 'The claim that supports, opposes… (e.g. C2)', required: true, positional: true },
    { name: 'to', type: 'claim', description: 'The claim it is about (e.g. C1)', required: true, positional: true },
    { name: 'kind', type: 'string', description: 'How they relate', required: true, positional: true, choices: LINK_KINDS },
    { name: 'across', type: 'boolean', description: 'Link claims of two different debates (asked for, since ids count across debates)' },
  ] as const,
  examples: ['/link from:C2 to:C1 kind:supports', '/link C5 C1 crux-of'],
  async handler(ctx) {
    const { claims } = ctx.services.queries;
    const from = await claims.require(ctx.workspace, ctx.args.from);
    const to = await claims.require(ctx.workspace, ctx.args.to);
    const { created } = await addLink(ctx, from, to, ctx.args.kind, { acrossDebates: ctx.args.across === true });
    const verb = LINK_KIND_INFO[ctx.args.kind].verb;
    if (!created) return notice(md`${claimRef(from)} already ${verb} ${claimRef(to)}; nothing changed.`);
    const short = (s: string) => (s.length > 120 ? `${s.slice(0, 119)}…` : s);
    return {
      blocks: [
        text(md`**${claimRef(from)}** ${verb} **${claimRef(to)}**`),
        context(md`${claimRef(from)}: ${short(from.text)}\n${claimRef(to)}: ${short(to.text)}`),
      ],
      accent: ctx.args.kind === 'opposes' ? 'warning' : 'success',
    };
  },
});
