import { inspect } from '../support/db-state.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStore } from '../../src/storage/index.ts';
import type { Store } from '../../src/storage/ports.ts';

let dir: string;
let store: Store;
const AT = '2026-11-23T12:00:00.000Z';

async function claimIn(workspace: string, text: string): Promise<number> {
  const debate =
    (await store.debates.bySlug(workspace, 'd')) ??
    (await store.debates.create({ workspace, slug: 'd', title: 'D', createdBy: 'a', createdByName: 'a', at: AT }));
  return (await store.claims.insert({ workspace, debateId: debate.id, text, authorId: 'a', authorName: 'a', tags: [], at: AT })).id;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cruxbot-credences-'));
  store = openStore(join(dir, 'db.sqlite'));
});
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const add = async (workspace: string, claimId: number, userId: string, value: number, given?: { claimId: number; isTrue: boolean }) =>
  await store.credences.insert({ workspace, claimId, userId, userName: userId, value, ...(given ? { given } : {}), at: AT });

describe('the credence history', () => {
  it('keeps every row; the latest per person, claim and condition counts, also as of an earlier row', async () => {
    const a = await claimIn('local', 'A');
    const b = await claimIn('local', 'B');
    const first = await add('local', a, 'ada', 0.6);
    await add('local', a, 'ada', 0.7);
    await add('local', a, 'ada', 0.9, { claimId: b, isTrue: true });
    await add('local', a, 'ben', 0.2);
    expect(inspect(store).prepare('SELECT count(*) FROM credences').pluck().get()).toBe(4);
    expect((await store.credences.latestUnconditional('local', a)).map((c) => [c.userId, c.value])).toEqual([
      ['ada', 0.7],
      ['ben', 0.2],
    ]);
    expect((await store.credences.latestUnconditional('local', a, first.id)).map((c) => c.value)).toEqual([0.6]);
    expect((await store.credences.latestOf('local', 'ada', a, { claimId: b, isTrue: true }))?.value).toBe(0.9);
    expect(await store.credences.latestOf('local', 'ada', a, { claimId: b, isTrue: false })).toBeUndefined();
    expect((await store.credences.conditionalsAround('local', 'ada', b)).map((c) => [c.claimId, c.value])).toEqual([[a, 0.9]]);
    expect(await store.credences.latestForClaim('local', a)).toHaveLength(3);
  });

  it('refuses values outside [0, 1] and a condition on the claim itself, at the database too', async () => {
    const a = await claimIn('local', 'A');
    await expect(add('local', a, 'ada', 1.5)).rejects.toThrow(/CHECK constraint failed/);
    await expect(add('local', a, 'ada', 0.5, { claimId: a, isTrue: true })).rejects.toThrow(/CHECK constraint failed/);
  });

  it('reads within one workspace only', async () => {
    const mine = await claimIn('local', 'A');
    await add('local', mine, 'ada', 0.6);
    expect(await store.credences.latestUnconditional('slack:T1', mine)).toEqual([]);
    expect((await store.credences.byUser('slack:T1', 'ada', { limit: 10, offset: 0 })).total).toBe(0);
  });
});

describe('polls', () => {
  it('allows one open poll per claim, and finds due polls in every workspace', async () => {
    const a = await claimIn('local', 'A');
    const b = await claimIn('discord:1', 'B');
    const poll = async (workspace: string, claimId: number, closesAt: string) =>
      await store.polls.insert({
        workspace,
        claimId,
        channel: 'c',
        hide: 'visible',
        createdBy: 'a',
        createdByName: 'a',
        createdAt: AT,
        closesAt,
        baselineCredenceId: 0,
      });
    await poll('local', a, '2026-11-24T00:00:00.000Z');
    await expect(poll('local', a, '2026-11-25T00:00:00.000Z')).rejects.toThrow(/UNIQUE constraint failed/);
    await poll('discord:1', b, '2026-11-23T18:00:00.000Z');
    expect((await store.polls.due('2026-11-23T20:00:00.000Z')).map((p) => p.workspace)).toEqual(['discord:1']);
    expect((await store.polls.due('2026-11-24T00:00:00.000Z')).map((p) => p.workspace)).toEqual(['discord:1', 'local']);
    expect(await store.polls.byId('local', 2)).toBeUndefined();
  });
});
