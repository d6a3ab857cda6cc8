import type { DriftParams } from './model.ts';
import type { BetaPrior } from './monte-carlo.ts';
import type { Parameter } from './params.ts';
import type { PresetName } from './presets.ts';

/**
 * A drift request with every value resolved (preset filled in, numbers parsed, seed chosen): enough to
 * compute the same answer again, so it is what a run attached to a claim stores.
 */
export interface RunInput {
  readonly kind: 'run';
  readonly preset: PresetName;
  readonly params: DriftParams;
  readonly monteCarlo?: { readonly agents: number; readonly runs: number; readonly seed: number; readonly beta?: BetaPrior };
  readonly notes: readonly string[];
}

export interface CompareInput {
  readonly kind: 'compare';
  readonly a: { readonly preset: PresetName; readonly params: DriftParams };
  readonly b: { readonly preset: PresetName; readonly params: DriftParams };
  readonly notes: readonly string[];
}

export interface SweepInput {
  readonly kind: 'sweep';
  readonly preset: PresetName;
  readonly params: DriftParams;
  readonly parameter: Parameter;
  readonly from: number;
  readonly to: number;
  readonly points: number;
  readonly notes: readonly string[];
}

export type DriftInput = RunInput | CompareInput | SweepInput;
