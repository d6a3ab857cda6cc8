import type { Claim } from '../domain/claims.ts';
import type { BinaryQuestion, ChoiceQuestion } from '../domain/credences/calibration.ts';
import type { Poll } from '../domain/polls.ts';
import type { Reader } from '../storage/ports.ts';
import { hidingPolls } from './credences.ts';

type Reads = Pick<Reader, 'claims' | 'credences' | 'polls' | 'resolutions' | 'debates'>;

/** Every resolved question in scope, with what was said on it and by whom (names by user id). */
export interface ResolvedQuestions {
  readonly binary: readonly BinaryQuestion[];
  readonly choice: readonly ChoiceQuestion[];
  /** By claim row id: the claims of both kinds of question. */
  readonly claims: ReadonlyMap<number, Claim>;
  /** By poll id. */
  readonly polls: ReadonlyMap<number, Poll>;
  readonly names: ReadonlyMap<string, string>;
  /** Resolved claims left out because an open poll on them hides the team's results. */
  readonly hidden: number;
}

/**
 * Claims resolved true or false (ambiguous ones are not scored) with everyone's latest plain credence,
 * and choice polls resolved to an option with everyone's latest vote; only those of `debateId` and
 * tagged `tag` when given. A claim whose open poll hides its results is left out (the hidden-poll rule).
 */
export async function resolvedQuestions(
  store: Reads,
  workspace: string,
  scope: { debateId?: number; tag?: string } = {},
): Promise<ResolvedQuestions> {
  const inScope = (claim: Claim | undefined): claim is Claim =>
    claim !== undefined &&
    (scope.debateId === undefined || claim.debateId === scope.debateId) &&
    (scope.tag === undefined || claim.tags.includes(scope.tag));
  const hiding = await hidingPolls(store, workspace);
  const claims = new Map<number, Claim>();
  const names = new Map<string, string>();
  const binary: BinaryQuestion[] = [];
  let hidden = 0;
  for (const r of await store.resolutions.inWorkspace(workspace)) {
    if (r.outcome === 'ambiguous') continue;
    const claim = await store.claims.byId(workspace, r.claimId);
    if (!inScope(claim)) continue;
    if (hiding.has(claim.id)) {
      hidden++;
      continue;
    }
    const latest = await store.credences.latestUnconditional(workspace, claim.id);
    for (const c of latest) names.set(c.userId, c.userName);
    claims.set(claim.id, claim);
    binary.push({
      claimId: claim.id,
      tags: claim.tags,
      outcome: r.outcome === 'true',
      credences: new Map(latest.map((c) => [c.userId, c.value])),
    });
  }
  const choice: ChoiceQuestion[] = [];
  const polls = new Map<number, Poll>();
  const debates = scope.debateId === undefined ? (await store.debates.list(workspace)).map((d) => d.id) : [scope.debateId];
  for (const debateId of debates) {
    for (const poll of await store.polls.inDebate(workspace, debateId)) {
      if (poll.kind !== 'choice' || poll.resolvedOption === undefined) continue;
      const claim = await store.claims.byId(workspace, poll.claimId);
      if (!inScope(claim)) continue;
      const votes = await store.polls.votes(workspace, poll.id);
      for (const v of votes) names.set(v.userId, v.userName);
      claims.set(claim.id, claim);
      polls.set(poll.id, poll);
      choice.push({
        pollId: poll.id,
        claimId: claim.id,
        tags: claim.tags,
        outcome: poll.resolvedOption,
        votes: new Map(votes.map((v) => [v.userId, v.credences])),
      });
    }
  }
  return { binary, choice, claims, polls, names, hidden };
}
