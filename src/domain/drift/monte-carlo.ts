import { randomBeta, randomGeometric, randomLcg } from 'd3-random';
import { MatrixPowers, zeroSquare, type Square } from './matrix.ts';
import {
  correctionRate,
  STATE,
  STATE_COUNT,
  stepAfterCrystallization,
  stepBeforeCrystallization,
  stepFamily,
  stepFor,
  type DriftParams,
} from './model.ts';

/**
 * Monte Carlo for a finite population: N agents, `runs` times over, each agent moved event by event.
 * An agent in state i stays there for a geometric number of steps (the chance of leaving per step is
 * 1 − Mᵢᵢ), then jumps to j with chance Mᵢⱼ / (1 − Mᵢᵢ). Nobody is stepped through every step, so the
 * cost is the number of state changes, not agents × steps. A waiting time that runs past the step
 * when values crystallize is drawn again from there with the later matrix: geometric waits are
 * memoryless, so this is exact. The variates come from d3-random, fed by its seedable generator, so a
 * run is reproduced from its parameters and seed.
 */

export interface BetaPrior {
  readonly a: number;
  readonly b: number;
}

export interface MonteCarloOptions {
  readonly agents: number;
  readonly runs: number;
  readonly seed: number;
  /** Heterogeneous agents: each draws its own p from Beta(a, b). */
  readonly beta?: BetaPrior;
  /** Steps at which counts are recorded, ascending, ending with n. */
  readonly sampleSteps: readonly number[];
}

/** A count over the runs. */
export interface Spread {
  readonly mean: number;
  readonly sd: number;
  readonly min: number;
  readonly max: number;
}

export interface MonteCarloResult {
  readonly agents: number;
  readonly runs: number;
  readonly seed: number;
  readonly beta?: BetaPrior;
  /** How many agents are dangerous and hidden, caught, and were ever dangerous at step n. */
  readonly end: { readonly D: Spread; readonly C: Spread; readonly ever: Spread };
  /**
   * Mean share of agents in D, C and ever-D at each sample step, over the runs, and its standard
   * deviation between runs (0 for a single run): the spread band the chart draws around each curve.
   */
  readonly curve: readonly {
    readonly step: number;
    readonly D: number;
    readonly C: number;
    readonly ever: number;
    readonly sd: { readonly D: number; readonly C: number; readonly ever: number };
  }[];
  /** State changes simulated, over all runs. */
  readonly events: number;
}

/** Per phase and state: the chance to leave per step, and the rows to pick where to go. */
interface PhaseTable {
  readonly leave: Float64Array;
  readonly wait: ((() => number) | undefined)[];
  readonly rows: Float64Array;
}

type Source = () => number;

function phaseTable(delta: Square, geometric: ReturnType<typeof randomGeometric.source>): PhaseTable {
  const leave = new Float64Array(STATE_COUNT);
  const wait: ((() => number) | undefined)[] = [];
  for (let i = 0; i < STATE_COUNT; i++) {
    // Sum the outflows rather than negating the diagonal: it keeps a tiny chance to leave exact.
    let out = 0;
    for (let j = 0; j < STATE_COUNT; j++) if (j !== i) out += delta.m[i * STATE_COUNT + j]!;
    leave[i] = Math.min(1, out);
    wait.push(out > 0 ? geometric(Math.min(1, out)) : undefined);
  }
  return { leave, wait, rows: delta.m };
}

function pickNext(table: PhaseTable, from: number, uniform: Source): number {
  const target = uniform() * table.leave[from]!;
  let sum = 0;
  let last = from;
  for (let j = 0; j < STATE_COUNT; j++) {
    if (j === from) continue;
    const chance = table.rows[from * STATE_COUNT + j]!;
    if (chance <= 0) continue;
    sum += chance;
    last = j;
    if (target < sum) return j;
  }
  return last;
}

/** The index of the first sample step ≥ step (the length if none). */
function firstSampleAtOrAfter(samples: readonly number[], step: number): number {
  let lo = 0;
  let hi = samples.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (samples[mid]! >= step) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

interface Tally {
  readonly D: Int32Array;
  readonly C: Int32Array;
  readonly ever: Int32Array;
}

/** Moves one agent from step 0 to n; adds the sample steps it spends in D and C, and from when it was ever in D. */
function simulateAgent(
  before: PhaseTable,
  after: PhaseTable,
  crystallized: number,
  n: number,
  samples: readonly number[],
  uniform: Source,
  tally: Tally,
): number {
  let state: number = STATE.A0;
  let step = 0;
  let table = crystallized > 0 ? before : after;
  let phaseEnd = crystallized > 0 ? crystallized : n;
  let events = 0;
  let everMarked = false;
  for (;;) {
    const wait = table.wait[state];
    const leaves = wait === undefined ? Infinity : step + wait();
    if (leaves > phaseEnd) {
      if (phaseEnd < n) {
        step = phaseEnd;
        table = after;
        phaseEnd = n;
        continue;
      }
      return events;
    }
    const next = pickNext(table, state, uniform);
    events++;
    if (state === STATE.D) tally.D[firstSampleAtOrAfter(samples, leaves)]!--;
    if (next === STATE.D) {
      const at = firstSampleAtOrAfter(samples, leaves);
      tally.D[at]!++;
      if (!everMarked) {
        tally.ever[at]!++;
        everMarked = true;
      }
    }
    if (next === STATE.C) tally.C[firstSampleAtOrAfter(samples, leaves)]!++;
    state = next;
    step = leaves;
  }
}

function spread(values: readonly number[]): Spread {
  const mean = values.reduce((a, b) => a + b, 0) / values.length;
  const variance = values.length > 1 ? values.reduce((a, v) => a + (v - mean) ** 2, 0) / (values.length - 1) : 0;
  return { mean, sd: Math.sqrt(variance), min: Math.min(...values), max: Math.max(...values) };
}

function cumulative(diff: Int32Array): Int32Array {
  const out = new Int32Array(diff.length);
  let running = 0;
  for (let i = 0; i < diff.length; i++) out[i] = running += diff[i]!;
  return out;
}

export function runMonteCarlo(params: DriftParams, options: MonteCarloOptions): MonteCarloResult {
  const { agents, runs, sampleSteps: samples } = options;
  if (samples.at(-1) !== params.steps) throw new Error('the sample steps must end with the last step');
  const uniform = randomLcg(options.seed);
  const geometric = randomGeometric.source(uniform);
  const crystallized = correctionRate(params) > 0 ? Math.min(params.T, params.steps) : 0;
  const families = { before: stepFamily(params, 'before'), after: stepFamily(params, 'after') };
  const tables = (p: number) => ({
    before: phaseTable(stepFor(families.before, p), geometric),
    after: phaseTable(stepFor(families.after, p), geometric),
  });
  const shared = options.beta ? undefined : tables(params.p);
  const drawP = options.beta ? randomBeta.source(uniform)(options.beta.a, options.beta.b) : undefined;

  const G = samples.length;
  const sums = { D: new Float64Array(G), C: new Float64Array(G), ever: new Float64Array(G) };
  const squares = { D: new Float64Array(G), C: new Float64Array(G), ever: new Float64Array(G) };
  const ends = { D: [] as number[], C: [] as number[], ever: [] as number[] };
  let events = 0;
  for (let run = 0; run < runs; run++) {
    const tally: Tally = { D: new Int32Array(G + 1), C: new Int32Array(G + 1), ever: new Int32Array(G + 1) };
    for (let agent = 0; agent < agents; agent++) {
      const { before, after } = shared ?? tables(drawP!());
      events += simulateAgent(before, after, crystallized, params.steps, samples, uniform, tally);
    }
    for (const key of ['D', 'C', 'ever'] as const) {
      const counts = cumulative(tally[key]);
      for (let g = 0; g < G; g++) {
        sums[key][g]! += counts[g]!;
        squares[key][g]! += counts[g]! ** 2;
      }
      ends[key].push(counts[G - 1]!);
    }
  }
  const share = (key: 'D' | 'C' | 'ever', g: number) => sums[key][g]! / (runs * agents);
  // Sample standard deviation of the count between runs, as a share of the agents.
  const sd = (key: 'D' | 'C' | 'ever', g: number) => {
    if (runs < 2) return 0;
    const mean = sums[key][g]! / runs;
    return Math.sqrt(Math.max(0, (squares[key][g]! - runs * mean * mean) / (runs - 1))) / agents;
  };
  return {
    agents,
    runs,
    seed: options.seed,
    ...(options.beta ? { beta: options.beta } : {}),
    end: { D: spread(ends.D), C: spread(ends.C), ever: spread(ends.ever) },
    curve: samples.map((step, g) => ({
      step,
      D: share('D', g),
      C: share('C', g),
      ever: share('ever', g),
      sd: { D: sd('D', g), C: sd('C', g), ever: sd('ever', g) },
    })),
    events,
  };
}

/**
 * The expected number of state changes of one agent over the run: the Monte Carlo's work per agent.
 * Computed exactly by the same repeated squaring, with a seventh "counter" state that collects each
 * step's chance of a change.
 */
export function expectedEvents(params: DriftParams, p = params.p): number {
  const withCounter = (delta: Square): Square => {
    const k = STATE_COUNT + 1;
    const out = zeroSquare(k);
    for (let i = 0; i < STATE_COUNT; i++) {
      let leave = 0;
      for (let j = 0; j < STATE_COUNT; j++) {
        out.m[i * k + j] = delta.m[i * STATE_COUNT + j]!;
        if (j !== i) leave += delta.m[i * STATE_COUNT + j]!;
      }
      out.m[i * k + STATE_COUNT] = leave;
    }
    return out;
  };
  const crystallized = correctionRate(params) > 0 ? Math.min(params.T, params.steps) : 0;
  const start = new Float64Array(STATE_COUNT + 1);
  start[STATE.A0] = 1;
  const mid = new MatrixPowers(withCounter(stepBeforeCrystallization(params, p))).apply(start, crystallized);
  const end = new MatrixPowers(withCounter(stepAfterCrystallization(params, p))).apply(mid, params.steps - crystallized);
  return end[STATE_COUNT]!;
}
