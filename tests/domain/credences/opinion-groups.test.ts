import { describe, expect, it } from 'vitest';
import { adjustedRandIndex } from '../../../src/domain/credences/adjusted-rand.ts';
import { kmeans, silhouette } from '../../../src/domain/credences/kmeans.ts';
import { findOpinionGroups } from '../../../src/domain/credences/opinion-groups.ts';
import { principalComponents, projectPeople, type VoteMatrix } from '../../../src/domain/credences/pca.ts';
import { groupAwareConsensus, proportionZ, twoProportionZ } from '../../../src/domain/credences/statement-stats.ts';

const matrix = (rows: (number | null)[][]): VoteMatrix => ({
  rows: rows.length,
  cols: rows[0]!.length,
  values: Float64Array.from(rows.flat().map((v) => (v === null ? NaN : v))),
});

describe('PCA by power iteration', () => {
  it('GIVEN two camps voting together THEN the first component is (1, 1)/√2 and people sit at ±√2', () => {
    const m = matrix([
      [1, 1],
      [1, 1],
      [-1, -1],
      [-1, -1],
    ]);
    const pca = principalComponents(m);
    expect([...pca.center]).toEqual([0, 0]);
    expect(pca.components[0]![0]).toBeCloseTo(Math.SQRT1_2, 9);
    expect(pca.components[0]![1]).toBeCloseTo(Math.SQRT1_2, 9);
    const positions = projectPeople(m, pca);
    expect(positions[0]![0]).toBeCloseTo(Math.SQRT2, 9);
    expect(positions[2]![0]).toBeCloseTo(-Math.SQRT2, 9);
  });

  it('fills a missing vote with the statement’s mean and scales the person by √(statements / votes cast)', () => {
    const m = matrix([
      [1, null],
      [1, 1],
      [-1, -1],
      [-1, -1],
    ]);
    const pca = principalComponents(m);
    expect(pca.center[0]).toBe(0);
    expect(pca.center[1]).toBeCloseTo(-1 / 3, 12);
    const positions = projectPeople(m, pca);
    // Person 0 voted once: (1 − 0)·pc[0], scaled by √(2/1).
    expect(positions[0]![0]).toBeCloseTo(pca.components[0]![0]! * Math.SQRT2, 9);
  });
});

describe('k-means and silhouette', () => {
  const points = [
    [0, 0],
    [0, 1],
    [10, 10],
    [10, 11],
  ];

  it('GIVEN two tight pairs far apart THEN k=2 finds them, with centres at their middles', () => {
    const result = kmeans(points, 2, { seed: 7 });
    expect(result.assignment[0]).toBe(result.assignment[1]);
    expect(result.assignment[2]).toBe(result.assignment[3]);
    expect(result.assignment[0]).not.toBe(result.assignment[2]);
    const centers = result.centers.map((c) => [...c]).sort((a, b) => a[0]! - b[0]!);
    expect(centers).toEqual([
      [0, 0.5],
      [10, 10.5],
    ]);
    expect(result.inertia).toBeCloseTo(1, 12);
  });

  it('computes the mean silhouette by hand: (b − a)/max(a, b) averaged over points = 0.9293', () => {
    expect(silhouette(points, [0, 0, 1, 1])).toBeCloseTo(0.929289, 5);
    expect(silhouette(points, [0, 0, 0, 0])).toBe(0);
  });

  it('weights pull the centre: a point standing for three people counts three times', () => {
    const result = kmeans([[0], [4]], 1, { weights: [3, 1] });
    expect(result.centers[0]![0]).toBeCloseTo(1, 12);
  });

  it('starts from the first distinct points when asked (Polis’s base clusters), and never makes more clusters than points', () => {
    const result = kmeans(
      [
        [1, 1],
        [1, 1],
        [2, 2],
      ],
      100,
      { init: 'first-distinct' },
    );
    expect(result.centers).toHaveLength(2);
    expect([...result.assignment]).toEqual([0, 0, 1]);
  });
});

describe('adjusted Rand index', () => {
  it('is 1 for the same grouping under other names, 4/7 for a split group, −0.5 for a crossed one', () => {
    expect(adjustedRandIndex([0, 0, 1, 1], ['b', 'b', 'a', 'a'])).toBe(1);
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 0, 1, 2])).toBeCloseTo(4 / 7, 12);
    expect(adjustedRandIndex([0, 0, 1, 1], [0, 1, 0, 1])).toBeCloseTo(-0.5, 12);
  });
});

describe('Polis statistics', () => {
  it('computes the proportion tests and group-aware consensus by hand', () => {
    // prop-test: 2·√(n+1)·((s+1)/(n+1) − ½) with s = 9, n = 10
    expect(proportionZ(9, 10)).toBeCloseTo(2 * Math.sqrt(11) * (10 / 11 - 0.5), 12);
    // two-prop-test with +1 smoothing: p1 = 10/11, p2 = 2/11, pooled = 12/22
    const pooled = 12 / 22;
    expect(twoProportionZ(9, 1, 10, 10)).toBeCloseTo((10 / 11 - 2 / 11) / Math.sqrt(pooled * (1 - pooled) * (2 / 11)), 12);
    // (8+1)/(10+2) · (1+1)/(10+2)
    const counts = [
      { agree: 8, disagree: 2, seen: 10 },
      { agree: 1, disagree: 9, seen: 10 },
    ];
    expect(groupAwareConsensus(counts, 'agree')).toBeCloseTo((9 / 12) * (2 / 12), 12);
    expect(groupAwareConsensus(counts, 'disagree')).toBeCloseTo((3 / 12) * (10 / 12), 12);
  });
});

describe('findOpinionGroups', () => {
  // Eight people, seven statements: s0–s2 split the room one way, s3–s5 the other, everyone agrees on s6.
  const camp = (sign: 1 | -1, pass: number) => [sign, sign, sign, -sign, -sign, -sign, 1].map((v, j) => (j === pass ? 0 : v)) as number[];
  const votes = matrix([camp(1, 9), camp(1, 0), camp(1, 4), camp(1, 9), camp(-1, 9), camp(-1, 1), camp(-1, 3), camp(-1, 9)]);

  it('GIVEN two camps THEN it finds exactly them, with the shared statement as consensus and the split ones divisive', () => {
    const result = findOpinionGroups(votes);
    expect(result.kind).toBe('groups');
    if (result.kind !== 'groups') return;
    expect(result.groups).toHaveLength(2);
    expect(adjustedRandIndex([...result.groupOf], [0, 0, 0, 0, 1, 1, 1, 1])).toBe(1);
    expect(result.silhouette).toBeGreaterThan(0.5);
    expect(result.consensus.map((s) => [s.statement, s.side])).toEqual([[6, 'agree']]);
    expect(result.divisive.map((s) => s.statement).sort()).toEqual([0, 1, 2, 3, 4, 5]);
    const campOne = result.groups[result.groupOf[0]!]!;
    const top = campOne.representative[0]!;
    expect(top.significant).toBe(true);
    expect(top.statement).toBeLessThan(6);
    expect(top.side).toBe(top.statement < 3 ? 'agree' : 'disagree');
  });

  it('is deterministic: the same votes give the same groups', () => {
    const a = findOpinionGroups(votes);
    const b = findOpinionGroups(votes);
    expect(a.kind === 'groups' && b.kind === 'groups' && [...a.groupOf]).toEqual(b.kind === 'groups' && [...b.groupOf]);
  });

  it('leaves out people with too few votes, and says when too few people are left', () => {
    const sparse = matrix([
      [1, 1, null],
      [1, null, null],
      [-1, -1, -1],
    ]);
    expect(findOpinionGroups(sparse)).toMatchObject({ kind: 'too-few', people: 3, needPeople: 4 });
    const result = findOpinionGroups(
      matrix([...Array.from({ length: 16 }, (_, i) => camp(i % 2 ? 1 : -1, 9)), [1, null, null, null, null, null, null]]),
    );
    expect(result.kind === 'groups' && result.groupOf[16]).toBe(-1);
  });
});
