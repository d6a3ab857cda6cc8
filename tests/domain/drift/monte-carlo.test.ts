import { describe, expect, it } from 'vitest';
import { planRuns } from '../../../src/domain/drift/budget.ts';
import { ExactDrift } from '../../../src/domain/drift/exact.ts';
import type { DriftParams } from '../../../src/domain/drift/model.ts';
import { expectedEvents, runMonteCarlo } from '../../../src/domain/drift/monte-carlo.ts';
import { PRESETS } from '../../../src/domain/drift/presets.ts';

const small = (over: Partial<DriftParams>): DriftParams => ({ ...PRESETS['random-drift'].params, steps: 20_000, ...over });

function simulate(params: DriftParams, agents: number, runs: number, seed: number, beta?: { a: number; b: number }) {
  const exact = new ExactDrift(params);
  return { exact, mc: runMonteCarlo(params, { agents, runs, seed, sampleSteps: exact.sampleSteps(), ...(beta ? { beta } : {}) }) };
}

/** The mean over runs of a binomial count sits within `k` standard errors of N·P. */
function expectWithinStandardErrors(mean: number, agents: number, runs: number, probability: number, k = 4) {
  const standardError = Math.sqrt((agents * probability * (1 - probability)) / runs);
  expect(Math.abs(mean - agents * probability)).toBeLessThanOrEqual(k * standardError + 1e-9);
}

describe('the Monte Carlo', () => {
  const cases: [string, DriftParams][] = [
    ['random drift', small({ p: 1e-4, q: 0.3 })],
    ['data-directable, crystallizing halfway', small({ c: 2e-3, s: 0.1, T: 10_000 })],
    ['objection channel', small({ p: 3e-4, d: 2e-4 })],
  ];
  for (const [name, params] of cases) {
    it(`GIVEN ${name} and 2,000 agents × 10 runs (seed 7) THEN the mean counts in D, C and ever-D are within 4 standard errors of the exact answer`, () => {
      const { exact, mc } = simulate(params, 2000, 10, 7);
      const end = exact.at(params.steps);
      expectWithinStandardErrors(mc.end.D.mean, 2000, 10, end.D);
      expectWithinStandardErrors(mc.end.C.mean, 2000, 10, end.C);
      expectWithinStandardErrors(mc.end.ever.mean, 2000, 10, end.ever);
      // Halfway through, too: the curve, not only the end.
      const mid = mc.curve.find((point) => point.step >= params.steps / 2)!;
      expectWithinStandardErrors(mid.D * 2000, 2000, 10, exact.at(mid.step).D);
      // Spread over runs: a binomial count's standard deviation, give or take.
      const binomialSd = Math.sqrt(2000 * end.D * (1 - end.D));
      if (binomialSd > 5) expect(mc.end.D.sd).toBeGreaterThan(binomialSd * 0.4);
      expect(mc.end.D.min).toBeLessThanOrEqual(mc.end.D.mean);
      expect(mc.end.D.max).toBeGreaterThanOrEqual(mc.end.D.mean);
    });
  }

  it('GIVEN the same seed THEN the same result; another seed gives another', () => {
    const params = small({ d: 2e-4 });
    const one = simulate(params, 500, 3, 42).mc;
    expect(simulate(params, 500, 3, 42).mc).toEqual(one);
    expect(simulate(params, 500, 3, 43).mc.end).not.toEqual(one.end);
  });

  it('simulates state changes, not steps: the events match the exact expectation', () => {
    const params = small({ c: 2e-3, s: 0.1, T: 10_000 });
    const { mc } = simulate(params, 2000, 5, 11);
    const perAgent = mc.events / (2000 * 5);
    expect(perAgent).toBeGreaterThan(2);
    expect(Math.abs(perAgent - expectedEvents(params)) / expectedEvents(params)).toBeLessThan(0.05);
  });

  it('GIVEN heterogeneous agents, p ~ Beta(2, 18) THEN P(ever dangerous) matches the Beta average of 1 − (1 − pq)ⁿ', () => {
    const params = small({ p: 0.1, q: 0.3, steps: 40 });
    const { mc } = simulate(params, 3000, 10, 5, { a: 2, b: 18 });
    // E[1 − (1 − pq)ⁿ] over Beta(2, 18), by the midpoint rule on a fine grid.
    let numerator = 0;
    let denominator = 0;
    for (let i = 0; i < 20_000; i++) {
      const p = (i + 0.5) / 20_000;
      const density = p * (1 - p) ** 17;
      numerator += density * (1 - (1 - p * 0.3) ** 40);
      denominator += density;
    }
    const expected = numerator / denominator;
    expectWithinStandardErrors(mc.end.ever.mean, 3000, 10, expected);
    // And clearly not the homogeneous answer at the mean p: spread in p lowers P(ever dangerous).
    const homogeneous = new ExactDrift(params).at(40).ever;
    expect(homogeneous - expected).toBeGreaterThan(0.01);
  });
});

describe('the Monte Carlo budget', () => {
  const params = PRESETS['objection-channel'].params;

  it('runs 20 times by default, fewer for a big population, and refuses what would take too long, saying how to lower it', () => {
    expect(planRuns(params, 1000, undefined)).toBe(20);
    expect(planRuns(params, 500_000, undefined)).toBeLessThan(20);
    expect(() => planRuns(params, 5_000_000, undefined)).toThrow(/budget is 10,000,000.*agents:\d+/);
    expect(() => planRuns(params, 10_000, 1000)).toThrow(/too big: agents:10,000 × runs:1,000/);
  });
});
