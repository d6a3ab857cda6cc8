import { UserError } from '../../core/errors.ts';
import { md } from '../../core/markup.ts';
import { ExactDrift } from './exact.ts';
import type { DriftParams, FourStates } from './model.ts';
import { formatParam } from './numbers.ts';
import { PARAMETERS, valueOf, withValue, type Parameter } from './params.ts';

export interface SweepPoint {
  readonly value: number;
  readonly end: FourStates;
  readonly crosses50: number | undefined;
}

export interface SweepResult {
  readonly parameter: Parameter;
  readonly points: readonly SweepPoint[];
  /** True when the values are spaced evenly in log(value): the range spans two decades or more. */
  readonly logValues: boolean;
}

export const SWEEP_POINTS_MAX = 25;

/** The largest value a parameter may take in this run. */
export function parameterMax(params: DriftParams, parameter: Parameter): number {
  return parameter === 't' ? params.steps : 1;
}

/**
 * The exact outcome at n as one parameter runs from `from` to `to`: evenly spaced, or evenly in log
 * space when the range spans two decades or more.
 */
export function sweep(params: DriftParams, parameter: Parameter, from: number, to: number, points: number): SweepResult {
  if (!(from < to)) {
    throw new UserError(
      md`The sweep needs \`from\` below \`to\` (got from:${formatParam(from)} to:${formatParam(to)}).`,
      'drift.sweep-range',
    );
  }
  const max = parameterMax(params, parameter);
  if (from < 0 || to > max) {
    throw new UserError(
      parameter === 't'
        ? md`T runs from 0 to the run's steps (${formatParam(max)}); the sweep asked for ${formatParam(from)}…${formatParam(to)}.`
        : md`\`${parameter}\` is a probability: sweep it within 0…1 (got ${formatParam(from)}…${formatParam(to)}).`,
      'drift.sweep-range',
    );
  }
  const logValues = from > 0 && to / from >= 100;
  let values = Array.from({ length: points }, (_, i) => {
    const f = points === 1 ? 0 : i / (points - 1);
    // The ends exactly as asked, not as exp(log(x)) rounds them.
    if (i === 0) return from;
    if (i === points - 1) return to;
    return logValues ? Math.exp(Math.log(from) + f * (Math.log(to) - Math.log(from))) : from + f * (to - from);
  });
  if (parameter === 't') values = [...new Set(values.map(Math.round))];
  return {
    parameter,
    logValues,
    points: values.map((value) => {
      const exact = new ExactDrift(withValue(params, parameter, value));
      return { value, end: exact.at(params.steps), crosses50: exact.crossing(0.5) };
    }),
  };
}

export interface Sensitivity {
  readonly parameter: Parameter;
  readonly value: number;
  readonly low: number;
  readonly high: number;
  /** P(D) at n with the parameter halved, and doubled (capped at its maximum). */
  readonly atLow: number;
  readonly atHigh: number;
  readonly swing: number;
}

/**
 * Which parameter moves the outcome most: P(D) at n with each parameter halved and doubled, largest
 * swing first. Parameters at 0 are left out (halving or doubling 0 changes nothing).
 */
export function sensitivity(params: DriftParams): Sensitivity[] {
  const at = (p: DriftParams) => new ExactDrift(p).at(p.steps).D;
  return PARAMETERS.filter((parameter) => valueOf(params, parameter) > 0)
    .map((parameter) => {
      const value = valueOf(params, parameter);
      const round = (v: number) => (parameter === 't' ? Math.round(v) : v);
      const low = round(value / 2);
      const high = round(Math.min(parameterMax(params, parameter), value * 2));
      const atLow = at(withValue(params, parameter, low));
      const atHigh = at(withValue(params, parameter, high));
      return { parameter, value, low, high, atLow, atHigh, swing: Math.abs(atHigh - atLow) };
    })
    .sort((a, b) => b.swing - a.swing);
}
