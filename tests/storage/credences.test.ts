import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Store } from '../../src/storage/store.ts';

let dir: string;
let store: Store;
const AT = '2026-11-23T12:00:00.000Z';

function claimIn(workspace: string, text: string): number {
  const debate =
    store.debates.bySlug(workspace, 'd') ??
    store.debates.create({ workspace, slug: 'd', title: 'D', createdBy: 'a', createdByName: 'a', at: AT });
  return store.claims.insert({ workspace, debateId: debate.id, text, authorId: 'a', authorName: 'a', tags: [], at: AT }).id;
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'cruxbot-credences-'));
  store = Store.open(join(dir, 'db.sqlite'));
});
afterEach(() => {
  store.close();
  rmSync(dir, { recursive: true, force: true });
});

const add = (workspace: string, claimId: number, userId: string, value: number, given?: { claimId: number; isTrue: boolean }) =>
  store.credences.insert({ workspace, claimId, userId, userName: userId, value, ...(given ? { given } : {}), at: AT });

describe('the credence history', () => {
  it('keeps every row; the latest per person, claim and condition counts, also as of an earlier row', () => {
    const a = claimIn('local', 'A');
    const b = claimIn('local', 'B');
    const first = add('local', a, 'ada', 0.6);
    add('local', a, 'ada', 0.7);
    add('local', a, 'ada', 0.9, { claimId: b, isTrue: true });
    add('local', a, 'ben', 0.2);
    expect(store.db.prepare('SELECT count(*) FROM credences').pluck().get()).toBe(4);
    expect(store.credences.latestUnconditional('local', a).map((c) => [c.userId, c.value])).toEqual([
      ['ada', 0.7],
      ['ben', 0.2],
    ]);
    expect(store.credences.latestUnconditional('local', a, first.id).map((c) => c.value)).toEqual([0.6]);
    expect(store.credences.latestOf('local', 'ada', a, { claimId: b, isTrue: true })?.value).toBe(0.9);
    expect(store.credences.latestOf('local', 'ada', a, { claimId: b, isTrue: false })).toBeUndefined();
    expect(store.credences.conditionalsAround('local', 'ada', b).map((c) => [c.claimId, c.value])).toEqual([[a, 0.9]]);
    expect(store.credences.latestForClaim('local', a)).toHaveLength(3);
  });

  it('refuses values outside [0, 1] and a condition on the claim itself, at the database too', () => {
    const a = claimIn('local', 'A');
    expect(() => add('local', a, 'ada', 1.5)).toThrow(/CHECK constraint failed/);
    expect(() => add('local', a, 'ada', 0.5, { claimId: a, isTrue: true })).toThrow(/CHECK constraint failed/);
  });

  it('reads within one workspace only', () => {
    const mine = claimIn('local', 'A');
    add('local', mine, 'ada', 0.6);
    expect(store.credences.latestUnconditional('slack:T1', mine)).toEqual([]);
    expect(store.credences.byUser('slack:T1', 'ada', { limit: 10, offset: 0 }).total).toBe(0);
  });
});

describe('polls', () => {
  it('allows one open poll per claim, and finds due polls in every workspace', () => {
    const a = claimIn('local', 'A');
    const b = claimIn('discord:1', 'B');
    const poll = (workspace: string, claimId: number, closesAt: string) =>
      store.polls.insert({
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
    poll('local', a, '2026-11-24T00:00:00.000Z');
    expect(() => poll('local', a, '2026-11-25T00:00:00.000Z')).toThrow(/UNIQUE constraint failed/);
    poll('discord:1', b, '2026-11-23T18:00:00.000Z');
    expect(store.polls.due('2026-11-23T20:00:00.000Z').map((p) => p.workspace)).toEqual(['discord:1']);
    expect(store.polls.due('2026-11-24T00:00:00.000Z').map((p) => p.workspace)).toEqual(['discord:1', 'local']);
    expect(store.polls.byId('local', 2)).toBeUndefined();
  });
});
