import { cruxStrength, direction, type Conditionals } from './conditional.ts';
import type { CredenceIndex } from './credence-index.ts';

/** Two credences this far apart (in probability) count as a disagreement. */
export const DISAGREEMENT = 0.1;
/** B is a crux for someone when learning it would move their P(A) by at least this much on average. */
export const PERSONAL_CRUX = 0.03;

export type DoubleCruxMethod = 'conditional' | 'link';

export interface DoubleCruxRow {
  readonly claimId: number;
  readonly method: DoubleCruxMethod;
  /** Each person's P(B). */
  readonly first: number;
  readonly second: number;
  /** Conditional rows: each person's conditionals and crux strength. */
  readonly firstConditionals?: Conditionals;
  readonly secondConditionals?: Conditionals;
  readonly firstStrength?: number;
  readonly secondStrength?: number;
  /** Conditional rows: how far apart they would be on A if B turned out true, or false. */
  readonly gapIfTrue?: number;
  readonly gapIfFalse?: number;
  /** Ranking: the weaker of the two crux strengths (conditional), or their gap on B (link). */
  readonly score: number;
}

export type DoubleCruxOutcome =
  | { readonly kind: 'missing-target'; readonly who: readonly ('first' | 'second')[] }
  | { readonly kind: 'agree'; readonly first: number; readonly second: number }
  | { readonly kind: 'found'; readonly first: number; readonly second: number; readonly rows: readonly DoubleCruxRow[] };

/**
 * Double crux of A for two people who disagree on it: the claims B on which they also disagree, that are
 * a crux for each of them, in the direction that explains their disagreement on A — the one who is
 * surer of B is, because of B, surer of A (or less sure, when B counts against A for both).
 *
 * Measured with each person's P(A|B), P(A|¬B) and P(B) where both gave them. Otherwise a link in the
 * graph stands in for the direction (`B supports A`: +1, `B opposes A`: −1), and the row says so.
 */
export function findDoubleCruxes(
  index: CredenceIndex,
  targetId: number,
  first: string,
  second: string,
  candidates: Iterable<number>,
  linkDirection: ReadonlyMap<number, 1 | -1> = new Map(),
): DoubleCruxOutcome {
  const onA = index.unconditional(targetId);
  const a1 = onA.get(first);
  const a2 = onA.get(second);
  if (a1 === undefined || a2 === undefined) {
    return {
      kind: 'missing-target',
      who: [...(a1 === undefined ? ['first' as const] : []), ...(a2 === undefined ? ['second' as const] : [])],
    };
  }
  if (Math.abs(a1 - a2) < DISAGREEMENT) return { kind: 'agree', first: a1, second: a2 };
  const gapSign = Math.sign(a1 - a2);

  const rows: DoubleCruxRow[] = [];
  const seen = new Set<number>();
  for (const b of [...candidates, ...index.conditionsOn(targetId)]) {
    if (b === targetId || seen.has(b)) continue;
    seen.add(b);
    const onB = index.unconditional(b);
    const b1 = onB.get(first);
    const b2 = onB.get(second);
    if (b1 === undefined || b2 === undefined || Math.abs(b1 - b2) < DISAGREEMENT) continue;
    const c1 = conditionalsOf(index, targetId, b, first, b1);
    const c2 = conditionalsOf(index, targetId, b, second, b2);
    if (c1 && c2) {
      const d = direction(c1);
      if (d === 0 || d !== direction(c2) || Math.sign(b1 - b2) * d !== gapSign) continue;
      const s1 = cruxStrength(c1);
      const s2 = cruxStrength(c2);
      if (s1 < PERSONAL_CRUX || s2 < PERSONAL_CRUX) continue;
      rows.push({
        claimId: b,
        method: 'conditional',
        first: b1,
        second: b2,
        firstConditionals: c1,
        secondConditionals: c2,
        firstStrength: s1,
        secondStrength: s2,
        gapIfTrue: Math.abs(c1.aGivenB - c2.aGivenB),
        gapIfFalse: Math.abs(c1.aGivenNotB - c2.aGivenNotB),
        score: Math.min(s1, s2),
      });
      continue;
    }
    const d = linkDirection.get(b);
    if (d !== undefined && Math.sign(b1 - b2) * d === gapSign) {
      rows.push({ claimId: b, method: 'link', first: b1, second: b2, score: Math.abs(b1 - b2) });
    }
  }
  rows.sort((x, y) => Number(x.method === 'link') - Number(y.method === 'link') || y.score - x.score || x.claimId - y.claimId);
  return { kind: 'found', first: a1, second: a2, rows };
}

function conditionalsOf(index: CredenceIndex, a: number, b: number, user: string, pB: number): Conditionals | undefined {
  const aGivenB = index.conditional(a, b, true).get(user);
  const aGivenNotB = index.conditional(a, b, false).get(user);
  return aGivenB === undefined || aGivenNotB === undefined ? undefined : { b: pB, aGivenB, aGivenNotB };
}
