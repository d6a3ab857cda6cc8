import { describe, expect, it } from 'vitest';
import { CredenceIndex, type CredenceEntry } from '../../../src/domain/credences/credence-index.ts';
import { rankCruxes } from '../../../src/domain/credences/cruxes.ts';
import { findDoubleCruxes } from '../../../src/domain/credences/double-crux.ts';

const A = 1;
const B = 2;
const C = 3;
const D = 4;
const p = (userId: string, claimId: number, value: number): CredenceEntry => ({ userId, claimId, value });
const given = (userId: string, value: number, condition: number, isTrue: boolean): CredenceEntry => ({
  userId,
  claimId: A,
  value,
  given: { claimId: condition, isTrue },
});

describe('rankCruxes', () => {
  const index = new CredenceIndex([
    p('u1', A, 0.8),
    p('u2', A, 0.6),
    p('u3', A, 0.4),
    // B: conditionals from all three; u3 never rated B itself.
    p('u1', B, 0.5),
    p('u2', B, 0.2),
    given('u1', 0.9, B, true),
    given('u1', 0.3, B, false),
    given('u2', 0.8, B, true),
    given('u2', 0.3, B, false),
    given('u3', 0.7, B, true),
    given('u3', 0.5, B, false),
    // C: no conditionals, but the three who rated A rated C in the same order.
    p('u1', C, 0.9),
    p('u2', C, 0.7),
    p('u3', C, 0.3),
    // D: one person; not enough for anything.
    p('u1', D, 0.5),
  ]);

  it('GIVEN conditionals on B THEN B ranks first by the mean crux strength, using the team’s P(B) for whoever gave none', () => {
    const ranking = rankCruxes(index, A, [B, C, D]);
    expect(ranking.ratersOfTarget).toBe(3);
    const [first] = ranking.rows;
    expect(first).toMatchObject({ claimId: B, method: 'conditional', people: 3, usingTeamB: 1 });
    // u1: 2·.5·.5·.6 = .3; u2: 2·.2·.8·.5 = .16; u3 with the team's P(B) = geo-mean odds of 50% and 20% = 1/3:
    // 2·(1/3)·(2/3)·.2 = .0889. Mean .18296.
    expect(first!.meanStrength).toBeCloseTo(0.182963, 5);
  });

  it('GIVEN only plain credences on C THEN C is ranked by the proxy: |correlation of log-odds| × the team’s spread on C', () => {
    const row = rankCruxes(index, A, [B, C, D]).rows[1]!;
    expect(row).toMatchObject({ claimId: C, method: 'proxy', people: 3 });
    expect(row.correlation).toBeCloseTo(0.992813, 5);
    expect(row.spread!.sdLogOdds).toBeCloseTo(1.245573, 5);
    expect(row.score).toBeCloseTo(1.236622, 5);
  });

  it('leaves out what too few people rated, and never ranks A against itself', () => {
    const ranking = rankCruxes(index, A, [A, B, C, D]);
    expect(ranking.rows.map((r) => r.claimId)).toEqual([B, C]);
    expect(ranking.unranked).toEqual([D]);
  });

  it('finds claims that only appear as conditions on A', () => {
    const ranking = rankCruxes(index, A, []);
    expect(ranking.rows.map((r) => r.claimId)).toEqual([B]);
  });
});

describe('findDoubleCruxes', () => {
  // Ada is sure of A (80%), Ben is not (30%). Both think B raises A; Ada believes B (90%), Ben does not (20%).
  const base = [
    p('ada', A, 0.8),
    p('ben', A, 0.3),
    p('ada', B, 0.9),
    p('ben', B, 0.2),
    given('ada', 0.85, B, true),
    given('ada', 0.35, B, false),
    given('ben', 0.8, B, true),
    given('ben', 0.2, B, false),
  ];

  it('GIVEN they disagree on B in the direction that explains A THEN B is their double crux, with the gaps if B resolves', () => {
    const outcome = findDoubleCruxes(new CredenceIndex(base), A, 'ada', 'ben', [B]);
    expect(outcome.kind).toBe('found');
    if (outcome.kind !== 'found') return;
    const [row] = outcome.rows;
    expect(row).toMatchObject({ claimId: B, method: 'conditional', first: 0.9, second: 0.2 });
    expect(row!.gapIfTrue).toBeCloseTo(0.05, 12);
    expect(row!.gapIfFalse).toBeCloseTo(0.15, 12);
    expect(row!.firstStrength).toBeCloseTo(2 * 0.9 * 0.1 * 0.5, 12);
    expect(row!.secondStrength).toBeCloseTo(2 * 0.2 * 0.8 * 0.6, 12);
  });

  it('GIVEN B would explain the disagreement the wrong way round THEN it is not a double crux', () => {
    const flipped = [...base.filter((e) => e.claimId !== B), p('ada', B, 0.2), p('ben', B, 0.9)];
    const outcome = findDoubleCruxes(new CredenceIndex(flipped), A, 'ada', 'ben', [B]);
    expect(outcome).toMatchObject({ kind: 'found', rows: [] });
  });

  it('GIVEN no conditionals THEN a supports link stands in for the direction, and the row says so', () => {
    const plain = [p('ada', A, 0.8), p('ben', A, 0.3), p('ada', C, 0.7), p('ben', C, 0.1)];
    const withLink = findDoubleCruxes(new CredenceIndex(plain), A, 'ada', 'ben', [C], new Map([[C, 1 as const]]));
    expect(withLink).toMatchObject({ kind: 'found', rows: [{ claimId: C, method: 'link' }] });
    const opposing = findDoubleCruxes(new CredenceIndex(plain), A, 'ada', 'ben', [C], new Map([[C, -1 as const]]));
    expect(opposing).toMatchObject({ kind: 'found', rows: [] });
  });

  it('says when one of them has not rated A, or when they do not disagree', () => {
    expect(findDoubleCruxes(new CredenceIndex([p('ada', A, 0.8)]), A, 'ada', 'ben', [])).toEqual({
      kind: 'missing-target',
      who: ['second'],
    });
    expect(findDoubleCruxes(new CredenceIndex([p('ada', A, 0.6), p('ben', A, 0.65)]), A, 'ada', 'ben', [])).toMatchObject({
      kind: 'agree',
    });
  });
});
