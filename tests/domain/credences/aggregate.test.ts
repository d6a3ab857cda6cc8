import { describe, expect, it } from 'vitest';
import { aggregate, correlation, histogram, logOdds } from '../../../src/domain/credences/aggregate.ts';

describe('aggregate', () => {
  it('GIVEN 20%, 50%, 80% THEN the median and the geometric mean of odds are 50%, the IQR 35–65%', () => {
    const a = aggregate([0.2, 0.5, 0.8])!;
    expect(a.people).toBe(3);
    expect(a.median).toBeCloseTo(0.5, 12);
    expect(a.geoMeanOdds).toBeCloseTo(0.5, 12);
    expect(a.q1).toBeCloseTo(0.35, 12);
    expect(a.q3).toBeCloseTo(0.65, 12);
    // log-odds ±ln 4 and 0: population SD = ln 4 · √(2/3)
    expect(a.sdLogOdds).toBeCloseTo(Math.log(4) * Math.sqrt(2 / 3), 12);
    expect(a.histogram).toEqual([0, 1, 1, 0, 1]);
  });

  it('GIVEN 90%, 90%, 50% THEN the geometric mean of odds is ∛(9·9·1) odds = 81.2%, above the plain mean', () => {
    const a = aggregate([0.9, 0.9, 0.5])!;
    const odds = Math.cbrt(81);
    expect(a.geoMeanOdds).toBeCloseTo(odds / (1 + odds), 12);
    expect(a.geoMeanOdds).toBeCloseTo(0.8123, 4);
    expect(a.median).toBe(0.9);
  });

  it('clamps 0% and 100% to 0.1% and 99.9% inside the odds maths', () => {
    expect(logOdds(1)).toBeCloseTo(Math.log(999), 12);
    expect(logOdds(0)).toBeCloseTo(-Math.log(999), 12);
    expect(aggregate([1])!.geoMeanOdds).toBeCloseTo(0.999, 12);
    expect(aggregate([0, 1])!.geoMeanOdds).toBeCloseTo(0.5, 12);
    expect(aggregate([1, 1])!.median).toBe(1);
  });

  it('has nothing to say about nobody', () => {
    expect(aggregate([])).toBeUndefined();
  });

  it('puts 100% in the top bin of the histogram', () => {
    expect(histogram([0, 0.19, 0.2, 0.99, 1])).toEqual([2, 1, 0, 0, 2]);
  });

  it('correlates perfectly related values and refuses a constant side', () => {
    expect(correlation([1, 2, 3], [2, 4, 6])).toBeCloseTo(1, 12);
    expect(correlation([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 12);
    expect(correlation([1, 1, 1], [1, 2, 3])).toBeUndefined();
    expect(correlation([1], [1])).toBeUndefined();
  });
});
