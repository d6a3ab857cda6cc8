import type { Claim } from '../domain/claims.ts';
import { CredenceIndex, type CredenceEntry } from '../domain/credences/credence-index.ts';
import type { LatestCredence } from '../storage/credences.ts';
import type { Store } from '../storage/store.ts';

export interface CruxData {
  readonly index: CredenceIndex;
  /** The claims a crux of `target` is looked for among: the rest of its debate, not retracted. */
  readonly candidates: readonly Claim[];
  /** Every claim the data mentions, by row id (candidates and conditions from other debates). */
  readonly claims: ReadonlyMap<number, Claim>;
  /** Display names by user id (from their latest credence). */
  readonly names: ReadonlyMap<string, string>;
}

const toEntry = (c: LatestCredence): CredenceEntry => ({
  userId: c.userId,
  claimId: c.claimId,
  value: c.value,
  ...(c.given ? { given: { claimId: c.given.claimId, isTrue: c.given.isTrue } } : {}),
});

/**
 * Everyone's latest credences in the target's debate, plus conditionals on the target given claims of
 * other debates and people's plain credences in those claims.
 */
export function loadCruxData(store: Store, workspace: string, target: Claim): CruxData {
  const inDebate = store.claims.inDebate(target.debateId);
  const claims = new Map(inDebate.map((c) => [c.id, c]));
  const rows = [...store.credences.latestInDebate(workspace, target.debateId)];
  for (const c of store.credences.latestForClaim(workspace, target.id)) {
    if (!c.given || claims.has(c.given.claimId)) continue;
    const outside = store.claims.byId(workspace, c.given.claimId);
    if (!outside) continue;
    claims.set(outside.id, outside);
    rows.push(c, ...store.credences.latestUnconditional(workspace, outside.id));
  }
  const names = new Map<string, string>();
  for (const c of [...rows].sort((a, b) => a.id - b.id)) names.set(c.userId, c.userName);
  return {
    index: new CredenceIndex(rows.map(toEntry)),
    candidates: inDebate.filter((c) => c.id !== target.id && c.status !== 'retracted'),
    claims,
    names,
  };
}

export function shortText(value: string, max: number): string {
  const one = value.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
