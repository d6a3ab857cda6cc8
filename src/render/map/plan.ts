import { claimRef, type Claim } from '../../domain/claims.ts';
import { focusView, MAP_MAX_CLAIMS, MAP_MAX_DEPTH } from './focus.ts';
import { rootClaimOf, type CruxGraph } from '../../domain/crux-graph.ts';
import type { MapView } from './render.ts';

export interface MapRequest {
  /** Show the neighbourhood of this claim. */
  readonly focus?: Claim;
  /** How many links away from the focus; as deep as fits when not given. */
  readonly depth?: number;
  readonly maxClaims?: number;
}

export interface MapPlan {
  readonly view: Omit<MapView, 'credenceOf'>;
  /** Claims in the debate, and in the picture. */
  readonly total: number;
  readonly shown: number;
  /** Set when the picture is a focus view (asked for, or because the debate is too big). */
  readonly focus?: Claim;
  /** The command line that shows more, when some claims are left out. */
  readonly seeMore?: string;
}

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

/** The whole debate's size and root, when `graph` holds only the part of it around the focus. */
export interface DebateSize {
  readonly claims: number;
  readonly links: number;
  readonly root?: Claim;
}

/**
 * What the map shows: the whole debate when it is small enough to read, otherwise (or when asked)
 * the claims around a focus claim, with notes that say what is left out and how to see it. `graph` is
 * the whole debate, or (with `size`) the neighbourhood of the focus that `mapGraph` read.
 */
export function planCruxMap(graph: CruxGraph, request: MapRequest = {}, size?: DebateSize): MapPlan {
  const maxClaims = request.maxClaims ?? MAP_MAX_CLAIMS;
  const root = size ? size.root : rootClaimOf(graph);
  const total = size?.claims ?? graph.claims.length;
  const counts = `${graph.debate.slug} · ${plural(total, 'claim')} · ${plural(size?.links ?? graph.links.length, 'link')}`;
  const base = { title: graph.debate.title, ...(root ? { rootId: root.id } : {}) };

  if (!request.focus && request.depth === undefined && total <= maxClaims) {
    return { view: { ...base, notes: [counts], claims: graph.claims, links: graph.links }, total, shown: total };
  }

  const focus = request.focus ?? root!;
  const view = focusView(graph, focus, { ...(request.depth !== undefined ? { depth: request.depth } : {}), maxClaims });
  const reach = view.depth === 0 ? (view.partial ? '' : 'no linked claims') : view.depth === 1 ? '1 link deep' : `${view.depth} links deep`;
  const asked = request.focus !== undefined || request.depth !== undefined;
  const around = `${claimRef(focus)}${focus.id === root?.id ? ' (the root)' : ''}`;
  const beyond = view.partial
    ? `${view.depth === 0 ? '' : ','} plus ${view.partial.shown} of the ${view.partial.of} claims ${view.depth + 1 === 1 ? '1 link' : `${view.depth + 1} links`} away`
    : '';
  const what = asked
    ? `Around ${around}, ${reach}${beyond}`
    : `${plural(total, 'claim')} are too many for one picture: this is the neighbourhood of the root ${claimRef(focus)}, ${reach}${beyond}`;
  const notes = [`${counts} · showing ${view.claims.length} of ${total}`, `${what}.`];

  const boundary = [...view.hiddenNeighbours.entries()].sort((a, b) => b[1] - a[1])[0];
  const boundaryClaim = boundary && graph.claims.find((c) => c.id === boundary[0]);
  const hiddenTotal = total - view.claims.length;
  // Asked for a focus: look one link further around it. A big debate's automatic view: move to the
  // claim on its edge with the most left out.
  let seeMore: string | undefined;
  if (asked && view.hiddenNeighbours.size && view.depth < MAP_MAX_DEPTH && !view.partial)
    seeMore = `/map focus:${claimRef(focus)} depth:${view.depth + 1}`;
  else if (boundaryClaim && boundaryClaim.id !== focus.id) seeMore = `/map focus:${claimRef(boundaryClaim)} depth:2`;
  if (hiddenTotal > 0) {
    notes.push(
      seeMore
        ? `See more with ${seeMore}, or the whole debate as text with /map format:text.`
        : `The rest is not linked to ${claimRef(focus)}: see it with /map focus:C#, or the whole debate as text with /map format:text.`,
    );
  }
  return {
    view: { ...base, notes, claims: view.claims, links: view.links, hiddenNeighbours: view.hiddenNeighbours, focusId: focus.id },
    total,
    shown: view.claims.length,
    focus,
    ...(seeMore ? { seeMore } : {}),
  };
}
