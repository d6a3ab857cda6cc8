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
  const asked = request.focus !== undefined || request.depth !== undefined;
  if (!asked && !view.partial && view.hiddenNeighbours.size === 0) {
    const parts = largestParts(graph, view.claims, maxClaims, base);
    if (parts) return parts;
  }
  const reach = view.depth === 0 ? (view.partial ? '' : 'no linked claims') : view.depth === 1 ? '1 link deep' : `${view.depth} links deep`;
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

/**
 * A debate of many separate parts (a big import, say) whose root's part fits whole: the picture shows
 * the root's part and then the largest other parts, whole, as many as fit, and says how many are left.
 */
function largestParts(
  graph: CruxGraph,
  rootPart: readonly Claim[],
  maxClaims: number,
  base: Pick<MapPlan['view'], 'title' | 'rootId'>,
): MapPlan | undefined {
  const taken = new Set(rootPart.map((c) => c.id));
  const parts = separateParts(graph).filter((part) => !part.some((c) => taken.has(c.id)));
  if (parts.length === 0) return undefined;
  parts.sort((a, b) => b.length - a.length || a[0]!.number - b[0]!.number);
  // Largest first, and stop at the first that does not fit: a few big parts say more than many single claims.
  let shownParts = 1;
  for (const part of parts) {
    if (taken.size + part.length > maxClaims) break;
    for (const c of part) taken.add(c.id);
    shownParts++;
  }
  if (shownParts === 1) return undefined;
  const total = graph.claims.length;
  const claims = graph.claims.filter((c) => taken.has(c.id));
  const links = graph.links.filter((l) => taken.has(l.fromClaimId) && taken.has(l.toClaimId));
  const allParts = parts.length + 1;
  // The largest part left out, by its first claim (a star's centre in an imported tree).
  const left = parts[shownParts - 1]?.[0];
  const counts = `${graph.debate.slug} · ${plural(total, 'claim')} · ${plural(graph.links.length, 'link')} · showing ${claims.length} of ${total}`;
  const notes = [
    counts,
    `${plural(total, 'claim')} in ${allParts} separate parts are too many for one picture: this is the root's part and the ${shownParts - 1} largest of the others, whole.`,
    ...(left
      ? [
          `The other ${plural(allParts - shownParts, 'part')} (${plural(total - claims.length, 'claim')}): see one with /map focus:${claimRef(left)}, or the whole debate as text with /map format:text.`,
        ]
      : []),
  ];
  return {
    view: { ...base, notes, claims, links },
    total,
    shown: claims.length,
    ...(left ? { seeMore: `/map focus:${claimRef(left)}` } : {}),
  };
}

/** The debate's claims grouped into parts joined by links (in either direction), each in claim order. */
function separateParts(graph: CruxGraph): Claim[][] {
  const parent = new Map(graph.claims.map((c) => [c.id, c.id]));
  const find = (id: number): number => {
    let root = id;
    while (parent.get(root) !== root) root = parent.get(root)!;
    for (let at = id; at !== root;) {
      const next = parent.get(at)!;
      parent.set(at, root);
      at = next;
    }
    return root;
  };
  for (const link of graph.links) {
    if (!parent.has(link.fromClaimId) || !parent.has(link.toClaimId)) continue;
    parent.set(find(link.fromClaimId), find(link.toClaimId));
  }
  const parts = new Map<number, Claim[]>();
  for (const claim of [...graph.claims].sort((a, b) => a.number - b.number)) {
    const key = find(claim.id);
    const part = parts.get(key);
    if (part) part.push(claim);
    else parts.set(key, [claim]);
  }
  return [...parts.values()];
}
