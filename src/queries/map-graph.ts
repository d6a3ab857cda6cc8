import type { Claim } from '../domain/claims.ts';
import type { CruxGraph } from '../domain/crux-graph.ts';
import type { Debate } from '../domain/debates.ts';
import { focusView, MAP_MAX_CLAIMS } from '../render/map/focus.ts';
import type { Reader } from '../storage/ports.ts';

type Reads = Pick<Reader, 'debates' | 'claims' | 'graphOf' | 'neighbourhoodOf'>;

/** What the map draws from: the graph it needs (the whole debate, or the part around a focus) and the debate's size. */
export interface MapGraph {
  /** The whole debate when it is drawn whole; otherwise only the claims around `centre` and their links. */
  readonly graph: CruxGraph;
  readonly claims: number;
  readonly links: number;
  /** The debate's root claim (the one chosen, else the first), when it has claims. */
  readonly root?: Claim;
}

/**
 * Reads what the picture needs and no more. A debate small enough to draw whole is read whole; otherwise
 * the focus view's neighbourhood is read around the focus (the root when none is given), a few links deep
 * one link deeper only while the view could still grow, so `focusView` on it picks exactly the claims it would
 * pick on the whole graph.
 */
export async function mapGraph(
  store: Reads,
  debate: Debate,
  request: { focus?: Claim; depth?: number; maxClaims?: number } = {},
): Promise<MapGraph> {
  const maxClaims = Math.max(1, request.maxClaims ?? MAP_MAX_CLAIMS);
  const overview = await store.debates.overview(debate.workspace, debate.id, 0);
  const claims = overview.byStatus.reduce((n, s) => n + s.n, 0);
  if (claims === 0 || (!request.focus && request.depth === undefined && claims <= maxClaims)) {
    const graph = await store.graphOf(debate);
    const root = rootOf(graph);
    return { graph, claims: graph.claims.length, links: graph.links.length, ...(root ? { root } : {}) };
  }
  const root = await rootClaim(store, debate);
  const centre = request.focus ?? root!;
  const asked = request.depth ?? Number.POSITIVE_INFINITY;
  let graph: CruxGraph;
  // One link deeper at a time: a ring past the one the view stops at can be most of a well-linked debate.
  for (let reach = Math.min(1, asked); ; reach++) {
    graph = await store.neighbourhoodOf(debate, centre.id, reach);
    // The view is settled when it asked for no more than was read, or stopped before the edge of what was
    // read (its ring did not fit, or nothing lies beyond); otherwise read one link deeper.
    if (reach >= asked || reach >= maxClaims) break;
    const view = focusView(graph, centre, { depth: reach, maxClaims });
    if (view.partial || view.depth < reach || view.hiddenNeighbours.size === 0) break;
  }
  // Unasked, the root's whole part fitting means the debate is in several parts: the map then draws the
  // largest of them, which only the whole graph shows.
  if (!request.focus && request.depth === undefined) {
    const view = focusView(graph, centre, { maxClaims });
    if (!view.partial && view.hiddenNeighbours.size === 0) graph = await store.graphOf(debate);
  }
  return { graph, claims, links: overview.links, ...(root ? { root } : {}) };
}

/** The chosen root if it is in the debate, else the claim with the lowest number. */
async function rootClaim(store: Reads, debate: Debate): Promise<Claim | undefined> {
  if (debate.rootClaimId !== null) {
    const chosen = await store.claims.byId(debate.workspace, debate.rootClaimId);
    if (chosen && chosen.debateId === debate.id) return chosen;
  }
  return (await store.claims.list(debate.workspace, { debateId: debate.id, limit: 1 })).claims[0];
}

function rootOf(graph: CruxGraph): Claim | undefined {
  const chosen = graph.debate.rootClaimId === null ? undefined : graph.claims.find((c) => c.id === graph.debate.rootClaimId);
  return chosen ?? [...graph.claims].sort((a, b) => a.number - b.number)[0];
}
