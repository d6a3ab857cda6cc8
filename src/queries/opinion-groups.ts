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
  const rows = new Map<string, { name: string; values: Map<number, number> }>();
  const add = (c: LatestCredence) => {
    const j = column.get(c.claimId);
    if (j === undefined) return;
    let row = rows.get(c.userId);
    if (!row) rows.set(c.userId, (row = { name: c.userName, values: new Map() }));
    row.values.set(j, 2 * c.value - 1);
  };
  if (debateId !== undefined) (await store.credences.latestUnconditionalInDebate(workspace, debateId)).forEach(add);
  else for (const claim of claims) (await store.credences.latestUnconditional(workspace, claim.id)).forEach(add);
  const people = [...rows.entries()].sort(([a], [b]) => (a < b ? -1 : 1));
  const values = new Float64Array(people.length * claims.length).fill(NaN);
  people.forEach(([, row], i) => row.values.forEach((v, j) => (values[i * claims.length + j] = v)));
  return {
    matrix: { rows: people.length, cols: claims.length, values },
    people: people.map(([id, row]) => ({ id, name: row.name })),
    claims,
  };
}
