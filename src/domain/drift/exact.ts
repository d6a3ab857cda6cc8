import { firstCrossing, peak, type Segment } from './crossing.ts';
import { MatrixPowers } from './matrix.ts';
import {
  correctionRate,
  fourStates,
  initialDistribution,
  STATE,
  stepAfterCrystallization,
  stepBeforeCrystallization,
  type DriftParams,
  type FourStates,
} from './model.ts';

export interface CurvePoint extends FourStates {
  readonly step: number;
}

/** What the exact answer reports (DESIGN.md): the states at n, the crossings, the peak and the curve. */
export interface ExactResult {
  readonly params: DriftParams;
  readonly end: FourStates;
  /** The first step at which P(D) ≥ 10% (and 50%), or undefined if it never gets there within the run. */
  readonly crosses10: number | undefined;
  readonly crosses50: number | undefined;
  /** Where P(D) is highest (dangerous agents can be caught or corrected, so it may fall again). */
  readonly peak: { readonly step: number; readonly value: number };
  /** Sampled points from step 0 (or 1 on a log axis) to n. */
  readonly curve: readonly CurvePoint[];
  /** True when the steps span decades and the curve is sampled (and best drawn) on a log axis. */
  readonly logSteps: boolean;
}

/** Runs of this many steps or more are sampled and drawn on a log axis. */
export const LOG_AXIS_FROM = 1000;
const CURVE_POINTS = 160;

/**
 * The exact distribution of one agent over the states at any step, by repeated squaring of the two
 * phases' transition matrices. Evaluating any step costs at most ~80 products of 6 × 6 matrices.
 */
export class ExactDrift {
  private readonly before: MatrixPowers;
  private readonly after: MatrixPowers;
  /** Steps with corrective data: 1…crystallized. */
  private readonly crystallized: number;
  private readonly atCrystallization: Float64Array;
  readonly segments: readonly Segment[];

  constructor(
    readonly params: DriftParams,
    options: { p?: number } = {},
  ) {
    const p = options.p ?? params.p;
    this.crystallized = correctionRate(params) > 0 ? Math.min(params.T, params.steps) : 0;
    this.before = new MatrixPowers(stepBeforeCrystallization(params, p));
    this.after = new MatrixPowers(stepAfterCrystallization(params, p));
    this.atCrystallization = this.before.apply(initialDistribution(), this.crystallized);
    const segments: Segment[] = [];
    if (this.crystallized > 0) segments.push({ from: 0, to: this.crystallized });
    segments.push({ from: this.crystallized, to: params.steps });
    this.segments = segments;
  }

  /** The chain's distribution after `step` serial steps (0 ≤ step ≤ n). */
  distribution(step: number): Float64Array {
    if (step <= this.crystallized) return this.before.apply(initialDistribution(), step);
    return this.after.apply(this.atCrystallization, step - this.crystallized);
  }

  at(step: number): FourStates {
    return fourStates(this.distribution(step));
  }

  /** P(dangerous and hidden) after `step` steps. */
  readonly dangerous = (step: number): number => this.distribution(step)[STATE.D]!;

  crossing(threshold: number): number | undefined {
    return firstCrossing(this.dangerous, this.segments, threshold);
  }

  peak(): { step: number; value: number } {
    return peak(this.dangerous, this.segments);
  }

  /** The steps at which the curve is sampled: evenly, or evenly in log(step) when the run spans decades. */
  sampleSteps(extra: readonly number[] = []): number[] {
    const n = this.params.steps;
    const steps = new Set<number>([n, ...extra.filter((s) => s >= 0 && s <= n)]);
    if (n >= LOG_AXIS_FROM) {
      for (let i = 0; i < CURVE_POINTS; i++) steps.add(Math.round(Math.exp((Math.log(n) * i) / (CURVE_POINTS - 1))));
    } else {
      for (let i = 0; i < CURVE_POINTS; i++) steps.add(Math.round((n * i) / (CURVE_POINTS - 1)));
    }
    if (this.crystallized > 0) steps.add(this.crystallized);
    return [...steps].filter((s) => n < LOG_AXIS_FROM || s >= 1).sort((a, b) => a - b);
  }

  /** Everything the reply needs. */
  solve(): ExactResult {
    const crosses10 = this.crossing(0.1);
    const crosses50 = this.crossing(0.5);
    const top = this.peak();
    const marks = [crosses10, crosses50, top.step].filter((s): s is number => s !== undefined);
    const curve = this.sampleSteps(marks).map((step) => ({ step, ...this.at(step) }));
    return {
      params: this.params,
      end: this.at(this.params.steps),
      crosses10,
      crosses50,
      peak: top,
      curve,
      logSteps: this.params.steps >= LOG_AXIS_FROM,
    };
  }
}

export function solveExact(params: DriftParams): ExactResult {
  return new ExactDrift(params).solve();
}
