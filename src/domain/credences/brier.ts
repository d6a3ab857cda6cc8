import { quantile } from './aggregate.ts';

/** (p − outcome)²: 0 for a perfect forecast, 0.25 for 50 %, 1 for certainty in the wrong answer. */
export function brierScore(p: number, outcome: boolean): number {
  return (p - (outcome ? 1 : 0)) ** 2;
}

export function median(values: readonly number[]): number {
  return quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

export interface ResolvedClaim {
  readonly claimId: number;
  readonly outcome: boolean;
  /** Each person's latest credence before it was resolved. */
  readonly credences: ReadonlyMap<string, number>;
}

export interface ClaimScore {
  readonly claimId: number;
  readonly outcome: boolean;
  readonly credence: number;
  readonly brier: number;
  /** The team's median credence on the claim, and its Brier score. */
  readonly teamMedian: number;
  readonly teamBrier: number;
}

export interface PersonScore {
  readonly userId: string;
  /** Mean Brier score over the claims they rated. */
  readonly brier: number;
  /**
   * Mean of (their Brier − the Brier of the team's median credence) over the same claims: below 0 when
   * they beat the team's median forecast, above 0 when the team did better.
   */
  readonly relative: number;
  readonly claims: readonly ClaimScore[];
}

/** Brier scores per person over resolved claims, best (lowest) first. Ambiguous claims are not passed in. */
export function scorePeople(resolved: readonly ResolvedClaim[]): PersonScore[] {
  const byPerson = new Map<string, ClaimScore[]>();
  for (const claim of resolved) {
    if (claim.credences.size === 0) continue;
    const teamMedian = median([...claim.credences.values()]);
    const teamBrier = brierScore(teamMedian, claim.outcome);
    for (const [user, credence] of claim.credences) {
      const list = byPerson.get(user) ?? [];
      list.push({
        claimId: claim.claimId,
        outcome: claim.outcome,
        credence,
        brier: brierScore(credence, claim.outcome),
        teamMedian,
        teamBrier,
      });
      byPerson.set(user, list);
    }
  }
  const mean = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  return [...byPerson]
    .map(([userId, claims]) => ({
      userId,
      brier: mean(claims.map((c) => c.brier)),
      relative: mean(claims.map((c) => c.brier - c.teamBrier)),
      claims,
    }))
    .sort((a, b) => a.brier - b.brier || b.claims.length - a.claims.length || (a.userId < b.userId ? -1 : 1));
}
