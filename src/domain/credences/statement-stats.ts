/**
 * Vote counts of a statement within a group, and the Polis statistics built on them: smoothed agree and
 * disagree probabilities, their significance, how representative a statement is of a group against the
 * rest, and group-aware consensus.
 */

export interface VoteCounts {
  /** Agreed (a vote > 0; a credence above 50 %). */
  readonly agree: number;
  /** Disagreed (a vote < 0; a credence below 50 %). */
  readonly disagree: number;
  /** Voted at all, passes included. */
  readonly seen: number;
}

/** (successes + 1) / (trials + 2): a probability that is never 0 or 1 from a handful of votes. */
export const smoothed = (successes: number, trials: number): number => (successes + 1) / (trials + 2);

/** z-score of a proportion against one half (Polis's prop-test). */
export function proportionZ(successes: number, trials: number): number {
  const n = trials + 1;
  return 2 * Math.sqrt(n) * ((successes + 1) / n - 0.5);
}

/** z-score of the difference between two proportions (Polis's two-prop-test, with +1 smoothing). */
export function twoProportionZ(successIn: number, successOut: number, trialsIn: number, trialsOut: number): number {
  const [s1, s2, n1, n2] = [successIn + 1, successOut + 1, trialsIn + 1, trialsOut + 1];
  const pooled = (s1 + s2) / (n1 + n2);
  if (pooled >= 1) return 0;
  return (s1 / n1 - s2 / n2) / Math.sqrt(pooled * (1 - pooled) * (1 / n1 + 1 / n2));
}

/** One-sided significance at 90 %. */
export const SIGNIFICANT_Z = 1.2816;

export interface Representativeness {
  readonly statement: number;
  /** Whether the group stands out by agreeing or by disagreeing. */
  readonly side: 'agree' | 'disagree';
  /** The group's smoothed probability of that side. */
  readonly probability: number;
  /** The same for everyone else. */
  readonly othersProbability: number;
  /** probability / othersProbability. */
  readonly ratio: number;
  /** Significance of the group's own lean, and of its difference from the rest. */
  readonly z: number;
  readonly zVersusOthers: number;
  readonly counts: VoteCounts;
  readonly othersCounts: VoteCounts;
  /** ratio × zVersusOthers × probability × z: Polis's ranking metric. */
  readonly metric: number;
  /** Passed both significance tests (otherwise it is only the best there is). */
  readonly significant: boolean;
}

export function representativeness(statement: number, group: VoteCounts, others: VoteCounts): Representativeness {
  const pa = smoothed(group.agree, group.seen);
  const pd = smoothed(group.disagree, group.seen);
  const oa = smoothed(others.agree, others.seen);
  const od = smoothed(others.disagree, others.seen);
  const rat = twoProportionZ(group.agree, others.agree, group.seen, others.seen);
  const rdt = twoProportionZ(group.disagree, others.disagree, group.seen, others.seen);
  const agree = rat > rdt;
  const probability = agree ? pa : pd;
  const othersProbability = agree ? oa : od;
  const z = agree ? proportionZ(group.agree, group.seen) : proportionZ(group.disagree, group.seen);
  const zVersusOthers = agree ? rat : rdt;
  const ratio = probability / othersProbability;
  return {
    statement,
    side: agree ? 'agree' : 'disagree',
    probability,
    othersProbability,
    ratio,
    z,
    zVersusOthers,
    counts: group,
    othersCounts: others,
    metric: ratio * zVersusOthers * probability * z,
    significant: z > SIGNIFICANT_Z && zVersusOthers > SIGNIFICANT_Z,
  };
}

/**
 * Group-aware consensus of a statement: the product over groups of the smoothed probability that a
 * member agrees (or disagrees). High only when every group leans the same way.
 */
export function groupAwareConsensus(perGroup: readonly VoteCounts[], side: 'agree' | 'disagree'): number {
  return perGroup.reduce((product, c) => product * smoothed(side === 'agree' ? c.agree : c.disagree, c.seen), 1);
}
