import { findOpinionGroups, type OpinionGroupOptions, type OpinionGroupsResult } from './opinion-groups.ts';
import type { VoteMatrix } from './pca.ts';

/**
 * Opinion groups as Polis reaches them over a conversation's life: it recomputes as votes arrive, keeps
 * whoever was once in the conversation (conversation.clj `:in-conv`), and changes the number of groups
 * only when a new best k has held for several updates (`:group-k-smoother`). Given the matrix as it stood
 * at a few points of its vote log, the same rules run in order and the last result is returned.
 */

/**
 * Updates replayed: after the first 100 votes, then each time the count doubles, then at the end. Polis
 * updates every few seconds, so most of its updates see a young conversation; doubling keeps the
 * replay's cost within twice that of the last update.
 */
export const FIRST_UPDATE_VOTES = 100;

/** `at(time)` gives the matrix at a time; `times` are the votes' times. The last update sees every vote. */
export function groupsOverTime(
  times: readonly number[],
  at: (time: number) => VoteMatrix,
  options: OpinionGroupOptions = {},
  firstUpdate = FIRST_UPDATE_VOTES,
): OpinionGroupsResult | undefined {
  if (times.length === 0) return undefined;
  const sorted = [...times].sort((a, b) => a - b);
  const counts: number[] = [];
  for (let n = firstUpdate; n < sorted.length; n *= 2) counts.push(n);
  counts.push(sorted.length);
  const cutoffs = [...new Set(counts.map((n) => sorted[n - 1]!))];
  const inConversation = new Set<number>(options.alreadyIn ?? []);
  let previousK = options.previousK;
  let result: OpinionGroupsResult | undefined;
  for (const time of cutoffs) {
    result = findOpinionGroups(at(time), { ...options, alreadyIn: inConversation, ...(previousK ? { previousK } : {}) });
    if (result.kind !== 'groups') continue;
    result.groupOf.forEach((g, row) => {
      if (g >= 0) inConversation.add(row);
    });
    previousK = result.groupCount;
  }
  return result;
}
