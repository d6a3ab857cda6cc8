import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.ts';
import { credenceLabel, formatPercent, formatPoints, parseCondition, parseCredence } from '../../../src/domain/credences/parse-credence.ts';

describe('parseCredence', () => {
  it('reads percentages, probabilities and odds as people type them', () => {
    const cases: [string, number][] = [
      ['70', 0.7],
      ['70%', 0.7],
      ['70 %', 0.7],
      ['0.7', 0.7],
      ['.7', 0.7],
      ['1.0', 1],
      ['0', 0],
      ['100', 1],
      ['1', 0.01],
      ['0.5%', 0.005],
      ['3:1', 0.75],
      ['1:3', 0.25],
      ['3 to 1', 0.75],
      ['1.5:1', 0.6],
      ['  85％ ', 0.85],
    ];
    for (const [input, expected] of cases) expect(parseCredence(input), input).toBeCloseTo(expected, 10);
  });

  it('refuses what is not a credence, naming the input', () => {
    const cases: [string, RegExp][] = [
      ['-5', /-5 is below 0%/],
      ['150%', /150% is above 100%/],
      ['101', /101 is above 100%/],
      ['abc', /"abc" is not a credence: write 70 or 70%/],
      ['NaN', /"nan" is not a credence/],
      ['Infinity', /"infinity" is not a credence/],
      ['1:0', /Odds of 1:0 are certainty, not odds/],
      ['0:1', /Odds of 0:1 are certainty/],
      ['', /"" is not a credence/],
      ['7 0', /"7 0" is not a credence/],
    ];
    for (const [input, message] of cases) {
      expect(() => parseCredence(input), input).toThrow(UserError);
      expect(() => parseCredence(input), input).toThrow(message);
    }
  });
});

describe('formatting', () => {
  it('shows whole percentages, with a decimal near the ends', () => {
    expect(formatPercent(0.7)).toBe('70%');
    expect(formatPercent(0.6666)).toBe('67%');
    expect(formatPercent(0.005)).toBe('0.5%');
    expect(formatPercent(0.999)).toBe('99.9%');
    expect(formatPercent(0)).toBe('0%');
    expect(formatPercent(1)).toBe('100%');
    expect(formatPoints(0.12)).toBe('+12 pts');
    expect(formatPoints(-0.05)).toBe('−5 pts');
  });
});

describe('parseCondition', () => {
  it('reads C5 as "given C5 is true" and !C5, ¬C5, ~C5, not C5 as "given C5 is false"', () => {
    expect(parseCondition('C5')).toEqual({ claimNumber: 5, isTrue: true });
    for (const negated of ['!C5', '¬C5', '~c5', 'not C5', '! C5'])
      expect(parseCondition(negated), negated).toEqual({ claimNumber: 5, isTrue: false });
    expect(credenceLabel(3, { claimNumber: 5, isTrue: false })).toBe('P(C3 | ¬C5)');
    expect(credenceLabel(3)).toBe('P(C3)');
  });

  it('refuses anything that is not a claim id', () => {
    expect(() => parseCondition('if it rains')).toThrow(/given: expects a claim like C5/);
    expect(() => parseCondition('!!C5')).toThrow(/given: expects a claim/);
  });
});
