import type { Claim } from '../domain/claims.ts';
import type { VoteMatrix } from '../domain/credences/pca.ts';
import type { LatestCredence } from '../domain/credences/credence.ts';
import type { Reader } from '../storage/ports.ts';

export interface DebateMatrix {
  readonly matrix: VoteMatrix;
  readonly people: readonly { readonly id: string; readonly name: string }[];
  readonly claims: readonly Claim[];
}

/**
 * People × claims from everyone's latest plain credence, mapped to [−1, 1] by 2p − 1 (50 % is a pass).
 * With `debateId` (the claims are all of that debate's), one query reads them all; else one per claim.
 */
export async function debateMatrix(
  store: Pick<Reader, 'credences'>,
  workspace: string,
  claims: readonly Claim[],
  debateId?: number,
): Promise<DebateMatrix> {
  const column = new Map(claims.map((c, j) => [c.id, j]));
  if (debateId !== undefined) return await compactMatrix(store, workspace, claims, column, debateId);
  const rows = new Map<string, { name: string; values: Map<number, number> }>();
  const add = (c: LatestCredence) => {
    const j = column.get(c.claimId);
    if (j === undefined) return;
    let row = rows.get(c.userId);
    if (!row) rows.set(c.userId, (row = { name: c.userName, values: new Map() }));
    row.values.set(j, 2 * c.value - 1);
  };
  for (const claim of claims) (await store.credences.latestUnconditional(workspace, claim.id)).forEach(add);
  const people = [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  const values = new Float64Array(people.length * claims.length).fill(NaN);
  people.forEach(([, row], i) => row.values.forEach((v, j) => (values[i * claims.length + j] = v)));
  return {
    matrix: { rows: people.length, cols: claims.length, values },
    people: people.map(([id, row]) => ({ id, name: row.name })),
    claims,
  };
}

/**
 * The debate's matrix from its rows as they are read: each row goes into three growing typed arrays
 * (person, column, value), never an object, and the matrix is filled once the people are known.
 */
async function compactMatrix(
  store: Pick<Reader, 'credences'>,
  workspace: string,
  claims: readonly Claim[],
  column: ReadonlyMap<number, number>,
  debateId: number,
): Promise<DebateMatrix> {
  const people = new Map<string, { index: number; first: number; name: string }>();
  let size = 0;
  let who = new Int32Array(1024);
  let col = new Int32Array(1024);
  let val = new Float64Array(1024);
  await store.credences.eachLatestPlainInDebate(workspace, debateId, (id, userId, userName, claimId, value) => {
    const j = column.get(claimId);
    if (j === undefined) return;
    let person = people.get(userId);
    if (!person) people.set(userId, (person = { index: people.size, first: id, name: userName }));
    // The name on the person's oldest row read, whatever order the rows come in.
    else if (id < person.first) Object.assign(person, { first: id, name: userName });
    if (size === who.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T, b: T): T => (b.set(a), b);
      who = grow(who, new Int32Array(size * 2));
      col = grow(col, new Int32Array(size * 2));
      val = grow(val, new Float64Array(size * 2));
    }
    who[size] = person.index;
    col[size] = j;
    val[size++] = 2 * value - 1;
  });
  const sorted = [...people.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  const rowOf = new Int32Array(people.size);
  sorted.forEach(([, p], i) => (rowOf[p.index] = i));
  const values = new Float64Array(sorted.length * claims.length).fill(NaN);
  for (let r = 0; r < size; r++) values[rowOf[who[r]!]! * claims.length + col[r]!] = val[r]!;
  return {
    matrix: { rows: sorted.length, cols: claims.length, values },
    people: sorted.map(([id, p]) => ({ id, name: p.name })),
    claims,
  };
}
