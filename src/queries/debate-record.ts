import type { Debate } from '../domain/debates.ts';
import type { DebateRecord } from '../domain/exchange/record.ts';
import type { ResolveBy } from '../domain/forecasts.ts';
import type { Reader } from '../storage/ports.ts';
import { hidingPolls } from './credences.ts';

type Reads = Pick<Reader, 'credences' | 'polls' | 'resolutions' | 'simRuns' | 'captures' | 'forecasts' | 'graphOf'>;

/**
 * Everything about a debate that its exports keep. The hidden-poll rule holds here as everywhere: while a
 * poll that hides its results is open, the credences in its claim (and those given it) are left out and
 * the claim is named in `withheld`. `everything` (an operator's own copy) keeps them.
 */
export async function debateRecord(
  store: Reads,
  workspace: string,
  debate: Debate,
  options: { everything?: boolean } = {},
): Promise<DebateRecord> {
  const graph = await store.graphOf(debate);
  const hiding = options.everything ? new Map() : await hidingPolls(store, workspace);
  const withheld = graph.claims.filter((c) => hiding.has(c.id));
  const hidden = new Set(withheld.map((c) => c.id));
  const credences = (await store.credences.historyInDebate(workspace, debate.id)).filter(
    (c) => !hidden.has(c.claimId) && !(c.given && hidden.has(c.given.claimId)),
  );
  const simRuns = [];
  const resolveBy = new Map<number, ResolveBy>();
  for (const claim of graph.claims) {
    simRuns.push(...(await store.simRuns.forClaim(workspace, claim.id)));
    const due = await store.forecasts.resolveBy(workspace, claim.id);
    if (due) resolveBy.set(claim.id, due);
  }
  const captures = [];
  for (const capture of await store.captures.inDebate(workspace, debate.id)) {
    captures.push({ capture, items: await store.captures.items(capture.id), links: await store.captures.links(capture.id) });
  }
  const polls = await store.polls.inDebate(workspace, debate.id);
  const votes = new Map<number, Awaited<ReturnType<typeof store.polls.voteHistory>>>();
  // An open choice poll that hides its results keeps its votes back too (its claim is in `withheld`).
  for (const poll of polls) if (poll.kind === 'choice' && !hidden.has(poll.claimId)) votes.set(poll.id, await store.polls.voteHistory(workspace, poll.id));
  return {
    graph,
    credences,
    polls,
    votes,
    resolutions: await store.resolutions.historyInDebate(workspace, debate.id),
    simRuns: simRuns.sort((a, b) => a.number - b.number),
    captures,
    resolveBy,
    withheld,
  };
}
