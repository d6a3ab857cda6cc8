import type { Aggregate } from '../domain/credences/aggregate.ts';
import { rankCruxes, type CruxRow } from '../domain/credences/cruxes.ts';
import { findOpinionGroups, type OpinionGroupsResult } from '../domain/credences/opinion-groups.ts';
import type { Claim } from '../domain/claims.ts';
import { rootClaimOf } from '../domain/crux-graph.ts';
import type { Debate } from '../domain/debates.ts';
import type { Link } from '../domain/links.ts';
import type { Poll } from '../domain/polls.ts';
import type { Resolution } from '../domain/resolutions.ts';
import type { SimRun } from '../domain/sim-runs.ts';
import type { Reader } from '../storage/ports.ts';
import { aggregateVisibility, debateCredences } from './credences.ts';
import { loadCruxData } from './cruxes.ts';
import { debateMatrix, type DebateMatrix } from './opinion-groups.ts';
import { pollData, type PollData } from './polls.ts';

/** A poll as the page may show it: the results only where the chat would show them to anyone. */
export interface PagePoll {
  readonly poll: Poll;
  /** Undefined when the poll hides its results (or nobody voted yet): the data itself is left out. */
  readonly results?: Pick<PollData, 'aggregate' | 'movers'>;
  /** How many people voted: a count is never hidden. */
  readonly voters: number;
}

/** Everything the read-only page of a debate shows, read through the same rules as the chat. */
export interface DebatePageData {
  readonly debate: Debate;
  readonly root?: Claim;
  readonly claims: readonly Claim[];
  readonly links: readonly Link[];
  /** Aggregates that may be shown to anyone (hidden polls left out), by claim row id. */
  readonly shown: ReadonlyMap<number, Aggregate>;
  /** How many people rated each claim, hidden or not. */
  readonly raters: ReadonlyMap<number, number>;
  readonly resolutions: ReadonlyMap<number, Resolution>;
  readonly polls: readonly PagePoll[];
  readonly runs: readonly SimRun[];
  /** The cruxes of the root, ranked as `/cruxes` ranks them (empty without a root or data). */
  readonly cruxes: readonly CruxRow[];
  readonly groups?: { readonly data: DebateMatrix; readonly result: Extract<OpinionGroupsResult, { kind: 'groups' }> };
}



/**
 * The page's data for anyone holding the link: no viewer, so a poll that hides its results (until it
 * closes, or until one has voted) hides them here too, through `aggregateVisibility` and `debateCredences`.
 */
export async function debatePageData(store: Reader, debate: Debate): Promise<DebatePageData> {
  const workspace = debate.workspace;
  const graph = await store.graphOf(debate);
  const { shown, raters } = await debateCredences(store, workspace, debate.id);
  const ids = new Set(graph.claims.map((c) => c.id));
  const resolutions = new Map((await store.resolutions.inWorkspace(workspace)).filter((r) => ids.has(r.claimId)).map((r) => [r.claimId, r]));

  const polls: PagePoll[] = [];
  const runs: SimRun[] = [];
  const hiddenClaims = new Set<number>();
  for (const claim of graph.claims) {
    const poll = await store.polls.latestForClaim(workspace, claim.id);
    if (poll) {
      const visible = poll.closedAt !== undefined || (await aggregateVisibility(store, workspace, claim.id)).shown;
      if (!visible) hiddenClaims.add(claim.id);
      const data = visible ? await pollData(store, poll) : undefined;
      polls.push({
        poll,
        voters: raters.get(claim.id) ?? 0,
        ...(data?.aggregate ? { results: { aggregate: data.aggregate, ...(data.movers ? { movers: data.movers } : {}) } } : {}),
      });
    }
    runs.push(...(await store.simRuns.forClaim(workspace, claim.id)));
  }

  const root = rootClaimOf(graph);
  let cruxes: CruxRow[] = [];
  if (root && !hiddenClaims.has(root.id)) {
    const data = await loadCruxData(store, workspace, root);
    cruxes = rankCruxes(data.index, root.id, data.candidates.map((c) => c.id)).rows.slice(0, 10);
  }

  const grouped = graph.claims.filter((c) => c.status !== 'retracted' && !hiddenClaims.has(c.id));
  const matrix = await debateMatrix(store, workspace, grouped);
  const result = findOpinionGroups(matrix.matrix);

  return {
    debate,
    ...(root ? { root } : {}),
    claims: graph.claims,
    links: graph.links,
    shown,
    raters,
    resolutions,
    polls: polls.sort((a, b) => a.poll.id - b.poll.id),
    runs: runs.sort((a, b) => a.number - b.number),
    cruxes,
    ...(result.kind === 'groups' ? { groups: { data: matrix, result } } : {}),
  };
}
