import { aggregate, type Aggregate } from '../domain/credences/aggregate.ts';
import type { LatestCredence } from '../domain/credences/credence.ts';
import type { Poll, PollVote } from '../domain/polls.ts';
import { choiceAggregate, scoreChoice, type ChoiceScore } from '../domain/credences/choice.ts';
import type { Reader } from '../storage/ports.ts';

type Reads = Pick<Reader, 'claims' | 'credences' | 'polls'>;

/** Everyone's latest plain credence in the poll's claim; for a closed poll, as it stood at closing. */
export async function pollCredences(store: Pick<Reader, 'credences'>, poll: Poll): Promise<LatestCredence[]> {
  return await store.credences.latestUnconditional(poll.workspace, poll.claimId, poll.closedAt ? poll.closingCredenceId : undefined);
}

/** The poll's aggregate (live while open, frozen at close); undefined before anyone voted. */
export async function pollAggregate(store: Pick<Reader, 'credences'>, poll: Poll): Promise<Aggregate | undefined> {
  return aggregate((await pollCredences(store, poll)).map((c) => c.value));
}

export interface Mover {
  readonly name: string;
  readonly before: number;
  readonly after: number;
}

/** People whose credence changed between the poll's opening and its close, biggest change first. */
export async function movers(store: Pick<Reader, 'credences'>, poll: Poll): Promise<Mover[]> {
  const before = new Map(
    (await store.credences.latestUnconditional(poll.workspace, poll.claimId, poll.baselineCredenceId)).map((c) => [c.userId, c.value]),
  );
  return (await pollCredences(store, poll))
    .filter((c) => before.has(c.userId) && before.get(c.userId) !== c.value)
    .map((c) => ({ name: c.userName, before: before.get(c.userId)!, after: c.value }))
    .sort((a, b) => Math.abs(b.after - b.before) - Math.abs(a.after - a.before) || (a.name < b.name ? -1 : 1));
}

/** What the poll message shows. The view decides what a hidden mode keeps back. */
export interface PollData {
  readonly poll: Poll;
  readonly claimText: string;
  readonly aggregate?: Aggregate;
  /** Only for a closed poll. */
  readonly movers?: readonly Mover[];
  /** A choice poll's votes, the pooled credence per option, and once resolved everyone's scores. */
  readonly choice?: ChoiceData;
}

export interface ChoiceData {
  readonly votes: readonly PollVote[];
  /** The mean credence per option; undefined before anyone voted. */
  readonly pooled?: readonly number[];
  readonly scores?: { readonly people: readonly ChoiceScore[]; readonly team?: { credences: number[]; brier: number; log: number } };
}

/** A choice poll's votes and pooled credences, and its scores once it is resolved. */
export async function choiceData(store: Pick<Reader, 'polls'>, poll: Poll): Promise<ChoiceData> {
  const votes = await store.polls.votes(poll.workspace, poll.id);
  const pooled = choiceAggregate(
    votes.map((v) => v.credences),
    poll.options.length,
  );
  return {
    votes,
    ...(pooled ? { pooled } : {}),
    ...(poll.resolvedOption !== undefined ? { scores: scoreChoice(votes, poll.resolvedOption) } : {}),
  };
}

/** Who has voted in the poll: a credence in a yes/no poll's claim, or a vote in a choice poll. */
export async function pollVoters(store: Pick<Reader, 'credences' | 'polls'>, poll: Poll): Promise<Set<string>> {
  if (poll.kind === 'choice') return new Set((await store.polls.votes(poll.workspace, poll.id)).map((v) => v.userId));
  return new Set((await pollCredences(store, poll)).map((c) => c.userId));
}

export async function pollData(store: Reads, poll: Poll): Promise<PollData> {
  const claim = await store.claims.byId(poll.workspace, poll.claimId);
  if (poll.kind === 'choice') return { poll, claimText: claim?.text ?? '', choice: await choiceData(store, poll) };
  const a = await pollAggregate(store, poll);
  return {
    poll,
    claimText: claim?.text ?? '',
    ...(a ? { aggregate: a } : {}),
    ...(poll.closedAt !== undefined ? { movers: await movers(store, poll) } : {}),
  };
}

/** The workspace's open polls, the first `limit` with their data, and how many there are in all. */
export async function openPollsData(store: Reads, workspace: string, limit: number): Promise<{ polls: PollData[]; total: number }> {
  const open = await store.polls.open(workspace);
  return { polls: await Promise.all(open.slice(0, limit).map(async (p) => await pollData(store, p))), total: open.length };
}

/**
 * How many have voted in the poll, and how many of the team have not: the team is everyone who has
 * given a credence in any claim of the poll's debate, or voted in this poll. A count, never names.
 */
export async function pollTurnout(store: Pick<Reader, 'claims' | 'credences' | 'polls'>, poll: Poll): Promise<{ voted: number; notVoted: number }> {
  const voters = await pollVoters(store, poll);
  const claim = await store.claims.byId(poll.workspace, poll.claimId);
  const team = new Set(voters);
  if (claim) for (const c of await store.credences.latestInDebate(poll.workspace, claim.debateId)) team.add(c.userId);
  return { voted: voters.size, notVoted: team.size - voters.size };
}
