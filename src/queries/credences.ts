import { aggregate, type Aggregate } from '../domain/credences/aggregate.ts';
import type { Claim } from '../domain/claims.ts';
import type { Poll } from '../domain/polls.ts';
import type { Reader } from '../storage/ports.ts';

/**
 * The team's credences as people may see them. This file is the one place where the hidden-poll rule is
 * applied: every reply, image and page that shows an aggregate asks here first.
 */

type Reads = Pick<Reader, 'credences' | 'polls'>;

/** Whether the team's aggregate on a claim may be shown, given its open poll's hide mode. */
export type Visibility = { readonly shown: true } | { readonly shown: false; readonly poll: Poll };

/**
 * A poll with `until-close` hides the aggregate from everyone until it closes; `until-voted` shows it
 * only privately, to someone who has given a credence (`viewerId`). Public messages pass no viewer.
 */
export async function aggregateVisibility(store: Reads, workspace: string, claimId: number, viewerId?: string): Promise<Visibility> {
  const poll = await store.polls.openForClaim(workspace, claimId);
  if (!poll || poll.hide === 'visible') return { shown: true };
  if (poll.hide === 'until-voted' && viewerId !== undefined && (await store.credences.latestOf(workspace, viewerId, claimId))) {
    return { shown: true };
  }
  return { shown: false, poll };
}

/**
 * The same rule for a multiple-choice poll: while it is open, `until-close` hides the pooled credences
 * from everyone and `until-voted` shows them only privately, to someone who has voted in it.
 */
export async function choiceVisible(store: Pick<Reader, 'polls'>, poll: Poll, viewerId?: string): Promise<boolean> {
  if (poll.closedAt || poll.hide === 'visible') return true;
  if (poll.hide === 'until-close' || viewerId === undefined) return false;
  return (await store.polls.votes(poll.workspace, poll.id)).some((v) => v.userId === viewerId);
}

/** The claim's aggregate from everyone's latest plain credence, whether or not a poll hides it. */
export async function claimAggregate(store: Reads, workspace: string, claimId: number): Promise<Aggregate | undefined> {
  return aggregate((await store.credences.latestUnconditional(workspace, claimId)).map((c) => c.value));
}

/** The team's credence on one claim for a public message: the aggregate, and the poll hiding it, if any. */
export interface TeamCredence {
  readonly aggregate?: Aggregate;
  /** Set when an open poll keeps the aggregate back: only the count of people may be shown. */
  readonly hiddenBy?: Poll;
}

export async function teamCredence(store: Reads, workspace: string, claimId: number, viewerId?: string): Promise<TeamCredence> {
  const a = await claimAggregate(store, workspace, claimId);
  const visibility = await aggregateVisibility(store, workspace, claimId, viewerId);
  return { ...(a ? { aggregate: a } : {}), ...(visibility.shown ? {} : { hiddenBy: visibility.poll }) };
}

/**
 * The open polls that hide their claim's results from a public message, by claim row id: the same rule
 * as `aggregateVisibility` with no viewer, read in one query for a reply built from many claims.
 */
export async function hidingPolls(store: Reads, workspace: string): Promise<ReadonlyMap<number, Poll>> {
  return new Map((await store.polls.open(workspace)).filter((p) => p.hide !== 'visible').map((p) => [p.claimId, p]));
}

/** Public replies built from many claims (/groups) leave out those whose open poll hides the results. */
export async function partitionHidden(
  store: Reads,
  workspace: string,
  claims: readonly Claim[],
): Promise<{ shown: Claim[]; hidden: Claim[] }> {
  const hiding = await hidingPolls(store, workspace);
  const shown: Claim[] = [];
  const hidden: Claim[] = [];
  for (const claim of claims) (hiding.has(claim.id) ? hidden : shown).push(claim);
  return { shown, hidden };
}

/** A debate's credences for its map: the aggregates that may be shown, and how many rated each claim. */
export interface DebateCredences {
  /** By claim row id; claims whose open poll hides results are left out, as are claims nobody rated. */
  readonly shown: ReadonlyMap<number, Aggregate>;
  /** How many people rated each claim, hidden or not (a count is never hidden). */
  readonly raters: ReadonlyMap<number, number>;
}

export async function debateCredences(store: Reads, workspace: string, debateId: number): Promise<DebateCredences> {
  const byClaim = new Map<number, number[]>();
  for (const c of await store.credences.latestUnconditionalInDebate(workspace, debateId)) {
    const values = byClaim.get(c.claimId);
    if (values) values.push(c.value);
    else byClaim.set(c.claimId, [c.value]);
  }
  const hiding = await hidingPolls(store, workspace);
  const shown = new Map<number, Aggregate>();
  const raters = new Map<number, number>();
  for (const [claimId, values] of byClaim) {
    raters.set(claimId, values.length);
    if (!hiding.has(claimId)) shown.set(claimId, aggregate(values)!);
  }
  return { shown, raters };
}

/** The team's aggregate for each claim of a debate that may be shown, by claim row id. */
export async function aggregatesForDebate(store: Reads, workspace: string, debateId: number): Promise<ReadonlyMap<number, Aggregate>> {
  return (await debateCredences(store, workspace, debateId)).shown;
}

/**
 * The same, for a few claims only (the boxes of a focus view): one index lookup per claim and the open
 * polls once, never the debate's whole history.
 */
export async function aggregatesForClaims(
  store: Reads,
  workspace: string,
  claimIds: readonly number[],
): Promise<ReadonlyMap<number, Aggregate>> {
  const hiding = await hidingPolls(store, workspace);
  const shown = new Map<number, Aggregate>();
  for (const claimId of claimIds) {
    if (hiding.has(claimId)) continue;
    const a = await claimAggregate(store, workspace, claimId);
    if (a) shown.set(claimId, a);
  }
  return shown;
}
