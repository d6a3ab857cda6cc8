import { UserError } from '../../core/errors.ts';
import { md } from '../../core/markup.ts';
import { MAX_AGENTS, MAX_RUNS, planRuns } from './budget.ts';
import type { CompareInput, DriftInput, RunInput, SweepInput } from './inputs.ts';
import { parseAmount, parseWhole } from './numbers.ts';
import { parseBeta, parseParameter, resolveParams, valueOf, type Parameter, type RawParams } from './params.ts';
import { parameterMax } from './sweep.ts';

/**
 * Command arguments → a resolved request. Shared by `/drift` and `cruxbot drift`, so both read the
 * same words the same way. Model numbers arrive as typed strings (`10k`, `1e-4`, `30%`).
 */
export interface ModelArgs {
  readonly steps?: string;
  readonly p?: string;
  readonly q?: string;
  readonly c?: string;
  readonly d?: string;
  readonly s?: string;
  readonly t?: string;
}

export interface RunArgs extends ModelArgs {
  readonly preset?: string;
  readonly agents?: string;
  readonly runs?: string;
  readonly seed?: number;
  readonly beta?: string;
}

export interface CompareArgs extends ModelArgs {
  readonly a: string;
  readonly b: string;
}

export interface SweepArgs extends ModelArgs {
  readonly param: string;
  readonly preset?: string;
  readonly from?: string;
  readonly to?: string;
  readonly points?: number;
}

const MODEL_KEYS = ['steps', 'p', 'q', 'c', 'd', 's', 't'] as const;
const DEFAULT_AGENTS = 1000;

export const rawParams = (args: ModelArgs): RawParams =>
  Object.fromEntries(MODEL_KEYS.flatMap((key) => (args[key] !== undefined ? [[key, args[key]]] : [])));

/** A run; with agents (or any Monte Carlo option) a Monte Carlo within the budget. `pickSeed` is called when no seed is given. */
export function runInputFrom(args: RunArgs, pickSeed: () => number): RunInput {
  const resolved = resolveParams(args.preset, rawParams(args));
  const notes = [...resolved.notes];
  const beta = args.beta ? parseBeta(args.beta) : undefined;
  if (beta && args.p)
    throw new UserError(md`Give \`p\` or \`beta\`, not both: with \`beta\` each agent draws its own p.`, 'drift.p-and-beta');
  let agents = args.agents ? parseWhole(args.agents, 'agents', { min: 1, max: MAX_AGENTS }) : undefined;
  if (agents === undefined && (args.runs !== undefined || args.seed !== undefined || beta)) {
    agents = DEFAULT_AGENTS;
    notes.push('Monte Carlo options were given without agents: simulated 1,000 agents.');
  }
  const params = beta ? { ...resolved.params, p: beta.a / (beta.a + beta.b) } : resolved.params;
  const requestedRuns = args.runs ? parseWhole(args.runs, 'runs', { min: 1, max: MAX_RUNS }) : undefined;
  if (agents === undefined) return { kind: 'run', preset: resolved.preset.name, params, notes };
  const runs = planRuns(params, agents, requestedRuns, beta);
  const seed = args.seed ?? pickSeed();
  return { kind: 'run', preset: resolved.preset.name, params, notes, monteCarlo: { agents, runs, seed, ...(beta ? { beta } : {}) } };
}

/** Two presets; the model options given apply to both. */
export function compareInputFrom(args: CompareArgs): CompareInput {
  const raw = rawParams(args);
  const a = resolveParams(args.a, raw);
  const b = resolveParams(args.b, raw);
  const notes = [...new Set([...a.notes, ...b.notes])];
  const given = Object.keys(raw);
  if (given.length) notes.push(`${given.join(', ')} ${given.length === 1 ? 'applies' : 'apply'} to both presets.`);
  return { kind: 'compare', a: { preset: a.preset.name, params: a.params }, b: { preset: b.preset.name, params: b.params }, notes };
}

/** A tenth to ten times the current value, within the parameter's range; 1e-6…1e-2 for a probability at 0; T over the whole run. */
function defaultRange(params: RunInput['params'], parameter: Parameter): [number, number] {
  const value = valueOf(params, parameter);
  const max = parameterMax(params, parameter);
  if (parameter === 't') return [0, max];
  if (value === 0) return [1e-6, 1e-2];
  return [value / 10, Math.min(max, value * 10)];
}

export function sweepInputFrom(args: SweepArgs): SweepInput {
  const resolved = resolveParams(args.preset, rawParams(args));
  const parameter = parseParameter(args.param);
  const [from, to] = defaultRange(resolved.params, parameter);
  const notes = [...resolved.notes];
  if ((parameter === 'c' || parameter === 's') && resolved.params.T === 0) {
    notes.push(`T is 0 here, so corrective data never acts and ${parameter} changes nothing: give t:<step> (or use data-directable).`);
  }
  return {
    kind: 'sweep',
    preset: resolved.preset.name,
    params: resolved.params,
    parameter,
    from: args.from ? parseAmount(args.from, 'from') : from,
    to: args.to ? parseAmount(args.to, 'to') : to,
    points: args.points ?? 9,
    notes,
  };
}

/** The request for a subcommand's validated arguments (`run`, `compare` or `sweep`). */
export function inputFrom(subcommand: string, args: Record<string, unknown>, pickSeed: () => number): DriftInput {
  if (subcommand === 'compare') return compareInputFrom(args as unknown as CompareArgs);
  if (subcommand === 'sweep') return sweepInputFrom(args as unknown as SweepArgs);
  if (subcommand === 'run') return runInputFrom(args as RunArgs, pickSeed);
  throw new UserError(md`\`${subcommand}\` computes nothing to print; use run, compare or sweep.`, 'drift.no-results');
}
