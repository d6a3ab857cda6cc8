import { UserError } from '../../core/errors.ts';
import { md } from '../../core/markup.ts';
import type { DriftParams } from './model.ts';
import { expectedEvents, type BetaPrior } from './monte-carlo.ts';
import { formatCount } from './numbers.ts';

/**
 * The Monte Carlo's work is counted in random draws: each agent draws a waiting time per state change
 * plus one or two that run out (at T and at n); heterogeneous agents also draw p and build their own
 * step tables. Ten million draws take about two seconds on one core of a small server: the bot answers
 * in a few seconds at worst, and never hangs.
 */
export const MONTE_CARLO_BUDGET = 10_000_000;
export const MAX_AGENTS = 10_000_000;
export const MAX_RUNS = 1000;
export const DEFAULT_RUNS = 20;
const OVERHEAD_PER_AGENT = 2;
const OVERHEAD_PER_HETEROGENEOUS_AGENT = 10;

/** Expected draws per agent per run. */
export function drawsPerAgent(params: DriftParams, beta?: BetaPrior): number {
  const p = beta ? beta.a / (beta.a + beta.b) : params.p;
  return 2 * expectedEvents(params, p) + OVERHEAD_PER_AGENT + (beta ? OVERHEAD_PER_HETEROGENEOUS_AGENT : 0);
}

/**
 * How many runs to do: the ones asked for, or up to 20 (at least 2, for a spread) within the budget.
 * A UserError says the budget and how to lower the request when it does not fit.
 */
export function planRuns(params: DriftParams, agents: number, requestedRuns: number | undefined, beta?: BetaPrior): number {
  const perAgent = drawsPerAgent(params, beta);
  const fitting = Math.floor(MONTE_CARLO_BUDGET / (agents * perAgent));
  const runs = requestedRuns ?? Math.min(DEFAULT_RUNS, Math.max(2, fitting));
  const work = agents * runs * perAgent;
  if (work <= MONTE_CARLO_BUDGET) return runs;
  const agentsThatFit = Math.floor(MONTE_CARLO_BUDGET / (runs * perAgent));
  throw new UserError(
    md`That Monte Carlo is too big: agents:${formatCount(agents)} × runs:${formatCount(runs)} needs about ${formatCount(work)} random draws here (${perAgent.toFixed(1)} per agent per run), and the budget is ${formatCount(MONTE_CARLO_BUDGET)} (a few seconds). ${
      agentsThatFit >= 1
        ? md`Lower it, e.g. \`agents:${String(agentsThatFit)}\` with ${formatCount(runs)} runs, or fewer runs or steps.`
        : md`Lower the runs, the steps or the rates.`
    } The exact answer (leave out \`agents\`) has no such limit.`,
    'drift.over-budget',
  );
}
