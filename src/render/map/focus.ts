import type { Claim } from '../../domain/claims.ts';
import type { Link, LinkKind } from '../../domain/links.ts';
import type { CruxGraph } from '../../domain/crux-graph.ts';

/** Past this many claims a picture stops being readable: the map shows a focus view instead. */
export const MAP_MAX_CLAIMS = 40;
/** The deepest focus view anyone can ask for (`/map focus:C4 depth:6`). */
export const MAP_MAX_DEPTH = 6;

export interface FocusView {
  readonly focus: Claim;
  readonly claims: Claim[];
  readonly links: Link[];
  /** How many links away from the focus the view reaches completely. */
  readonly depth: number;
  /** Neighbours each shown claim has outside the view, by claim row id (only those with some). */
  readonly hiddenNeighbours: Map<number, number>;
  /**
   * When the claims one link beyond `depth` did not all fit: how many of them there are, and how many
   * (the most important) are shown.
   */
  readonly partial?: { readonly shown: number; readonly of: number };
}

// Which neighbours to keep first when not all fit: cruxes, then the arguments for and against.
const KIND_PRIORITY: Record<LinkKind, number> = { 'crux-of': 0, opposes: 1, supports: 1, refines: 2, duplicates: 3 };

/**
 * The claims within `depth` links of `focus` (in either direction), at most `maxClaims` of them. With
 * no depth, as deep as fits. When a ring of neighbours does not fit whole, the cruxes and the claims
 * for and against come first, then the lowest numbers.
 */
export function focusView(graph: CruxGraph, focus: Claim, options: { depth?: number; maxClaims?: number } = {}): FocusView {
  const maxClaims = Math.max(1, options.maxClaims ?? MAP_MAX_CLAIMS);
  const maxDepth = options.depth ?? Number.POSITIVE_INFINITY;
  const byId = new Map(graph.claims.map((c) => [c.id, c]));
  const neighbours = new Map<number, { id: number; priority: number }[]>();
  for (const link of graph.links) {
    if (!byId.has(link.fromClaimId) || !byId.has(link.toClaimId)) continue;
    const priority = KIND_PRIORITY[link.kind];
    neighbours.set(link.fromClaimId, [...(neighbours.get(link.fromClaimId) ?? []), { id: link.toClaimId, priority }]);
    neighbours.set(link.toClaimId, [...(neighbours.get(link.toClaimId) ?? []), { id: link.fromClaimId, priority }]);
  }

  const shown = new Set<number>([focus.id]);
  let ring = [focus.id];
  let depth = 0;
  let partial: FocusView['partial'];
  while (ring.length && depth < maxDepth) {
    const best = new Map<number, number>();
    for (const id of ring) {
      for (const n of neighbours.get(id) ?? []) {
        if (!shown.has(n.id)) best.set(n.id, Math.min(best.get(n.id) ?? 9, n.priority));
      }
    }
    if (best.size === 0) break;
    const next = [...best.entries()].sort((a, b) => a[1] - b[1] || byId.get(a[0])!.number - byId.get(b[0])!.number).map(([id]) => id);
    const room = maxClaims - shown.size;
    if (next.length > room) {
      next.slice(0, room).forEach((id) => shown.add(id));
      partial = { shown: room, of: next.length };
      break;
    }
    next.forEach((id) => shown.add(id));
    ring = next;
    depth++;
  }

  const hiddenNeighbours = new Map<number, number>();
  for (const id of shown) {
    const hidden = new Set((neighbours.get(id) ?? []).map((n) => n.id).filter((n) => !shown.has(n))).size;
    if (hidden > 0) hiddenNeighbours.set(id, hidden);
  }
  return {
    focus,
    claims: graph.claims.filter((c) => shown.has(c.id)),
    links: graph.links.filter((l) => shown.has(l.fromClaimId) && shown.has(l.toClaimId)),
    depth,
    hiddenNeighbours,
    ...(partial ? { partial } : {}),
  };
}
