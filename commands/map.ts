import { defineCommand } from '../src/core/command.ts';
import { md } from '../src/core/markup.ts';
import { context, pre } from '../src/core/reply.ts';
import { renderOutline } from '../src/domain/outline.ts';
import { resolveDebate } from '../src/views/lookup.ts';

export default defineCommand({
  name: 'map',
  description: 'Show the debate’s crux graph as an outline',
  options: [{ name: 'debate', type: 'debate', description: 'The debate (default: this channel’s)', positional: true }] as const,
  examples: ['/map', '/map reward-seeking'],
  handler(ctx) {
    const debate = resolveDebate(ctx, ctx.args.debate);
    const { store } = ctx.services;
    const outline = renderOutline(debate, store.claims.inDebate(debate.id), store.links.inDebate(debate.id));
    return {
      title: `Map of ${debate.slug}`,
      blocks: [
        pre(outline),
        context(md`+ supports · − opposes · ◆ crux of · ≈ refines · = duplicates. Open a claim with \`/claim show C#\`.`),
      ],
    };
  },
});
