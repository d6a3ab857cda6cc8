import { randomLcg } from 'd3-random';
import { describe, expect, it } from 'vitest';
import { ExactDrift, solveExact } from '../../../src/domain/drift/exact.ts';
import type { DriftParams } from '../../../src/domain/drift/model.ts';

const params = (over: Partial<DriftParams>): DriftParams => ({ p: 1e-4, q: 0.3, c: 0, d: 0, s: 0, T: 0, steps: 100_000, ...over });

/** 1 − (1 − a)ⁿ without cancellation: the closed form of the first view. */
const everDangerous = (a: number, n: number) => -Math.expm1(n * Math.log1p(-a));

/** The two-state formula (c = 0, d > 0): not-yet-dangerous decays as (1 − a)ⁿ and feeds D, which loses d a step. */
function twoState(a: number, d: number, n: number) {
  const notYet = Math.exp(n * Math.log1p(-a));
  const dangerous = (a * (1 - d) * (Math.exp(n * Math.log1p(-d)) - notYet)) / (a - d);
  return { dangerous, caught: 1 - notYet - dangerous };
}

/** The chain stepped one serial step at a time, straight from the model's three rules: the slow reference. */
function stepped(p: DriftParams): { A: number; B: number; D: number; C: number }[] {
  let s = { A: 1, B: 0, D: 0, C: 0 };
  const out = [s];
  const r = p.c * (1 - p.s);
  for (let t = 1; t <= p.steps; t++) {
    const permuted = { A: s.A * (1 - p.p), B: s.A * p.p * (1 - p.q) + s.B * (1 - p.p * p.q), D: s.D + (s.A + s.B) * p.p * p.q, C: s.C };
    const detected = { ...permuted, D: permuted.D * (1 - p.d), C: permuted.C + permuted.D * p.d };
    const k = t <= p.T ? r : 0;
    s = { A: detected.A + k * (detected.B + detected.D), B: detected.B * (1 - k), D: detected.D * (1 - k), C: detected.C };
    out.push(s);
  }
  return out;
}

describe('the exact answer', () => {
  it('GIVEN random drift (c = d = 0) THEN P(D by n) = 1 − (1 − pq)ⁿ to 1e-12, up to n = 10^12', () => {
    const cases: [number, number, number][] = [
      [1e-4, 0.3, 100_000],
      [0.01, 0.5, 37],
      [1e-9, 0.3, 1e9],
      [1e-12, 0.3, 1e12],
      [3e-7, 0.9, 123_456_789_012],
    ];
    for (const [p, q, n] of cases) {
      const at = new ExactDrift(params({ p, q, steps: n })).at(n);
      expect(Math.abs(at.D - everDangerous(p * q, n)), `p=${p} n=${n}`).toBeLessThan(1e-12);
      expect(Math.abs(at.ever - everDangerous(p * q, n))).toBeLessThan(1e-12);
      expect(at.C).toBe(0);
    }
  });

  it('GIVEN an objection channel (d > 0, c = 0) THEN P(D) and P(C) follow the two-state formula to 1e-12', () => {
    const cases: [number, number, number, number][] = [
      [1e-4, 0.3, 1e-3, 100_000],
      [1e-3, 0.5, 1e-5, 1_000_000],
      [0.02, 0.25, 0.3, 200],
      [1e-8, 0.3, 1e-6, 1e12],
    ];
    for (const [p, q, d, n] of cases) {
      const at = new ExactDrift(params({ p, q, d, steps: n })).at(n);
      const want = twoState(p * q, d, n);
      expect(Math.abs(at.D - want.dangerous), `p=${p} d=${d} n=${n}`).toBeLessThan(1e-12);
      expect(Math.abs(at.C - want.caught)).toBeLessThan(1e-12);
    }
  });

  it('GIVEN any parameters THEN the matrix powers agree with stepping the three rules one step at a time', () => {
    const sets = [
      params({ p: 0.01, q: 0.3, c: 0.05, d: 0.01, s: 0.2, T: 300, steps: 800 }),
      params({ p: 0.002, q: 0.6, c: 0.5, d: 0, s: 0.9, T: 500, steps: 500 }),
      params({ p: 0.9, q: 0.9, c: 0.9, d: 0.2, s: 0, T: 60, steps: 120 }),
    ];
    for (const p of sets) {
      const exact = new ExactDrift(p);
      const slow = stepped(p);
      for (const t of [0, 1, 2, 7, Math.floor(p.T / 2), p.T, p.T + 1, p.steps].filter((t) => t <= p.steps)) {
        const got = exact.at(t);
        for (const key of ['A', 'B', 'D', 'C'] as const) expect(Math.abs(got[key] - slow[t]![key]), `${key} at ${t}`).toBeLessThan(1e-13);
      }
    }
  });

  it('THEN P(ever dangerous) is 1 − (1 − pq)ⁿ whatever the correction: data can undo danger, not prevent it', () => {
    const at = new ExactDrift(params({ c: 0.01, s: 0.1, T: 100_000, d: 0.001 })).at(100_000);
    expect(Math.abs(at.ever - everDangerous(3e-5, 100_000))).toBeLessThan(1e-12);
    expect(at.D).toBeLessThan(0.01);
  });
});

describe('the crossing steps', () => {
  const crossingIsExact = (exact: ExactDrift, step: number | undefined, threshold: number) => {
    expect(step).toBeDefined();
    expect(exact.dangerous(step! - 1)).toBeLessThan(threshold);
    expect(exact.dangerous(step!)).toBeGreaterThanOrEqual(threshold);
  };

  it('GIVEN random drift with p = 1e-4, q = 0.3 THEN P(D) crosses 50% at step 23,105 exactly', () => {
    const result = solveExact(params({}));
    expect(result.crosses50).toBe(23_105);
    expect(result.end.D).toBeCloseTo(0.950213, 5);
    const exact = new ExactDrift(params({}));
    crossingIsExact(exact, result.crosses10, 0.1);
    crossingIsExact(exact, result.crosses50, 0.5);
  });

  it('GIVEN a run of 10^12 steps THEN the crossings are still exact to the step', () => {
    const exact = new ExactDrift(params({ p: 1e-11, q: 0.4, d: 1e-13, steps: 1e12 }));
    crossingIsExact(exact, exact.crossing(0.1), 0.1);
    crossingIsExact(exact, exact.crossing(0.5), 0.5);
  });

  it('GIVEN curves that rise, fall, plateau, or rise again after crystallization THEN the first crossing is the one stepping finds', () => {
    const sets = [
      params({ p: 0.01, q: 0.5, d: 0.02, steps: 2000 }), // rises then falls as agents are caught
      params({ p: 0.01, q: 0.5, c: 0.02, s: 0, T: 600, steps: 2000 }), // plateau under correction, then rises
      params({ p: 0.02, q: 0.8, c: 0.01, d: 0.001, s: 0.5, T: 50, steps: 1500 }),
      params({ p: 0.95, q: 0.95, c: 0.97, d: 0.05, s: 0, T: 40, steps: 80 }), // large jumps every step
      params({ p: 0.001, q: 0.3, d: 0.5, steps: 3000 }), // never reaches 10%
    ];
    for (const p of sets) {
      const exact = new ExactDrift(p);
      const slow = stepped(p).map((s) => s.D);
      for (const threshold of [0.1, 0.5, 0.3]) {
        const first = slow.findIndex((v) => v >= threshold);
        expect(exact.crossing(threshold), `${JSON.stringify(p)} at ${threshold}`).toBe(first === -1 ? undefined : first);
      }
      const top = Math.max(...slow);
      expect(exact.peak().value).toBeCloseTo(top, 12);
    }
  });

  it('GIVEN 40 random parameter sets (seeded) THEN bisection and stepping agree on every crossing', () => {
    const uniform = randomLcg(20_260_601);
    const logUniform = (lo: number, hi: number) => Math.exp(Math.log(lo) + (Math.log(hi) - Math.log(lo)) * uniform());
    for (let i = 0; i < 40; i++) {
      const steps = 50 + Math.floor(uniform() * 1500);
      const p = params({
        p: logUniform(1e-4, 0.9),
        q: uniform(),
        c: uniform() < 0.5 ? 0 : logUniform(1e-4, 1),
        d: uniform() < 0.3 ? 0 : logUniform(1e-5, 0.5),
        s: uniform(),
        T: Math.floor(uniform() * steps),
        steps,
      });
      const exact = new ExactDrift(p);
      const slow = stepped(p).map((s) => s.D);
      for (const threshold of [0.01, 0.1, 0.5]) {
        const first = slow.findIndex((v) => v >= threshold);
        expect(exact.crossing(threshold), JSON.stringify(p)).toBe(first === -1 ? undefined : first);
      }
    }
  });

  it('samples the curve on a log axis when the run spans decades, including n and the crossings', () => {
    const result = solveExact(params({ steps: 1_000_000 }));
    expect(result.logSteps).toBe(true);
    const steps = result.curve.map((point) => point.step);
    expect(steps[0]).toBe(1);
    expect(steps.at(-1)).toBe(1_000_000);
    expect(steps).toContain(result.crosses50);
    expect(solveExact(params({ steps: 500 })).logSteps).toBe(false);
  });
});
