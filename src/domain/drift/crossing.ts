/**
 * First crossings and peaks of P(D) by bisection over matrix powers, never by stepping through time.
 *
 * Why bisection is exact here. Within one phase (before or after crystallization) every benign state
 * has the same flows into D and C, so lumped to "not yet dangerous" N and D the chain is a 2 × 2 linear
 * recurrence and P(D at t) = α·λ₁ᵗ + β·λ₂ᵗ. With r = c·(1 − s) that matrix is
 *   N: [1 − pq + pq(1 − d)r,  pq(1 − d)(1 − r)]      D: [(1 − d)r,  (1 − d)(1 − r)]
 * (r = 0 after crystallization). Its off-diagonal entries are ≥ 0, so the eigenvalues are real, and its
 * trace and determinant (1 − d)(1 − r)(1 − pq) are ≥ 0, so both eigenvalues are ≥ 0. Such a curve turns
 * at most once, and the turn is a maximum (a probability cannot dip and then grow without bound). So
 * bisection on "does the next step fall?" finds the peak, and bisection on the rising side finds the
 * first step at or above the threshold.
 */

/** A stretch of steps [from, to] over which the curve is single-peaked (one phase of the model). */
export interface Segment {
  readonly from: number;
  readonly to: number;
}

export type Curve = (step: number) => number;

/**
 * The step of the highest point of a single-peaked curve on the segment: the first step after which it
 * stops rising. "Stops" includes staying level, so a tail that has decayed to exactly 0 in floating
 * point, or a plateau at 100%, counts as past the peak.
 */
function peakStep(curve: Curve, { from, to }: Segment): number {
  let lo = from;
  let hi = to;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (curve(mid + 1) <= curve(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The first step in [from, last] at or above threshold, given the curve rises up to `last` and is there. */
function firstAtLeast(curve: Curve, from: number, last: number, threshold: number): number {
  let lo = from;
  let hi = last;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (curve(mid) >= threshold) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The first step at which the curve reaches `threshold`, or undefined if it never does within the segments. */
export function firstCrossing(curve: Curve, segments: readonly Segment[], threshold: number): number | undefined {
  for (const segment of segments) {
    const top = peakStep(curve, segment);
    if (curve(top) >= threshold) return firstAtLeast(curve, segment.from, top, threshold);
  }
  return undefined;
}

/** The highest point of the curve over the segments (the earliest step, if several tie). */
export function peak(curve: Curve, segments: readonly Segment[]): { step: number; value: number } {
  let best = { step: 0, value: curve(0) };
  for (const segment of segments) {
    const step = peakStep(curve, segment);
    const value = curve(step);
    if (value > best.value) best = { step, value };
  }
  return best;
}
