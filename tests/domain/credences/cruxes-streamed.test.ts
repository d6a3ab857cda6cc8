import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Claim } from '../../../src/domain/claims.ts';
import { CredenceIndex } from '../../../src/domain/credences/credence-index.ts';
import { rankCruxes } from '../../../src/domain/credences/cruxes.ts';
import { loadCruxData } from '../../../src/queries/cruxes.ts';
import { debateMatrix } from '../../../src/queries/opinion-groups.ts';
import type { Store } from '../../../src/storage/ports.ts';
import { BACKENDS } from '../../storage/backends.ts';

/**
 * `/cruxes` reads the debate's credences one row at a time into its index instead of holding them all;
 * the ranking must be the one the old in-memory path (every latest row in an array, then the index) gave.
 */
const AT = '2026-12-01T10:00:00.000Z';

describe.each(BACKENDS)('cruxes from streamed credences, on $name', (backend) => {
  let store: Store;
  let dispose: () => Promise<void>;
  let claims: Claim[];
  beforeAll(async () => {
    ({ store, dispose } = await backend.open());
    claims = await store.transaction(async (tx) => {
      const debate = await tx.debates.create({ workspace: 'w', slug: 'd', title: 'D', createdBy: 'ada', createdByName: 'Ada', at: AT });
      const made: Claim[] = [];
      for (let i = 0; i < 60; i++)
        made.push(await tx.claims.insert({ workspace: 'w', debateId: debate.id, text: `Claim ${i + 1}`, authorId: 'ada', authorName: 'Ada', tags: [], at: AT }));
      let state = 11;
      const random = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
      // 12 people, each rating most claims (some twice: the later one counts), and conditionals on C1 given others.
      for (let round = 0; round < 2; round++) {
        for (let p = 0; p < 12; p++) {
          for (const claim of made) {
            if (random() < 0.2) continue;
            const userId = `u${p}`;
            const base = { workspace: 'w', claimId: claim.id, userId, userName: `Person ${p} r${round}`, at: AT };
            await tx.credences.insert({ ...base, value: Math.round(random() * 98 + 1) / 100 });
            if (claim.id !== made[0]!.id && random() < 0.3) {
              await tx.credences.insert({
                ...base,
                claimId: made[0]!.id,
                value: Math.round(random() * 98 + 1) / 100,
                given: { claimId: claim.id, isTrue: random() < 0.5 },
              });
            }
          }
        }
      }
      return made;
    });
  }, 120_000);
  afterAll(async () => await dispose());

  it('ranks the same cruxes, with the same names, as the whole array of rows did', async () => {
    for (const target of [claims[0]!, claims[7]!, claims[33]!]) {
      const data = await loadCruxData(store, 'w', target);
      const candidates = data.candidates.map((c) => c.id);
      const rows = await store.credences.latestInDebate('w', target.debateId);
      const before = rankCruxes(new CredenceIndex(rows), target.id, candidates);
      const after = rankCruxes(data.index, target.id, candidates);
      expect(after).toEqual(before);
      const names = new Map<string, string>();
      for (const c of [...rows].sort((a, b) => a.id - b.id)) names.set(c.userId, c.userName);
      expect([...data.names]).toEqual([...names]);
    }
    expect(rankCruxes((await loadCruxData(store, 'w', claims[0]!)).index, claims[0]!.id, claims.slice(1).map((c) => c.id)).rows.length).toBeGreaterThan(5);
  });

  it('gives /groups the same matrix from the compact read as from one query per claim', async () => {
    const debateId = claims[0]!.debateId;
    const compact = await debateMatrix(store, 'w', claims, debateId);
    const perClaim = await debateMatrix(store, 'w', claims);
    // Names as the one debate-wide query gave them: each person's oldest row that still counts.
    const names = new Map<string, string>();
    for (const c of await store.credences.latestUnconditionalInDebate('w', debateId)) if (!names.has(c.userId)) names.set(c.userId, c.userName);
    expect(compact.people).toEqual(perClaim.people.map((p) => ({ id: p.id, name: names.get(p.id) })));
    expect([compact.matrix.rows, compact.matrix.cols]).toEqual([12, 60]);
    expect(Array.from(compact.matrix.values)).toEqual(Array.from(perClaim.matrix.values));
    expect(Array.from(compact.matrix.values).filter((v) => !Number.isNaN(v)).length).toBeGreaterThan(400);
  });
});
