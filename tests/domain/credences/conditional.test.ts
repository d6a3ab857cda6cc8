import { describe, expect, it } from 'vitest';
import { coherenceGap, cruxStrength, direction, impliedCredence } from '../../../src/domain/credences/conditional.ts';

describe('crux strength', () => {
  it('GIVEN P(B)=50%, P(A|B)=90%, P(A|¬B)=30% THEN learning B moves A by 2·0.5·0.5·0.6 = 30 points on average', () => {
    const c = { b: 0.5, aGivenB: 0.9, aGivenNotB: 0.3 };
    expect(cruxStrength(c)).toBeCloseTo(0.3, 12);
    // The same number from its definition: the expected absolute shift from the implied P(A).
    const pA = impliedCredence(c);
    expect(c.b * Math.abs(c.aGivenB - pA) + (1 - c.b) * Math.abs(c.aGivenNotB - pA)).toBeCloseTo(0.3, 12);
  });

  it('is 0 when B is certain or does not matter, and at most 50 points', () => {
    expect(cruxStrength({ b: 1, aGivenB: 0.9, aGivenNotB: 0.1 })).toBe(0);
    expect(cruxStrength({ b: 0.4, aGivenB: 0.6, aGivenNotB: 0.6 })).toBe(0);
    expect(cruxStrength({ b: 0.5, aGivenB: 1, aGivenNotB: 0 })).toBe(0.5);
    expect(cruxStrength({ b: 0.2, aGivenB: 0.8, aGivenNotB: 0.3 })).toBeCloseTo(2 * 0.2 * 0.8 * 0.5, 12);
  });
});

describe('coherence', () => {
  it('GIVEN P(B)=25%, P(A|B)=80%, P(A|¬B)=40% THEN P(A) should be 50%; a stated 30% is 20 points short', () => {
    const c = { b: 0.25, aGivenB: 0.8, aGivenNotB: 0.4 };
    expect(impliedCredence(c)).toBeCloseTo(0.5, 12);
    expect(coherenceGap(c, 0.3)).toBeCloseTo(0.2, 12);
    expect(coherenceGap(c, 0.5)).toBeCloseTo(0, 12);
  });

  it('says which way B pushes A', () => {
    expect(direction({ aGivenB: 0.9, aGivenNotB: 0.2 })).toBe(1);
    expect(direction({ aGivenB: 0.1, aGivenNotB: 0.2 })).toBe(-1);
    expect(direction({ aGivenB: 0.5, aGivenNotB: 0.5 })).toBe(0);
  });
});
