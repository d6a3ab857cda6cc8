import { aggregate, correlation, logOdds, type Aggregate } from './aggregate.ts';
import { cruxStrength } from './conditional.ts';
import type { CredenceIndex } from './credence-index.ts';

/** The proxy needs this many people who rated both claims before a correlation means anything. */
export const PROXY_MIN_PEOPLE = 3;

export type CruxMethod = 'conditional' | 'proxy';

export interface CruxRow {
  readonly claimId: number;
  readonly method: CruxMethod;
  /**
   * What the ranking uses. Conditional: the mean crux strength (expected shift of P(A), 0–0.5).
   * Proxy: |correlation of log-odds| × standard deviation of the team's log-odds on B.
   */
  readonly score: number;
  /** Conditional rows: the people's mean crux strength. */
  readonly meanStrength?: number;
  /** Proxy rows: the correlation between people's log-odds on B and on A (its sign says which way). */
  readonly correlation?: number;
  /** The team's credences on B (their spread), when anyone rated B. */
  readonly spread?: Aggregate;
  /** How many people the row rests on. */
  readonly people: number;
  /** Conditional rows: how many of those people had not rated B, so the team's P(B) stood in for theirs. */
  readonly usingTeamB: number;
}

export interface CruxRanking {
  readonly rows: readonly CruxRow[];
  /** How many people rated A itself. */
  readonly ratersOfTarget: number;
  /** Candidates with too little data to rank: rated by fewer than 3 of A's raters and no conditionals. */
  readonly unranked: readonly number[];
}

/**
 * Ranks candidate claims B as cruxes of A. Where people gave both P(A|B) and P(A|¬B), by the team's mean
 * crux strength (each person's own P(B), or the team's when they gave none); otherwise by the proxy:
 * across people who rated both, how strongly their log-odds on B predict their log-odds on A (the
 * correlation) times the team's spread on B. Conditional rows come first: they are measured, not inferred.
 */
export function rankCruxes(index: CredenceIndex, targetId: number, candidateIds: Iterable<number>): CruxRanking {
  const target = index.unconditional(targetId);
  const rows: CruxRow[] = [];
  const unranked: number[] = [];
  const seen = new Set<number>();
  for (const b of [...candidateIds, ...index.conditionsOn(targetId)]) {
    if (b === targetId || seen.has(b)) continue;
    seen.add(b);
    const row = conditionalRow(index, targetId, b) ?? proxyRow(index, target, b);
    if (row) rows.push(row);
    else unranked.push(b);
  }
  rows.sort(
    (x, y) =>
      Number(x.method === 'proxy') - Number(y.method === 'proxy') || y.score - x.score || y.people - x.people || x.claimId - y.claimId,
  );
  return { rows, ratersOfTarget: target.size, unranked };
}

function conditionalRow(index: CredenceIndex, a: number, b: number): CruxRow | undefined {
  const ifTrue = index.conditional(a, b, true);
  const ifFalse = index.conditional(a, b, false);
  if (ifTrue.size === 0 || ifFalse.size === 0) return undefined;
  const ownB = index.unconditional(b);
  const spread = aggregate([...ownB.values()]);
  const strengths: number[] = [];
  let usingTeamB = 0;
  for (const [user, aGivenB] of ifTrue) {
    const aGivenNotB = ifFalse.get(user);
    if (aGivenNotB === undefined) continue;
    const own = ownB.get(user);
    const pB = own ?? spread?.geoMeanOdds;
    if (pB === undefined) continue;
    if (own === undefined) usingTeamB++;
    strengths.push(cruxStrength({ b: pB, aGivenB, aGivenNotB }));
  }
  if (strengths.length === 0) return undefined;
  const meanStrength = strengths.reduce((s, v) => s + v, 0) / strengths.length;
  return {
    claimId: b,
    method: 'conditional',
    score: meanStrength,
    meanStrength,
    ...(spread ? { spread } : {}),
    people: strengths.length,
    usingTeamB,
  };
}

function proxyRow(index: CredenceIndex, target: ReadonlyMap<string, number>, b: number): CruxRow | undefined {
  const ratingsB = index.unconditional(b);
  const xs: number[] = [];
  const ys: number[] = [];
  for (const [user, pB] of ratingsB) {
    const pA = target.get(user);
    if (pA === undefined) continue;
    xs.push(logOdds(pB));
    ys.push(logOdds(pA));
  }
  if (xs.length < PROXY_MIN_PEOPLE) return undefined;
  const spread = aggregate([...ratingsB.values()])!;
  const r = correlation(xs, ys) ?? 0;
  return { claimId: b, method: 'proxy', score: Math.abs(r) * spread.sdLogOdds, correlation: r, spread, people: xs.length, usingTeamB: 0 };
}
