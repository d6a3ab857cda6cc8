import type { Claim } from '../claims.ts';
import type { Credence } from '../credences/credence.ts';
import type { CruxGraph } from '../crux-graph.ts';
import type { ResolveBy } from '../forecasts.ts';
import type { Poll, PollVote } from '../polls.ts';
import type { Resolution } from '../resolutions.ts';
import type { SimRun } from '../sim-runs.ts';
import type { Capture, CaptureItem, CaptureLink } from '../threads/captures.ts';

/**
 * Everything stored about one debate, as the exports read it: the graph, every credence row (oldest
 * first), the polls on its claims, every resolution (undone ones too), its drift runs and the thread
 * captures filed into it, and its claims' resolve-by dates. Share links are never part of it: a link's
 * token is a secret of the workspace it was made in.
 */
export interface DebateRecord {
  readonly graph: CruxGraph;
  readonly credences: readonly Credence[];
  readonly polls: readonly Poll[];
  /** Each choice poll's vote rows (superseded ones too), oldest first, by poll id. */
  readonly votes: ReadonlyMap<number, readonly PollVote[]>;
  readonly resolutions: readonly Resolution[];
  readonly simRuns: readonly SimRun[];
  readonly captures: readonly CapturedThread[];
  /** By claim row id. */
  readonly resolveBy: ReadonlyMap<number, ResolveBy>;
  /**
   * Claims whose open poll hides its results: their credences (and credences given them) were left
   * out, so an export cannot show what the poll keeps back.
   */
  readonly withheld: readonly Claim[];
}

export interface CapturedThread {
  readonly capture: Capture;
  readonly items: readonly CaptureItem[];
  readonly links: readonly CaptureLink[];
}

/** A record with only the graph (for the formats that draw the map). */
export const graphOnly = (graph: CruxGraph): DebateRecord => ({
  graph,
  credences: [],
  polls: [],
  votes: new Map(),
  resolutions: [],
  simRuns: [],
  captures: [],
  resolveBy: new Map(),
  withheld: [],
});
