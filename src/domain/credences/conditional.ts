/**
 * One person's conditional credences P(A | B), P(A | ¬B) and P(B): how much learning B's truth would
 * move their belief in A (the crux strength), and whether their stated P(A) fits their conditionals.
 */

export interface Conditionals {
  /** P(B). */
  readonly b: number;
  /** P(A | B). */
  readonly aGivenB: number;
  /** P(A | ¬B). */
  readonly aGivenNotB: number;
}

/**
 * The expected absolute shift of P(A) on learning whether B is true: `2·P(B)·(1−P(B))·|P(A|B) − P(A|¬B)|`.
 * 0 when B cannot move A (or is already certain); at most 0.5 (P(B) = 50 %, conditionals 0 and 1).
 */
export function cruxStrength(c: Conditionals): number {
  return 2 * c.b * (1 - c.b) * Math.abs(c.aGivenB - c.aGivenNotB);
}

/** The P(A) that the conditionals imply: P(B)·P(A|B) + (1 − P(B))·P(A|¬B). */
export function impliedCredence(c: Conditionals): number {
  return c.b * c.aGivenB + (1 - c.b) * c.aGivenNotB;
}

/** A gap of this many points between stated and implied P(A) is worth pointing out. */
export const COHERENCE_GAP_SHOWN = 0.1;

/** Implied minus stated P(A): positive when the conditionals say A is likelier than the person does. */
export function coherenceGap(c: Conditionals, statedA: number): number {
  return impliedCredence(c) - statedA;
}

/** +1 when B makes A likelier, −1 when it makes A less likely, 0 when it does not matter. */
export function direction(c: Pick<Conditionals, 'aGivenB' | 'aGivenNotB'>): -1 | 0 | 1 {
  const d = c.aGivenB - c.aGivenNotB;
  return Math.abs(d) < 1e-9 ? 0 : d > 0 ? 1 : -1;
}
