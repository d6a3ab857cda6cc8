import { UserError } from '../../core/errors.ts';
import { md } from '../../core/markup.ts';
import { closest } from '../../core/spelling.ts';
import type { BetaPrior } from './monte-carlo.ts';
import type { DriftParams } from './model.ts';
import { formatCount, parseAmount, parseProbability, parseWhole } from './numbers.ts';
import { isPresetName, PRESET_NAMES, PRESETS, type Preset } from './presets.ts';

/** The most serial steps the exact answer takes: 10¹² (repeated squaring needs 40 products). */
export const MAX_STEPS = 1e12;

/** The model's parameters, as named in options (`t` is the crystallization step T). */
export const PARAMETERS = ['p', 'q', 'c', 'd', 's', 't'] as const;
export type Parameter = (typeof PARAMETERS)[number];

export const PARAMETER_MEANING: Readonly<Record<Parameter, string>> = {
  p: 'chance per step that goals permute',
  q: 'share of permutations that are dangerous',
  c: 'chance per step that corrective data undoes drift (until T)',
  d: 'chance per step that a dangerous agent is detected',
  s: 'share of training data the AIs produce (weakens correction)',
  t: 'the step at which values crystallize',
};

/** Parameter values as typed (strings), each optional: a preset fills the rest. */
export type RawParams = Partial<Record<Parameter | 'steps', string>>;

export interface ResolvedParams {
  readonly preset: Preset;
  readonly params: DriftParams;
  /** The parameters given on the command line (differing from the preset's). */
  readonly overridden: readonly (Parameter | 'steps')[];
  /** Things worth saying about how the parameters were read. */
  readonly notes: readonly string[];
}

export function findPreset(name: string | undefined): Preset {
  const wanted = (name ?? 'random-drift').trim().toLowerCase();
  if (isPresetName(wanted)) return PRESETS[wanted];
  if (/^t:/.test(wanted)) {
    throw new UserError(
      md`Option names are lowercase: write \`t:${wanted.slice(2)}\` for T, the crystallization step.`,
      'drift.unknown-preset',
    );
  }
  const suggestion = closest(wanted, PRESET_NAMES);
  throw new UserError(
    md`There is no preset \`${wanted}\`${suggestion ? md` (did you mean \`${suggestion}\`?)` : ''}. The presets are ${PRESET_NAMES.join(', ')}; see \`/drift help\`.`,
    'drift.unknown-preset',
  );
}

/** A preset with the typed overrides applied and checked. */
export function resolveParams(presetName: string | undefined, raw: RawParams): ResolvedParams {
  const preset = findPreset(presetName);
  const base = preset.params;
  const overridden: (Parameter | 'steps')[] = [];
  const notes: string[] = [];
  const read = <K extends Parameter | 'steps'>(key: K, parse: (text: string) => number, fallback: number): number => {
    const text = raw[key];
    if (text === undefined) return fallback;
    overridden.push(key);
    return parse(text);
  };
  const probability = (name: Parameter) => (text: string) => parseProbability(text, name);
  const steps = read('steps', (text) => parseWhole(text, 'steps', { min: 1, max: MAX_STEPS }), base.steps);
  const p = read('p', probability('p'), base.p);
  const q = read('q', probability('q'), base.q);
  const c = read('c', probability('c'), base.c);
  const d = read('d', probability('d'), base.d);
  const s = read('s', probability('s'), base.s);
  let T = read('t', (text) => parseWhole(text, 't', { min: 0, max: MAX_STEPS }), base.T);
  if (raw.t !== undefined && T > steps) {
    throw new UserError(
      md`T (\`t:${raw.t}\`) is beyond the run's ${formatCount(steps)} steps. Values crystallize at step T, so T must be at most \`steps\`; to keep corrective data on for the whole run, give \`t:${String(steps)}\`.`,
      'drift.t-beyond-steps',
    );
  }
  if (T > steps) {
    notes.push(`The preset's T (${formatCount(T)}) is beyond the ${formatCount(steps)} steps: corrective data acts for the whole run.`);
    T = steps;
  }
  if (raw.t !== undefined && c * (1 - s) === 0) notes.push('T has no effect here: there is no corrective data (c·(1 − s) = 0).');
  return { preset, params: { p, q, c, d, s, T, steps }, overridden, notes };
}

/** `beta:2,19998` → Beta(2, 19998) for heterogeneous p. */
export function parseBeta(raw: string): BetaPrior {
  const parts = raw.split(/[,;\s]+/).filter(Boolean);
  const bad = () =>
    new UserError(
      md`\`beta\` takes two positive numbers, a and b, for p ~ Beta(a, b): e.g. \`beta:2,19998\` has mean 1e-4 (got "${raw.trim().slice(0, 40)}").`,
      'drift.bad-beta',
    );
  if (parts.length !== 2) throw bad();
  const [a, b] = parts.map((part) => parseAmount(part, 'beta')) as [number, number];
  if (!(a > 0 && b > 0 && Number.isFinite(a) && Number.isFinite(b))) throw bad();
  return { a, b };
}

/** The parameter named by a sweep, or a UserError listing them. */
export function parseParameter(raw: string): Parameter {
  const name = raw.trim().toLowerCase();
  if ((PARAMETERS as readonly string[]).includes(name)) return name as Parameter;
  throw new UserError(
    md`There is no parameter \`${raw.trim().slice(0, 20)}\`. Sweep one of ${PARAMETERS.join(', ')} (t is T, the crystallization step).`,
    'drift.unknown-parameter',
  );
}

/** A parameter's value in the model's terms (`t` is `T`). */
export function valueOf(params: DriftParams, parameter: Parameter): number {
  return parameter === 't' ? params.T : params[parameter];
}

export function withValue(params: DriftParams, parameter: Parameter, value: number): DriftParams {
  return parameter === 't' ? { ...params, T: value } : { ...params, [parameter]: value };
}
