import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLI } from '../../src/cli.ts';

function capture() {
  const out: string[] = [];
  const err: string[] = [];
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => (out.push(String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => (err.push(String(chunk)), true));
  return { out: () => out.join(''), err: () => err.join('') };
}
afterEach(() => vi.restoreAllMocks());

describe('cruxbot drift --json', () => {
  it('prints the parameters and the results, the curve as sampled points, for a script to read', async () => {
    const io = capture();
    expect(await CLI.drift!.run(['preset:objection-channel', 'steps:10k', 'agents:200', 'runs:2', 'seed:7', '--json'])).toBe(0);
    const data = JSON.parse(io.out());
    expect(data.input).toMatchObject({
      kind: 'run',
      preset: 'objection-channel',
      params: { d: 5e-4, steps: 10_000 },
      monteCarlo: { agents: 200, runs: 2, seed: 7 },
    });
    expect(data.results.exact.crosses50).toBeNull();
    const curve = data.results.exact.curve as { step: number; D: number; C: number; ever: number }[];
    expect(curve.length).toBeGreaterThan(100);
    expect(curve.at(-1)).toMatchObject({ step: 10_000 });
    expect(curve.at(-1)!.D).toBeCloseTo(data.results.exact.end.D, 15);
    expect(data.results.monteCarlo.curve).toHaveLength(curve.length);
  });

  it('compares and sweeps too', async () => {
    const io = capture();
    await CLI.drift!.run(['sweep', 'param:d', 'from:1e-4', 'to:1e-2', 'points:3', '--json']);
    const data = JSON.parse(io.out());
    expect(data.results.sweep.points.map((p: { value: number }) => p.value)).toEqual([1e-4, expect.closeTo(1e-3, 12), 1e-2]);
  });

  it('says what was wrong on stderr and exits non-zero', async () => {
    const io = capture();
    expect(await CLI.drift!.run(['p:2', '--json'])).toBe(1);
    expect(io.err()).toContain('p is a probability, so it must be between 0 and 1 (got 2)');
    expect(await CLI.drift!.run(['colour:red', '--json'])).toBe(2);
    expect(io.err()).toMatch(/has no option colour/);
    expect(io.out()).toBe('');
  });
});
