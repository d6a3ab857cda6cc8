import { describe, expect, it } from 'vitest';
import { brierScore, scorePeople } from '../../../src/domain/credences/brier.ts';

describe('Brier scores', () => {
  it('GIVEN 70% THEN the score is 0.09 if true and 0.49 if false', () => {
    expect(brierScore(0.7, true)).toBeCloseTo(0.09, 12);
    expect(brierScore(0.7, false)).toBeCloseTo(0.49, 12);
    expect(brierScore(0.5, true)).toBe(0.25);
  });

  it('GIVEN ada 90%, ben 60%, cy 20% on a claim that came true THEN relative to the team median (60%, Brier .16) they score −.15, 0, +.48', () => {
    const [ada, ben, cy] = scorePeople([
      {
        claimId: 1,
        outcome: true,
        credences: new Map([
          ['ada', 0.9],
          ['ben', 0.6],
          ['cy', 0.2],
        ]),
      },
    ]);
    expect(ada).toMatchObject({ userId: 'ada' });
    expect(ada!.brier).toBeCloseTo(0.01, 12);
    expect(ada!.relative).toBeCloseTo(-0.15, 12);
    expect(ben!.relative).toBeCloseTo(0, 12);
    expect(cy!.brier).toBeCloseTo(0.64, 12);
    expect(cy!.relative).toBeCloseTo(0.48, 12);
  });

  it('averages over the claims each person rated', () => {
    const scores = scorePeople([
      { claimId: 1, outcome: true, credences: new Map([['ada', 0.8]]) },
      {
        claimId: 2,
        outcome: false,
        credences: new Map([
          ['ada', 0.4],
          ['ben', 0.1],
        ]),
      },
    ]);
    const ada = scores.find((s) => s.userId === 'ada')!;
    expect(ada.claims).toHaveLength(2);
    expect(ada.brier).toBeCloseTo((0.04 + 0.16) / 2, 12);
    // Claim 1: alone, so 0 relative; claim 2: team median 25% → .0625; .16 − .0625 = .0975.
    expect(ada.relative).toBeCloseTo((0 + 0.0975) / 2, 12);
    expect(scores[0]!.userId).toBe('ben');
  });
});
