import { randomLcg } from 'd3-random';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runText } from '../../core/dispatch.ts';
import { ExactDrift } from '../../domain/drift/exact.ts';
import type { DriftParams } from '../../domain/drift/model.ts';
import { runMonteCarlo } from '../../domain/drift/monte-carlo.ts';
import { PRESETS } from '../../domain/drift/presets.ts';
import { renderLineChart } from '../../render/chart.ts';
import { answered, benchRequest, benchServices } from './bench-services.ts';
import { ms, perSecond, time } from './measure.ts';
import type { BenchSuite } from './types.ts';

/** The naive way: every agent stepped through every step with the model's three rules. The floor for the Monte Carlo. */
function naiveAgentLoop(params: DriftParams, agents: number, seed: number): number {
  const uniform = randomLcg(seed);
  const r = params.c * (1 - params.s);
  let dangerous = 0;
  for (let agent = 0; agent < agents; agent++) {
    let state = 0; // 0 aligned, 1 drifted, 2 dangerous, 3 caught
    for (let t = 1; t <= params.steps && state !== 3; t++) {
      if (state < 2 && uniform() < params.p) state = uniform() < params.q ? 2 : 1;
      if (state === 2 && uniform() < params.d) state = 3;
      if (t <= params.T && (state === 1 || state === 2) && uniform() < r) state = 0;
    }
    if (state === 2) dangerous++;
  }
  return dangerous;
}

/** The same chain (no correction) stepped one step at a time: the floor for repeated squaring. */
function steppedExact(params: DriftParams, steps: number): number {
  let notYet = 1;
  let dangerous = 0;
  let caught = 0;
  const pq = params.p * params.q;
  for (let t = 1; t <= steps; t++) {
    const reached = dangerous + notYet * pq;
    notYet *= 1 - pq;
    caught += reached * params.d;
    dangerous = reached * (1 - params.d);
  }
  return dangerous + caught;
}

/**
 * Drift: the exact answer at n = 10⁹ beside stepping; the Monte Carlo's agent-steps per second for
 * 10⁶ agents × 10⁵ steps beside the naive per-agent loop; the chart; the whole `/drift` command.
 */
export const driftBench: BenchSuite = {
  name: 'drift',
  async run({ quick }) {
    const objection = { ...PRESETS['objection-channel'].params };
    const billion = { ...objection, p: 1e-9, d: 1e-9, steps: 1e9 };
    const exactAt = await time(() => new ExactDrift(billion).at(1e9), 2000);
    const exactFull = await time(() => new ExactDrift(billion).solve(), 100);
    const steppedSteps = 1_000_000;
    const stepped = await time(() => steppedExact(billion, steppedSteps), 10, 2);

    const agents = quick ? 100_000 : 1_000_000;
    const mcParams = { ...objection, steps: 100_000 };
    const samples = new ExactDrift(mcParams).sampleSteps();
    const mc = await time((i) => runMonteCarlo(mcParams, { agents, runs: 1, seed: i + 1, sampleSteps: samples }), quick ? 3 : 5, 1);
    const naive = { ...objection, steps: 10_000 };
    const naiveAgents = 1000;
    const naiveTime = await time((i) => naiveAgentLoop(naive, naiveAgents, i + 1), 5, 1);

    const curve = new ExactDrift({ ...PRESETS['data-directable'].params, steps: 1_000_000 }).solve();
    const chart = await time(
      () =>
        renderLineChart({
          title: 'P(D) and P(C)',
          xTitle: 'serial step',
          yTitle: 'share of agents',
          logX: true,
          percentY: true,
          series: [
            { label: 'P(D)', points: curve.curve.map((p) => ({ x: p.step, y: p.D })) },
            { label: 'P(C)', points: curve.curve.map((p) => ({ x: p.step, y: p.C })) },
          ],
          markers: [{ x: 80_000, label: 'T' }],
        }),
      30,
      3,
    );

    const dir = mkdtempSync(join(tmpdir(), 'cruxbot-bench-drift-'));
    const services = benchServices(join(dir, 'bench.db'));
    const request = benchRequest(services);
    const command = await time(() => answered(runText('/drift preset:random-drift p:1e-4 q:0.3 steps:100000', request)), 30, 3);
    const monteCarloCommand = await time(() => answered(runText('/drift preset:objection-channel agents:1000 seed:7', request)), 10, 2);
    await services.store.close();
    rmSync(dir, { recursive: true, force: true });

    return [
      {
        case: 'exact P(D), P(C) at n = 10⁹ (repeated squaring)',
        value: `p50 ${ms(exactAt.p50)} · p99 ${ms(exactAt.p99)}`,
        floor: `stepping the distribution: ${ms(stepped.p50)} per 10⁶ steps (≈ ${ms((stepped.p50 * 1e9) / steppedSteps)} for 10⁹)`,
      },
      {
        case: 'exact, everything (crossings by bisection, peak, 160-point curve), n = 10⁹',
        value: `p50 ${ms(exactFull.p50)} · p99 ${ms(exactFull.p99)}`,
      },
      {
        case: `Monte Carlo, ${agents.toLocaleString('en-US')} agents × 10⁵ steps (objection-channel)`,
        value: `${perSecond(agents * mcParams.steps, mc.p50)} agent-steps (${ms(mc.p50)} a run)`,
        floor: `naive per-agent loop, 1,000 agents × 10⁴ steps: ${perSecond(naiveAgents * naive.steps, naiveTime.p50)} agent-steps`,
      },
      { case: 'chart: Vega-Lite → SVG → PNG, 800 × 400, 2 curves', value: `p50 ${ms(chart.p50)} · p99 ${ms(chart.p99)}` },
      {
        case: '/drift preset:random-drift steps:100000 (whole command, with chart)',
        value: `p50 ${ms(command.p50)} · p99 ${ms(command.p99)}`,
      },
      {
        case: '/drift preset:objection-channel agents:1000 (20 Monte Carlo runs, chart)',
        value: `p50 ${ms(monteCarloCommand.p50)} · p99 ${ms(monteCarloCommand.p99)}`,
      },
    ];
  },
};
