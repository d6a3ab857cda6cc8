/**
 * The team's view of one claim from each person's latest credence: the forecasting standard is the
 * geometric mean of odds (average the log-odds, then back to a probability), with the median, the
 * spread and a small histogram beside it.
 */

/** Odds maths never sees 0 or 1: a credence of 0% or 100% is stored as given, but clamped here. */
export const ODDS_FLOOR = 0.001;
export const ODDS_CEILING = 0.999;

export function clampProbability(p: number): number {
  return Math.min(ODDS_CEILING, Math.max(ODDS_FLOOR, p));
}

/** ln(p / (1 − p)) of the clamped probability. */
export function logOdds(p: number): number {
  const q = clampProbability(p);
  return Math.log(q / (1 - q));
}

export function fromLogOdds(x: number): number {
  return 1 / (1 + Math.exp(-x));
}

export function mean(values: readonly number[]): number {
  let sum = 0;
  for (const v of values) sum += v;
  return values.length ? sum / values.length : NaN;
}

/** Population standard deviation: the spread of these people, not an estimate for a wider population. */
export function standardDeviation(values: readonly number[]): number {
  if (values.length === 0) return NaN;
  const m = mean(values);
  let sum = 0;
  for (const v of values) sum += (v - m) ** 2;
  return Math.sqrt(sum / values.length);
}

/** The q-quantile of sorted values, interpolating linearly between neighbours (R's type 7). */
export function quantile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return NaN;
  const position = (sorted.length - 1) * q;
  const below = Math.floor(position);
  const above = Math.ceil(position);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (position - below);
}

/** Five bins of 20 points: 0–20 %, 20–40 %, …, 80–100 % (100 % falls in the last). */
export const HISTOGRAM_BINS = 5;

export function histogram(values: readonly number[], bins = HISTOGRAM_BINS): number[] {
  const counts = new Array<number>(bins).fill(0);
  for (const v of values) counts[Math.min(bins - 1, Math.max(0, Math.floor(v * bins)))]!++;
  return counts;
}

export interface Aggregate {
  /** How many people's latest credences it rests on. */
  readonly people: number;
  readonly median: number;
  /** The geometric mean of odds, as a probability: the team's forecast. */
  readonly geoMeanOdds: number;
  /** First and third quartiles: the interquartile range. */
  readonly q1: number;
  readonly q3: number;
  /** Standard deviation of the (clamped) log-odds: 0 when everyone agrees, about 2 for 20 % vs 80 %. */
  readonly sdLogOdds: number;
  readonly histogram: readonly number[];
}

/** The aggregate of each person's latest credence, or undefined when nobody has one. */
export function aggregate(values: readonly number[]): Aggregate | undefined {
  if (values.length === 0) return undefined;
  const sorted = [...values].sort((a, b) => a - b);
  const logs = values.map(logOdds);
  return {
    people: values.length,
    median: quantile(sorted, 0.5),
    geoMeanOdds: fromLogOdds(mean(logs)),
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
    sdLogOdds: standardDeviation(logs),
    histogram: histogram(values),
  };
}

/** Pearson correlation; undefined when either side has no variance or fewer than two pairs. */
export function correlation(xs: readonly number[], ys: readonly number[]): number | undefined {
  const n = Math.min(xs.length, ys.length);
  if (n < 2) return undefined;
  const mx = mean(xs.slice(0, n));
  const my = mean(ys.slice(0, n));
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = xs[i]! - mx;
    const dy = ys[i]! - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  if (sxx < 1e-12 || syy < 1e-12) return undefined;
  return sxy / Math.sqrt(sxx * syy);
}
