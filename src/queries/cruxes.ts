import { UserError } from '../core/errors.ts';
import { md } from '../core/markup.ts';
import { claimRef, type Claim } from '../domain/claims.ts';
import { CredenceIndex, type CredenceEntry } from '../domain/credences/credence-index.ts';
import type { LatestCredence } from '../domain/credences/credence.ts';
import type { Reader } from '../storage/ports.ts';
import { hiddenNote } from '../domain/polls.ts';
import { aggregateVisibility, hidingPolls } from './credences.ts';

export interface CruxData {
  readonly index: CredenceIndex;
  /** The claims a crux of `target` is looked for among: the rest of its debate, not retracted. */
  readonly candidates: readonly Claim[];
  /** Every claim the data mentions, by row id (candidates and conditions from other debates). */
  readonly claims: ReadonlyMap<number, Claim>;
  /** Display names by user id (from their latest credence). */
  readonly names: ReadonlyMap<string, string>;
  /** Claims left out because an open poll hides the team's results on them (the reply is public). */
  readonly hidden: readonly Claim[];
}

const toEntry = (c: LatestCredence): CredenceEntry => ({
  userId: c.userId,
  claimId: c.claimId,
  value: c.value,
  ...(c.given ? { given: { claimId: c.given.claimId, isTrue: c.given.isTrue } } : {}),
});

/**
 * Everyone's latest credences in the target's debate, plus conditionals on the target given claims of
 * other debates and people's plain credences in those claims. A claim whose open poll hides its results
 * is left out (the rows it would add say what people voted); on the target itself, that is refused.
 */
export async function loadCruxData(store: Reader, workspace: string, target: Claim): Promise<CruxData> {
  const targetShown = await aggregateVisibility(store, workspace, target.id);
  if (!targetShown.shown) {
    throw new UserError(
      md`The team's credences in ${claimRef(target)} are ${hiddenNote(targetShown.poll)}, and its cruxes would show them. Ask again when the poll closes.`,
      'cruxes.hidden',
    );
  }
  const hiding = await hidingPolls(store, workspace);
  const hidden = new Map<number, Claim>();
  const isHidden = async (claim: Claim) => {
    if (hiding.has(claim.id)) hidden.set(claim.id, claim);
    return hidden.has(claim.id);
  };
  // A retracted claim is never a candidate, so it is never shown and need not be named.
  const inDebate: Claim[] = [];
  for (const c of await store.claims.inDebate(target.debateId)) {
    if (c.id === target.id || c.status === 'retracted' || !(await isHidden(c))) inDebate.push(c);
  }
  const claims = new Map(inDebate.map((c) => [c.id, c]));
  // The debate's latest credences go straight into the index as they are read (a big debate has a million):
  // no array of rows is kept.
  const index = new CredenceIndex();
  const people = new Map<string, { first: number; id: number; name: string }>();
  const take = (c: LatestCredence) => {
    index.add(toEntry(c));
    const seen = people.get(c.userId);
    if (!seen) people.set(c.userId, { first: c.id, id: c.id, name: c.userName });
    else {
      if (seen.first > c.id) seen.first = c.id;
      if (seen.id < c.id) Object.assign(seen, { id: c.id, name: c.userName });
    }
  };
  await store.credences.eachLatestInDebate(workspace, target.debateId, (c) => {
    if (!hidden.has(c.claimId) && !(c.given && hidden.has(c.given.claimId))) take(c);
  });
  for (const c of await store.credences.latestForClaim(workspace, target.id)) {
    if (!c.given || claims.has(c.given.claimId) || hidden.has(c.given.claimId)) continue;
    const outside = await store.claims.byId(workspace, c.given.claimId);
    if (!outside || (await isHidden(outside))) continue;
    claims.set(outside.id, outside);
    take(c);
    for (const plain of await store.credences.latestUnconditional(workspace, outside.id)) take(plain);
  }
  // In the order people first gave a credence, each with the name on their newest row.
  const names = new Map<string, string>(
    [...people.entries()].sort((a, b) => a[1].first - b[1].first).map(([userId, { name }]) => [userId, name]),
  );
  return {
    index,
    candidates: inDebate.filter((c) => c.id !== target.id && c.status !== 'retracted'),
    claims,
    names,
    hidden: [...hidden.values()],
  };
}
