import { defineCommand } from '../src/core/command.ts';
import { UserError } from '../src/core/errors.ts';
import { md } from '../src/core/markup.ts';
import { context, notice, pre, type Reply } from '../src/core/reply.ts';
import { claimRef, type Claim } from '../src/domain/claims.ts';
import { renderOutline, type OutlineOptions } from '../src/domain/outline.ts';
import { focusView, MAP_MAX_DEPTH } from '../src/render/map/focus.ts';
import { rootClaimOf, type CruxGraph } from '../src/domain/crux-graph.ts';
import { mapAltText } from '../src/render/map/alt-text.ts';
import { renderMapThatFits } from '../src/render/map/fit.ts';
import type { MapPlan } from '../src/render/map/plan.ts';
import { resolveDebate } from '../src/app/lookup.ts';
import { credenceAnnotator } from '../src/views/credence-summary.ts';
import { debateCredences } from '../src/queries/credences.ts';
import { teamCredenceLookup } from '../src/queries/team-credence.ts';
import { mapGraph } from '../src/queries/map-graph.ts';

export default defineCommand({
  name: 'map',
  description: 'Show the debate’s crux graph as a picture (or as a text outline)',
  options: [
    { name: 'debate', type: 'debate', description: 'The debate (default: this channel’s)', positional: true },
    { name: 'focus', type: 'claim', description: 'Show only the claims around this one, e.g. C4' },
    { name: 'depth', type: 'integer', description: `How many links away from the focus (1–${MAP_MAX_DEPTH})`, min: 1, max: MAP_MAX_DEPTH },
    { name: 'format', type: 'string', description: 'png (a picture, the default) or text (an outline)', choices: ['png', 'text'] },
  ] as const,
  examples: ['/map', '/map focus:C4 depth:2', '/map reward-seeking format:text'],
  slow: true,
  expensive: true,
  async handler(ctx) {
    const debate = await resolveDebate(ctx, ctx.args.debate);
    const { queries } = ctx.services;
    const focus = ctx.args.focus === undefined ? undefined : await queries.claims.require(ctx.workspace, ctx.args.focus);
    if (focus && focus.debateId !== debate.id) {
      throw new UserError(
        md`${claimRef(focus)} is not in \`${debate.slug}\`; name its debate with \`debate:<slug>\`.`,
        'map.focus-elsewhere',
      );
    }

    const edited = new Set(await queries.claims.editedInDebate(ctx.workspace, debate.id));
    if (ctx.args.format === 'text') {
      const graph = await queries.graphOf(debate);
      return outlineReply(graph, focus, ctx.args.depth, {
        annotate: credenceAnnotator(await debateCredences(queries, ctx.workspace, debate.id)),
        edited,
      });
    }
    // The picture reads only what it draws: the debate whole when it is small, else the focus's neighbourhood.
    const request = { ...(focus ? { focus } : {}), ...(ctx.args.depth !== undefined ? { depth: ctx.args.depth } : {}) };
    const { graph, ...size } = await mapGraph(queries, debate, request);
    if (size.claims === 0) {
      return notice(
        md`\`${debate.slug}\` has no claims yet, so there is nothing to draw. Add the first with \`/claim add <text>\`; the map grows as you link claims.`,
        { ephemeral: false },
      );
    }
    const { plan, picture } = await renderMapThatFits(
      graph,
      request,
      { edited, credenceFor: (drawn) => teamCredenceLookup(ctx, debate, drawn) },
      size,
    );
    return mapReply(
      debate.slug,
      plan,
      picture.png,
      mapAltText(graph, plan),
      Boolean(ctx.services.web.publicUrl ?? ctx.services.web.localUrl),
    );
  },
});

/** The foundation's text outline: the whole debate, or the claims around a focus (the root when only a depth is given). */
function outlineReply(
  graph: CruxGraph,
  focus: Claim | undefined,
  depth: number | undefined,
  marks: Pick<OutlineOptions, 'annotate' | 'edited'>,
): Reply {
  const centre = focus ?? (depth !== undefined ? rootClaimOf(graph) : undefined);
  const view = centre
    ? focusView(graph, centre, { ...(depth !== undefined ? { depth } : {}), maxClaims: Number.POSITIVE_INFINITY })
    : undefined;
  const outline = view
    ? renderOutline({ ...graph.debate, rootClaimId: centre!.id }, view.claims, view.links, marks)
    : renderOutline(graph.debate, graph.claims, graph.links, marks);
  return {
    title: `Map of ${graph.debate.slug}`,
    blocks: [
      pre(outline),
      context(
        md`+ supports · − opposes · ◆ crux of · ≈ refines · = duplicates${marks.edited?.size ? md` · [edited]: the text changed since it was added` : ''}. Open a claim with \`/claim show C#\`.`,
      ),
    ],
  };
}

function mapReply(slug: string, plan: MapPlan, png: Uint8Array, alt: string, webView: boolean): Reply {
  const page = webView && plan.shown < plan.total ? md` The whole debate as a web page: \`/debate share\`.` : '';
  const summary = plan.focus
    ? md`Showing ${plan.shown} of ${plan.total} claims, around ${claimRef(plan.focus)}.${plan.seeMore ? md` See more with \`${plan.seeMore}\`.` : ''} The whole debate as text: \`/map format:text\`.${page}`
    : plan.shown < plan.total
      ? md`Showing ${plan.shown} of ${plan.total} claims: the debate's largest separate parts.${plan.seeMore ? md` See another with \`${plan.seeMore}\`.` : ''} The whole debate as text: \`/map format:text\`.${page}`
      : md`${plan.total} claim${plan.total === 1 ? '' : 's'}. Zoom in with \`/map focus:C# depth:2\`; the outline is \`/map format:text\`.`;
  return {
    title: `Map of ${slug}`,
    blocks: [context(summary)],
    attachments: [
      {
        name: `crux-map-${slug}${plan.focus ? `-${claimRef(plan.focus)}` : ''}.png`,
        data: png,
        contentType: 'image/png',
        description: alt,
      },
    ],
  };
}
