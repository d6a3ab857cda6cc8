import { describe, expect, it } from 'vitest';
import { formatParam, formatPercent, parseAmount, parseProbability, parseWhole } from '../../../src/domain/drift/numbers.ts';
import { parseBeta, parseParameter, resolveParams } from '../../../src/domain/drift/params.ts';
import { PRESET_NAMES, PRESETS } from '../../../src/domain/drift/presets.ts';
import { sensitivity, sweep } from '../../../src/domain/drift/sweep.ts';

describe('numbers as people type them', () => {
  it('reads 1e-4, 0.0001, 10k, 1e6, 2.5M, 1_000 and 30%', () => {
    expect(parseAmount('1e-4', 'p')).toBe(1e-4);
    expect(parseAmount('0.0001', 'p')).toBe(1e-4);
    expect(parseAmount('10k', 'steps')).toBe(10_000);
    expect(parseAmount('1e6', 'steps')).toBe(1_000_000);
    expect(parseAmount('2.5M', 'steps')).toBe(2_500_000);
    expect(parseAmount('1T', 'steps')).toBe(1e12);
    expect(parseAmount('1_000', 'steps')).toBe(1000);
    expect(parseProbability('30%', 'q')).toBeCloseTo(0.3, 15);
  });

  it('names the option and the value when it cannot', () => {
    expect(() => parseAmount('lots', 'steps')).toThrow('steps: "lots" is not a number');
    expect(() => parseProbability('1.5', 'p')).toThrow('p is a probability, so it must be between 0 and 1 (got 1.5)');
    expect(() => parseProbability('-0.1', 'q')).toThrow(/between 0 and 1/);
    expect(() => parseWhole('2.5', 'steps', { min: 1, max: 1e12 })).toThrow('steps must be a whole number (got 2.5)');
    expect(() => parseWhole('0', 'steps', { min: 1, max: 1e12 })).toThrow(/from 1 to 1,000,000,000,000 \(got 0\)/);
    expect(() => parseWhole('2e12', 'steps', { min: 1, max: 1e12 })).toThrow(/got 2,000,000,000,000/);
  });

  it('prints percentages and parameters readably', () => {
    expect(formatPercent(0.950213)).toBe('95.0%');
    expect(formatPercent(0.0012)).toBe('0.12%');
    expect(formatPercent(1.0000000000000004)).toBe('100.0%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatParam(1e-4)).toBe('1e-4');
    expect(formatParam(100_000)).toBe('100,000');
    expect(formatParam(0.3)).toBe('0.3');
  });
});

describe('presets and overrides', () => {
  it('every preset has parameters and a one-line source', () => {
    for (const name of PRESET_NAMES) {
      expect(PRESETS[name].source.length).toBeGreaterThan(30);
      expect(PRESETS[name].source).not.toContain('\n');
    }
    expect(PRESETS['random-drift'].params).toMatchObject({ c: 0, d: 0 });
    expect(PRESETS['data-directable'].params.c).toBeGreaterThan(0);
    expect(PRESETS['self-training'].params.s).toBeGreaterThan(0.9);
    expect(PRESETS['objection-channel'].params.d).toBeGreaterThan(0);
  });

  it('GIVEN a preset and overrides THEN the overrides win and are listed', () => {
    const resolved = resolveParams('data-directable', { p: '2e-4', steps: '1e6', t: '500k' });
    expect(resolved.params).toMatchObject({ p: 2e-4, q: 0.3, steps: 1_000_000, T: 500_000 });
    expect(resolved.overridden).toEqual(['steps', 'p', 't']);
  });

  it('GIVEN a preset whose T is beyond the steps THEN correction lasts the run, and says so; an explicit T beyond them is refused', () => {
    const resolved = resolveParams('data-directable', { steps: '10k' });
    expect(resolved.params.T).toBe(10_000);
    expect(resolved.notes.join(' ')).toMatch(/beyond the 10,000 steps/);
    expect(() => resolveParams('data-directable', { steps: '10k', t: '20k' })).toThrow(/T \(t:20k\) is beyond the run's 10,000 steps/);
  });

  it('refuses an unknown preset (with a suggestion), parameter, or beta', () => {
    expect(() => resolveParams('random-drfit', {})).toThrow(/no preset random-drfit \(did you mean random-drift\?\)/);
    expect(() => resolveParams('T:5000', {})).toThrow(/Option names are lowercase: write t:5000/);
    expect(() => parseParameter('z')).toThrow(/no parameter z. Sweep one of p, q, c, d, s, t/);
    expect(() => parseBeta('2')).toThrow(/two positive numbers/);
    expect(() => parseBeta('0,5')).toThrow(/two positive numbers/);
    expect(parseBeta('2, 19998')).toEqual({ a: 2, b: 19998 });
  });
});

describe('sweep and sensitivity', () => {
  it('GIVEN c from 1e-5 to 1e-2 THEN the values are log-spaced and more correction means less danger at n', () => {
    const params = { ...PRESETS['data-directable'].params, T: 100_000 };
    const result = sweep(params, 'c', 1e-5, 1e-2, 7);
    expect(result.logValues).toBe(true);
    expect(result.points.map((point) => point.value)[3]).toBeCloseTo(Math.sqrt(1e-5 * 1e-2), 12);
    const dangers = result.points.map((point) => point.end.D);
    for (let i = 1; i < dangers.length; i++) expect(dangers[i]).toBeLessThan(dangers[i - 1]!);
  });

  it('refuses from ≥ to, and values outside the parameter’s range', () => {
    const params = PRESETS['random-drift'].params;
    expect(() => sweep(params, 'p', 0.01, 0.001, 5)).toThrow(/needs from below to/);
    expect(() => sweep(params, 'q', 0.5, 2, 5)).toThrow(/probability: sweep it within 0…1/);
    expect(() => sweep(params, 't', 0, 2e5, 5)).toThrow(/T runs from 0 to the run's steps/);
  });

  it('ranks the parameters by how much halving and doubling them moves P(D) at n', () => {
    const rows = sensitivity(PRESETS['objection-channel'].params);
    expect(rows.map((row) => row.parameter).sort()).toEqual(['d', 'p', 'q']);
    for (let i = 1; i < rows.length; i++) expect(rows[i]!.swing).toBeLessThanOrEqual(rows[i - 1]!.swing);
    const d = rows.find((row) => row.parameter === 'd')!;
    expect(d.atHigh).toBeLessThan(d.atLow); // more detection, fewer hidden dangerous agents
  });
});
