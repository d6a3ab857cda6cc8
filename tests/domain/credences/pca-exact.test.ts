import { describe, expect, it } from 'vitest';
import { findOpinionGroups, smoothGroupCount } from '../../../src/domain/credences/opinion-groups.ts';
import { principalComponents, projectPeople, type VoteMatrix } from '../../../src/domain/credences/pca.ts';
import { matrixAt, parsePolisExport } from '../../../src/domain/credences/polis-export.ts';
import { symmetricEigen } from '../../../src/domain/credences/symmetric-eigen.ts';

const matrix = (rows: (number | null)[][], extra: Partial<VoteMatrix> = {}): VoteMatrix => ({
  rows: rows.length,
  cols: rows[0]!.length,
  values: Float64Array.from(rows.flat().map((v) => (v === null ? NaN : v))),
  ...extra,
});

describe('exact PCA from the Gram matrix', () => {
  it('GIVEN a symmetric matrix with known eigenpairs THEN it returns them, largest first', () => {
    // A = Q diag(5, 2, −1) Qᵀ with Q a rotation by 30° in the (x, y) plane.
    const c = Math.cos(Math.PI / 6);
    const s = Math.sin(Math.PI / 6);
    const q = [
      [c, -s, 0],
      [s, c, 0],
      [0, 0, 1],
    ];
    const l = [5, 2, -1];
    const a = new Float64Array(9);
    for (let i = 0; i < 3; i++) for (let j = 0; j < 3; j++) for (let k = 0; k < 3; k++) a[i * 3 + j]! += q[i]![k]! * l[k]! * q[j]![k]!;
    const { values, vectors } = symmetricEigen(a, 3);
    expect([...values].map((v) => Number(v.toFixed(12)))).toEqual([5, 2, -1]);
    const first = vectors[0]!;
    const sign = Math.sign(first[0]!);
    expect([...first].map((x) => x * sign)).toEqual([expect.closeTo(c, 12), expect.closeTo(s, 12), expect.closeTo(0, 12)]);
  });

  it('GIVEN votes built from two known directions THEN the components are those directions, with more people or more statements', () => {
    // Statements load on u = (1, 1, 1, 1)/2 and v = (1, −1, 1, −1)/2; people's scores differ in spread.
    const u = [0.5, 0.5, 0.5, 0.5];
    const v = [0.5, -0.5, 0.5, -0.5];
    const scores = [
      [3, 1],
      [-3, 1],
      [3, -1],
      [-3, -1],
    ];
    const rows = scores.map(([a, b]) => u.map((x, j) => a! * x + b! * v[j]!));
    for (const m of [matrix(rows), matrix(rows.map((r) => [...r, ...r.map(() => 0)]).slice(0, 3))]) {
      const pca = principalComponents(m);
      const pc = pca.components[0]!;
      // The direction of most variance: u when all four people are there.
      if (m.rows === 4) expect([...pc]).toEqual(u.map((x) => expect.closeTo(x, 10)));
      // Whatever the shape, each component is a unit eigenvector of the centred XᵀX.
      const centred = Array.from({ length: m.rows }, (_, i) =>
        Array.from({ length: m.cols }, (_, j) => m.values[i * m.cols + j]! - pca.center[j]!),
      );
      for (const component of pca.components) {
        const xv = centred.map((r) => r.reduce((s, x, j) => s + x * component[j]!, 0));
        const xtxv = Array.from({ length: m.cols }, (_, j) => centred.reduce((s, r, i) => s + r[j]! * xv[i]!, 0));
        const lambda = xtxv.reduce((s, x, j) => s + x * component[j]!, 0);
        xtxv.forEach((x, j) => expect(x).toBeCloseTo(lambda * component[j]!, 9));
        expect(component.reduce((s, x) => s + x * x, 0)).toBeCloseTo(1, 12);
      }
    }
  });

  it('counts a hidden statement people voted on as a cast vote in the projection, as Polis’s zero columns do', () => {
    const rows = [
      [1, null],
      [1, 1],
      [-1, -1],
      [-1, -1],
    ];
    const plain = matrix(rows);
    const withHidden = matrix(rows, { hiddenVoted: 2 });
    const pca = principalComponents(plain);
    // Person 0 cast 1 of 2 shown votes: scaled by √(2/1) without hidden columns, √(4/3) with two.
    expect(projectPeople(withHidden, pca)[0]![0]! / projectPeople(plain, pca)[0]![0]!).toBeCloseTo(Math.sqrt(4 / 3) / Math.SQRT2, 12);
  });
});

describe('who is grouped, and how many groups, as Polis decides', () => {
  const camps = (people: number, statements: number) =>
    Array.from({ length: people }, (_, i) => Array.from({ length: statements }, (_, j) => (i < people / 2 === (j % 2 === 0) ? 1 : -1)));

  it('lets in people with 7 votes counting votes on hidden comments, and keeps whoever was already in', () => {
    const rows: (number | null)[][] = camps(20, 10);
    rows.push([1, 1, 1, null, null, null, null, null, null, null]); // 3 shown votes
    const counts = new Int32Array(21).fill(10);
    counts[20] = 3;
    expect(findOpinionGroups(matrix(rows, { votesCast: counts })).kind === 'groups').toBe(true);
    const left = findOpinionGroups(matrix(rows, { votesCast: counts }));
    expect(left.kind === 'groups' && left.groupOf[20]).toBe(-1);
    // Four more votes on comments a moderator later hid make seven.
    counts[20] = 7;
    const counted = findOpinionGroups(matrix(rows, { votesCast: counts, hiddenVoted: 4 }));
    expect(counted.kind === 'groups' && counted.groupOf[20]).toBeGreaterThanOrEqual(0);
    counts[20] = 3;
    const kept = findOpinionGroups(matrix(rows, { votesCast: counts }), { alreadyIn: [20] });
    expect(kept.kind === 'groups' && kept.groupOf[20]).toBeGreaterThanOrEqual(0);
  });

  it('numbers groups in Polis’s order: group 0 holds the first person', () => {
    const a = [1, -1, 1, -1, 1, -1, 1, -1];
    const b = a.map((x) => -x);
    // The first person is in the smaller camp: 8 people against 12.
    const rows = [a, a, ...Array.from({ length: 12 }, () => b), ...Array.from({ length: 6 }, () => a)];
    const result = findOpinionGroups(matrix(rows));
    expect(result.kind === 'groups' && result.groupOf[0]).toBe(0);
    expect(result.kind === 'groups' && result.groups[0]!.members.length).toBeLessThan(
      result.kind === 'groups' ? result.groups[1]!.members.length : 0,
    );
  });

  it('changes the number of groups only after a new best k has held for 4 updates', () => {
    let state = smoothGroupCount(2);
    expect(state).toEqual({ lastK: 2, lastKCount: 1, smoothedK: 2 });
    for (const expected of [2, 2, 2, 3]) {
      state = smoothGroupCount(3, state);
      expect(state.smoothedK).toBe(expected);
    }
    expect(smoothGroupCount(4, state)).toEqual({ lastK: 4, lastKCount: 1, smoothedK: 3 });
  });

  it('replays an export’s vote log: the matrix at a time holds the votes cast by then, and hidden comments voted on', () => {
    const votes = ['timestamp,datetime,comment-id,voter-id,vote', '10,,0,1,1', '20,,1,1,-1', '30,,0,1,-1', '40,,2,2,1'].join('\n');
    const comments = [
      'timestamp,datetime,comment-id,author-id,agrees,disagrees,moderated,comment-body',
      '1,,0,9,0,0,1,First',
      '2,,1,9,0,0,1,Second',
      '3,,2,9,0,0,-1,Hidden',
    ].join('\n');
    const conversation = parsePolisExport(votes, comments);
    const early = matrixAt(conversation, 25);
    expect([...early.values].map((v) => (Number.isNaN(v) ? null : v))).toEqual([1, -1, null, null]);
    expect(early.hiddenVoted).toBe(0);
    const late = matrixAt(conversation, 40);
    expect([...late.values].map((v) => (Number.isNaN(v) ? null : v))).toEqual([-1, -1, null, null]);
    expect([late.hiddenVoted, ...late.votesCast!]).toEqual([1, 2, 1]);
    expect(conversation.matrix.hiddenVoted).toBe(1);
  });
});
