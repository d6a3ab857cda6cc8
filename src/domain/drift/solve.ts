import { solveExact, type ExactResult } from './exact.ts';
import type { CompareInput, DriftInput, RunInput, SweepInput } from './inputs.ts';
import { runMonteCarlo, type MonteCarloResult } from './monte-carlo.ts';
import { sensitivity, sweep, type Sensitivity, type SweepResult } from './sweep.ts';

/** The computations behind each kind of request: shared by the chat replies and `cruxbot drift --json`. */

export interface RunSolution {
  readonly exact: ExactResult;
  readonly monteCarlo?: MonteCarloResult;
}

export function solveRun(input: RunInput): RunSolution {
  const exact = solveExact(input.params);
  if (!input.monteCarlo) return { exact };
  const { agents, runs, seed, beta } = input.monteCarlo;
  const sampleSteps = exact.curve.map((point) => point.step);
  return { exact, monteCarlo: runMonteCarlo(input.params, { agents, runs, seed, sampleSteps, ...(beta ? { beta } : {}) }) };
}

export function solveCompare(input: CompareInput): { readonly a: ExactResult; readonly b: ExactResult } {
  return { a: solveExact(input.a.params), b: solveExact(input.b.params) };
}

export function solveSweep(input: SweepInput): { readonly sweep: SweepResult; readonly sensitivity: Sensitivity[] } {
  return { sweep: sweep(input.params, input.parameter, input.from, input.to, input.points), sensitivity: sensitivity(input.params) };
}

/** The request and its results as plain data, for scripts: every curve as its sampled points. */
export function driftJson(input: DriftInput): Record<string, unknown> {
  const results = input.kind === 'run' ? solveRun(input) : input.kind === 'compare' ? solveCompare(input) : solveSweep(input);
  return { input, results };
}
