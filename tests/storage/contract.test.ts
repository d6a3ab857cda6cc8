import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.ts';
import { latestSchemaVersion } from '../../src/storage/index.ts';
import type { Store } from '../../src/storage/ports.ts';
import type { Claim } from '../../src/domain/claims.ts';
import type { LatestCredence } from '../../src/domain/credences/credence.ts';
import { BACKENDS, POSTGRES, SQLITE } from './backends.ts';
import { POSTGRES_URL } from '../support/postgres.ts';

/**
 * The storage contract: what every backend of the ports must do, the same way. Runs against a real
 * SQLite file and a real PostgreSQL server (see the summary line for which one).
 */
const AT = '2026-11-23T12:00:00.000Z';

describe.each(BACKENDS)('the storage contract on $name', (backend) => {
  let store: Store;
  let dispose: () => Promise<void>;
  beforeEach(async () => {
    ({ store, dispose } = await backend.open());
  });
  afterEach(async () => await dispose());

  const debate = async (workspace = 'w', slug = 'd') =>
    (await store.debates.bySlug(workspace, slug)) ??
    (await store.debates.create({ workspace, slug, title: `Debate ${slug}`, createdBy: 'ada', createdByName: 'Ada', at: AT }));
  const claim = async (text: string, options: { workspace?: string; slug?: string; tags?: string[]; author?: string } = {}) => {
    const d = await debate(options.workspace, options.slug);
    return await store.claims.insert({
      workspace: options.workspace ?? 'w',
      debateId: d.id,
      text,
      authorId: options.author ?? 'ada',
      authorName: options.author ?? 'Ada',
      tags: options.tags ?? [],
      at: AT,
    });
  };

  it('is migrated to the latest schema', async () => {
    expect(await store.schemaVersion()).toBe(latestSchemaVersion());
    expect(store.backend).toBe(backend.name);
  });

  it('numbers claims per workspace, keeps tags in order, and finds them by number and id', async () => {
    const a = await claim('Reward is the optimisation target', { tags: ['rl', 'alignment'] });
    const b = await claim('Goals drift at random');
    const other = await claim('Elsewhere', { workspace: 'v' });
    expect([a.number, b.number, other.number]).toEqual([1, 2, 1]);
    expect(a.tags).toEqual(['alignment', 'rl']);
    expect((await store.claims.byNumber('w', 2))?.text).toBe('Goals drift at random');
    expect((await store.claims.byId('w', a.id))?.number).toBe(1);
    expect(await store.claims.byId('v', a.id)).toBeUndefined();
    await expect(store.claims.require('w', 9)).rejects.toThrow(/There is no claim C9 here/);
  });

  it('gives distinct, consecutive numbers to claims inserted at once', async () => {
    await debate();
    const claims = await Promise.all(Array.from({ length: 25 }, (_, i) => claim(`Claim ${i}`)));
    expect(claims.map((c) => c.number).sort((x, y) => x - y)).toEqual(Array.from({ length: 25 }, (_, i) => i + 1));
  });

  it('keeps a deleted debate’s numbers retired, and moves the counter past an imported number', async () => {
    await claim('One', { slug: 'gone' });
    await claim('Two', { slug: 'gone' });
    const gone = await debate('w', 'gone');
    const held = await store.transaction(async (tx) => await tx.debates.deleteWithContents('w', gone.id));
    expect(held.claims).toBe(2);
    expect((await claim('Three')).number).toBe(3);
    const d = await debate();
    await store.claims.insert({
      workspace: 'w',
      debateId: d.id,
      text: 'Imported',
      authorId: 'a',
      authorName: 'a',
      tags: [],
      at: AT,
      number: 40,
    });
    expect((await claim('Next')).number).toBe(41);
  });

  it('keeps the texts an edited claim had, oldest first, and only when the text changed', async () => {
    const a = await claim('First words');
    const other = await claim('Untouched');
    expect(await store.claims.earlierTexts('w', a.id)).toEqual([]);
    await store.claims.setText('w', a.id, 'Second words', '2026-11-24T00:00:00.000Z', 'ann');
    await store.claims.setText('w', a.id, 'Second words', '2026-11-24T01:00:00.000Z', 'ann');
    await store.transaction(async (tx) => await tx.claims.setText('w', a.id, 'Third words', '2026-11-25T00:00:00.000Z', 'ben'));
    expect(await store.claims.earlierTexts('w', a.id)).toEqual([
      { text: 'First words', replacedAt: '2026-11-24T00:00:00.000Z', replacedBy: 'ann' },
      { text: 'Second words', replacedAt: '2026-11-25T00:00:00.000Z', replacedBy: 'ben' },
    ]);
    expect((await store.claims.byId('w', a.id))!.text).toBe('Third words');
    expect(await store.claims.earlierTexts('w', other.id)).toEqual([]);
    expect(await store.claims.earlierTexts('other-workspace', a.id)).toEqual([]);
    // An edit rolled back keeps nothing.
    await expect(
      store.transaction(async (tx) => {
        await tx.claims.setText('w', a.id, 'Never', '2026-11-26T00:00:00.000Z', 'ann');
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(await store.claims.earlierTexts('w', a.id)).toHaveLength(2);
    // The map marks edited claims: one query per debate names them.
    expect(await store.claims.editedInDebate('w', a.debateId)).toEqual([a.id]);
    expect(await store.claims.editedInDebate('other-workspace', a.debateId)).toEqual([]);
  });

  it('edits text, tags and status, and lists with filters, totals and pages', async () => {
    const a = await claim('Alpha', { tags: ['x'] });
    await claim('Beta', { tags: ['x', 'y'], author: 'ben' });
    await claim('Gamma', { slug: 'other' });
    await store.claims.setText('w', a.id, 'Alpha, edited', '2026-11-24T00:00:00.000Z');
    await store.claims.setTags(a.id, ['z', 'x']);
    await store.claims.setStatus('w', a.id, 'resolved-true', '2026-11-24T00:00:00.000Z');
    const edited = (await store.claims.byId('w', a.id))!;
    expect([edited.text, edited.tags, edited.status, edited.updatedAt]).toEqual([
      'Alpha, edited',
      ['x', 'z'],
      'resolved-true',
      '2026-11-24T00:00:00.000Z',
    ]);
    const d = await debate();
    expect(await store.claims.countInDebate(d.id)).toBe(2);
    expect((await store.claims.inDebate(d.id)).map((c) => c.number)).toEqual([1, 2]);
    const tagged = await store.claims.list('w', { tag: 'x', limit: 1 });
    expect([tagged.total, tagged.claims.map((c) => c.number)]).toEqual([2, [1]]);
    expect((await store.claims.list('w', { tag: 'x', limit: 1, offset: 1 })).claims.map((c) => c.number)).toEqual([2]);
    expect((await store.claims.list('w', { authorId: 'ben', limit: 10 })).claims.map((c) => c.text)).toEqual(['Beta']);
    expect((await store.claims.list('w', { status: 'open', debateId: d.id, limit: 10 })).total).toBe(1);
    expect(await store.claims.tagCounts('w', '', 10)).toEqual([
      { tag: 'x', n: 2 },
      { tag: 'y', n: 1 },
      { tag: 'z', n: 1 },
    ]);
    expect(await store.claims.tagCounts('w', 'y', 10)).toEqual([{ tag: 'y', n: 1 }]);
    expect((await store.claims.recent('w', 2)).map((c) => c.number)).toEqual([3, 2]);
  });

  it('searches words with a prefix on the last one, numbers by prefix, within one workspace and debate', async () => {
    await claim('Reward seeking explains specification gaming');
    await claim('Goals drift randomly under training');
    await claim('Reward models overfit', { slug: 'other' });
    await claim('Reward elsewhere', { workspace: 'v' });
    const texts = async (q: string, debateId?: number) =>
      (await store.search.claims('w', q, { limit: 10, ...(debateId ? { debateId } : {}) })).map((c) => c.text).sort();
    expect(await texts('rewar')).toEqual(['Reward models overfit', 'Reward seeking explains specification gaming']);
    expect(await texts('reward spec')).toEqual(['Reward seeking explains specification gaming']);
    expect(await texts('rewar', (await debate()).id)).toEqual(['Reward seeking explains specification gaming']);
    expect(await texts('C2')).toEqual(['Goals drift randomly under training']);
    // Search syntax in what people type is only text: no error, no match-all.
    for (const hostile of ['"', '*', 'reward AND', "it's -drift", '(goals) OR', 'NEAR(a b)', ':*', '&|!'])
      await expect(store.search.claims('w', hostile, { limit: 5 })).resolves.toBeDefined();
    expect(await texts('nothing matches this')).toEqual([]);
  });

  it('searches one debate first and then the rest of the workspace, ranking a bounded set of the newest matches', async () => {
    const here = await debate('w', 'here');
    await claim('Reward hacking is rare in practice', { slug: 'elsewhere' });
    await claim('Reward hacking reward hacking, reward hacking everywhere', { slug: 'here' });
    await claim('Reward models are hackable in theory, and in the lab, and at scale, and in every benchmark we tried', { slug: 'here' });
    for (let i = 0; i < 40; i++) await claim(`Reward filler number ${i}`, { slug: 'here' });
    const texts = async (q: string, options: { firstIn?: number; debateId?: number; candidates?: number; limit: number }) =>
      (await store.search.claims('w', q, options)).map((c) => c.text);
    // The preferred debate's matches first, each claim once, then the other debate's.
    const hacking = await texts('reward hack', { firstIn: here.id, limit: 10, candidates: 50 });
    expect(hacking).toEqual([
      'Reward hacking reward hacking, reward hacking everywhere',
      'Reward models are hackable in theory, and in the lab, and at scale, and in every benchmark we tried',
      'Reward hacking is rare in practice',
    ]);
    // Bounded to the newest 25 candidates: the newest fillers, never the oldest one; at most `limit`, no repeats.
    const bounded = await texts('reward', { debateId: here.id, limit: 25, candidates: 25 });
    expect(bounded).toHaveLength(25);
    expect(new Set(bounded).size).toBe(25);
    expect(bounded).toContain('Reward filler number 39');
    expect(bounded).not.toContain('Reward filler number 0');
    // Numbers the same way: the preferred debate's first.
    const byNumber = await store.search.claims('w', 'C1', { firstIn: here.id, limit: 3, candidates: 50 });
    expect(byNumber.map((c) => c.debateId)).toEqual([here.id, here.id, here.id]);
    expect(await texts('nothing matches this', { firstIn: here.id, limit: 5, candidates: 50 })).toEqual([]);
  });

  it('rolls a failed transaction back whole, and a failed savepoint back to itself', async () => {
    await debate();
    await expect(
      store.transaction(async (tx) => {
        await claim('Kept only if all lands');
        expect(await tx.claims.countInDebate((await debate()).id)).toBe(1);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await store.claims.countInDebate((await debate()).id)).toBe(0);
    await store.transaction(async (tx) => {
      await claim('Outer');
      await expect(
        store.transaction(async () => {
          await claim('Inner');
          throw new Error('inner');
        }),
      ).rejects.toThrow('inner');
      // The outer transaction goes on after its savepoint failed.
      await claim('After');
    });
    expect((await store.claims.list('w', { limit: 10 })).claims.map((c) => c.text)).toEqual(['Outer', 'After']);
  });

  it('keeps the credence history; the latest per person, claim and condition counts', async () => {
    const a = (await claim('A')).id;
    const b = (await claim('B')).id;
    const add = (user: string, value: number, given?: { claimId: number; isTrue: boolean }, on = a) =>
      store.credences.insert({ workspace: 'w', claimId: on, userId: user, userName: user, value, ...(given ? { given } : {}), at: AT });
    const first = await add('ada', 0.6);
    await add('ada', 0.7);
    const conditional = await add('ada', 0.9, { claimId: b, isTrue: true });
    expect(conditional.given).toEqual({ claimId: b, isTrue: true, claimNumber: 2 });
    await add('ben', 0.2);
    await add('ben', 0.4, undefined, b);
    expect((await store.credences.latestUnconditional('w', a)).map((c) => [c.userId, c.value])).toEqual([
      ['ada', 0.7],
      ['ben', 0.2],
    ]);
    expect((await store.credences.latestUnconditional('w', a, first.id)).map((c) => c.value)).toEqual([0.6]);
    expect((await store.credences.latestOf('w', 'ada', a, { claimId: b, isTrue: true }))?.value).toBe(0.9);
    expect(await store.credences.latestOf('w', 'ada', a, { claimId: b, isTrue: false })).toBeUndefined();
    expect((await store.credences.latestOf('w', 'ada', a))?.value).toBe(0.7);
    expect((await store.credences.conditionalsAround('w', 'ada', b)).map((c) => [c.claimId, c.value])).toEqual([[a, 0.9]]);
    expect((await store.credences.conditionalsAround('w', 'ada', a)).map((c) => [c.claimId, c.given?.claimId, c.value])).toEqual([
      [a, b, 0.9],
    ]);
    expect(await store.credences.conditionalsAround('w', 'ben', a)).toEqual([]);
    expect(await store.credences.latestForClaim('w', a)).toHaveLength(3);
    const d = (await debate()).id;
    expect(await store.credences.latestInDebate('w', d)).toHaveLength(4);
    const visited: LatestCredence[] = [];
    await store.credences.eachLatestInDebate('w', d, (c) => visited.push(c));
    expect(visited.sort((x, y) => x.id - y.id)).toEqual(await store.credences.latestInDebate('w', d));
    const plain: unknown[] = [];
    await store.credences.eachLatestPlainInDebate('w', d, (id, userId, userName, claimId, value) =>
      plain.push({ id, userId, userName, claimId, value }),
    );
    expect(plain.sort((x, y) => (x as { id: number }).id - (y as { id: number }).id)).toEqual(
      (await store.credences.latestUnconditionalInDebate('w', d)).map(({ id, userId, userName, claimId, value }) => ({
        id,
        userId,
        userName,
        claimId,
        value,
      })),
    );
    expect(await store.credences.latestUnconditionalInDebate('w', d)).toHaveLength(3);
    const mine = await store.credences.byUser('w', 'ada', { limit: 10, offset: 0 });
    expect([mine.total, mine.credences.map((c) => [c.claimNumber, c.given?.claimNumber ?? null, c.value, c.claimText])]).toEqual([
      2,
      [
        [1, null, 0.7, 'A'],
        [1, 2, 0.9, 'A'],
      ],
    ]);
    expect(await store.credences.newestId()).toBeGreaterThan(first.id);
    expect(await store.credences.latestUnconditional('v', a)).toEqual([]);
  });

  it('refuses a credence outside [0, 1] and a condition on the claim itself, in the database too', async () => {
    const a = (await claim('A')).id;
    await expect(store.credences.insert({ workspace: 'w', claimId: a, userId: 'u', userName: 'u', value: 1.5, at: AT })).rejects.toThrow(
      /check constraint/i,
    );
    await expect(
      store.credences.insert({
        workspace: 'w',
        claimId: a,
        userId: 'u',
        userName: 'u',
        value: 0.5,
        given: { claimId: a, isTrue: true },
        at: AT,
      }),
    ).rejects.toThrow(/check constraint/i);
    expect(await store.credences.latestForClaim('w', a)).toEqual([]);
  });

  it('keeps debates per workspace: one slug each, counts, the channel’s debate, deleting with contents', async () => {
    const d = await debate();
    await expect(debateAgain()).rejects.toThrow(UserError);
    async function debateAgain() {
      return await store.debates.create({ workspace: 'w', slug: 'd', title: 'again', createdBy: 'x', createdByName: 'x', at: AT });
    }
    const a = await claim('A');
    const b = await claim('B');
    await store.links.add({ workspace: 'w', fromClaimId: b.id, toClaimId: a.id, kind: 'supports', authorId: 'ada', at: AT });
    await store.credences.insert({ workspace: 'w', claimId: a.id, userId: 'u', userName: 'u', value: 0.5, at: AT });
    await store.debates.setRoot('w', d.id, a.id);
    expect((await store.debates.byId('w', d.id))?.rootClaimId).toBe(a.id);
    await store.debates.setCurrent('w', 'general', d.id, AT);
    const other = await debate('w', 'e');
    await store.debates.setCurrent('w', 'general', other.id, AT);
    expect((await store.debates.currentFor('w', 'general'))?.slug).toBe('e');
    expect(await store.debates.currentFor('v', 'general')).toBeUndefined();
    const list = await store.debates.list('w');
    expect(list.map((x) => [x.slug, x.claimCount, x.linkCount]).sort()).toEqual([
      ['d', 2, 1],
      ['e', 0, 0],
    ]);
    expect(await store.debates.contents('w', d.id)).toMatchObject({ claims: 2, links: 1, credences: 1, polls: 0, channels: 0 });
    await store.claims.setTags(b.id, ['rl', 'alignment']);
    await store.claims.setTags(a.id, ['rl']);
    await store.claims.setStatus('w', a.id, 'resolved-true', AT);
    await store.links.add({ workspace: 'w', fromClaimId: a.id, toClaimId: b.id, kind: 'crux-of', authorId: 'ada', at: AT });
    expect(await store.debates.overview('w', d.id, 8)).toEqual({
      byStatus: [
        { status: 'resolved-true', n: 1 },
        { status: 'open', n: 1 },
      ],
      links: 2,
      cruxLinks: 1,
      topTags: [
        { tag: 'rl', n: 2 },
        { tag: 'alignment', n: 1 },
      ],
    });
    expect(await store.debates.overview('w', other.id, 8)).toEqual({ byStatus: [], links: 0, cruxLinks: 0, topTags: [] });
    await store.transaction(async (tx) => await tx.debates.deleteWithContents('w', d.id));
    expect(await store.debates.bySlug('w', 'd')).toBeUndefined();
    expect(await store.claims.byId('w', a.id)).toBeUndefined();
    await expect(store.debates.require('w', 'd')).rejects.toThrow(/There is no debate d here/);
  });

  it('links once per kind, in both directions of reading, and moves them', async () => {
    const a = await claim('A');
    const b = await claim('B');
    const c = await claim('C');
    const first = await store.links.add({ workspace: 'w', fromClaimId: b.id, toClaimId: a.id, kind: 'opposes', authorId: 'ada', at: AT });
    const again = await store.links.add({ workspace: 'w', fromClaimId: b.id, toClaimId: a.id, kind: 'opposes', authorId: 'ben', at: AT });
    expect([first.created, again.created, again.link.id, again.link.authorId]).toEqual([true, false, first.link.id, 'ada']);
    await store.links.add({ workspace: 'w', fromClaimId: b.id, toClaimId: a.id, kind: 'crux-of', authorId: 'ada', at: AT });
    await store.links.add({ workspace: 'w', fromClaimId: c.id, toClaimId: a.id, kind: 'refines', authorId: 'ada', at: AT });
    expect((await store.links.outgoing('w', b.id)).map((l) => l.kind)).toEqual(['crux-of', 'opposes']);
    expect((await store.links.incoming('w', a.id)).map((l) => [l.fromNumber, l.kind])).toEqual([
      [2, 'crux-of'],
      [2, 'opposes'],
      [3, 'refines'],
    ]);
    expect((await store.links.refines('w')).map((l) => l.fromNumber)).toEqual([3]);
    expect(await store.links.between('w', b.id, a.id)).toHaveLength(2);
    await store.links.repoint('w', first.link.id, c.id, b.id);
    expect((await store.links.between('w', c.id, b.id)).map((l) => l.kind)).toEqual(['opposes']);
    await store.links.remove('w', first.link.id);
    expect(await store.links.inDebate((await debate()).id)).toHaveLength(2);
    expect(await store.links.outgoing('v', b.id)).toEqual([]);
  });

  it('reads the neighbourhood of a claim: links either way within a depth, in its debate only, with the claims at their ends', async () => {
    // A chain C1 ← C2 ← C3 ← C4 ← C5, a cycle back C5 → C3, a branch C6 → C1, and a claim of another debate linked to C2.
    const chain = [];
    for (const text of ['One', 'Two', 'Three', 'Four', 'Five', 'Six']) chain.push(await claim(text));
    const [c1, c2, c3, c4, c5, c6] = chain as [Claim, Claim, Claim, Claim, Claim, Claim];
    const outside = await claim('Elsewhere', { slug: 'other' });
    const link = async (from: number, to: number, kind: 'supports' | 'opposes' = 'supports') =>
      await store.links.add({ workspace: 'w', fromClaimId: from, toClaimId: to, kind, authorId: 'ada', at: AT });
    await link(c2.id, c1.id);
    await link(c3.id, c2.id, 'opposes');
    await link(c4.id, c3.id);
    await link(c5.id, c4.id);
    await link(c5.id, c3.id, 'opposes');
    await link(c6.id, c1.id);
    await link(outside.id, c2.id);
    const d = await debate();
    const ends = (links: { fromNumber: number; toNumber: number }[]) => links.map((l) => `${l.fromNumber}>${l.toNumber}`);
    expect(ends(await store.links.around(d.id, c1.id, 0))).toEqual(['2>1', '6>1']);
    expect(ends(await store.links.around(d.id, c1.id, 1))).toEqual(['2>1', '3>2', '6>1']);
    expect(ends(await store.links.around(d.id, c4.id, 1))).toEqual(['3>2', '4>3', '5>4', '5>3']);
    expect(ends(await store.links.around(d.id, c1.id, 9))).toEqual(['2>1', '3>2', '4>3', '5>4', '5>3', '6>1']);
    const near = await store.neighbourhoodOf(d, c3.id, 1);
    expect(near.claims.map((c) => c.number)).toEqual([1, 2, 3, 4, 5]);
    expect(ends([...near.links])).toEqual(['2>1', '3>2', '4>3', '5>4', '5>3']);
    const lone = await store.neighbourhoodOf(await debate('w', 'other'), outside.id, 3);
    expect([lone.claims.map((c) => c.text), lone.links]).toEqual([['Elsewhere'], []]);
    expect((await store.claims.byIds('w', [c6.id, c1.id, outside.id])).map((c) => c.number)).toEqual([1, 6, 7]);
    expect(await store.claims.byIds('v', [c1.id])).toEqual([]);
    expect(await store.claims.byIds('w', [])).toEqual([]);
  });

  it('opens one poll per claim, closes it once, and finds the due ones', async () => {
    const a = await claim('A');
    const poll = await store.polls.insert({
      workspace: 'w',
      claimId: a.id,
      channel: 'general',
      hide: 'until-close',
      createdBy: 'ada',
      createdByName: 'Ada',
      createdAt: AT,
      closesAt: '2026-11-24T00:00:00.000Z',
      baselineCredenceId: 0,
    });
    expect([poll.claimNumber, poll.hide, poll.closesAt]).toEqual([1, 'until-close', '2026-11-24T00:00:00.000Z']);
    expect((await store.polls.openForClaim('w', a.id))?.id).toBe(poll.id);
    await store.polls.setMessage('w', poll.id, { platform: 'slack', channel: 'C1', id: '123.456' });
    expect((await store.polls.byId('w', poll.id))?.message).toEqual({ platform: 'slack', channel: 'C1', id: '123.456' });
    expect(await store.polls.due('2026-11-23T23:59:59.000Z')).toEqual([]);
    expect((await store.polls.due('2026-11-24T00:00:00.000Z')).map((p) => p.id)).toEqual([poll.id]);
    await store.credences.insert({ workspace: 'w', claimId: a.id, userId: 'u', userName: 'u', value: 0.3, at: AT });
    const [won, lost] = await Promise.all([store.polls.close('w', poll.id, AT, 'ada'), store.polls.close('w', poll.id, AT, 'ben')]);
    expect([won, lost].sort()).toEqual([false, true]);
    const closed = (await store.polls.byId('w', poll.id))!;
    expect([closed.closedAt, closed.closingCredenceId]).toEqual([AT, await store.credences.newestId()]);
    expect(await store.polls.open('w')).toEqual([]);
    expect((await store.polls.latestForClaim('w', a.id))?.id).toBe(poll.id);
    expect(await store.polls.byId('v', poll.id)).toBeUndefined();
  });

  it('keeps resolutions, settings, drift runs and thread captures', async () => {
    const a = await claim('A');
    const r = await store.resolutions.insert({
      workspace: 'w',
      claimId: a.id,
      outcome: 'true',
      resolvedBy: 'ada',
      resolvedByName: 'Ada',
      resolvedAt: AT,
    });
    expect((await store.resolutions.inWorkspace('w')).map((x) => x.id)).toEqual([r.id]);
    await store.resolutions.undo('w', r.id, 'ben', AT);
    expect(await store.resolutions.current('w', a.id)).toBeUndefined();

    await store.settings.put('w', 'moderators', { kind: 'names', names: ['ada'] }, { id: 'ada', name: 'Ada' }, AT);
    expect(await store.settings.moderators('w')).toEqual({ kind: 'names', names: ['ada'] });
    expect(await store.settings.moderators('v')).toBeUndefined();
    expect([await store.settings.remove('w', 'moderators'), await store.settings.remove('w', 'moderators')]).toEqual([true, false]);

    const runs = await Promise.all(
      [1, 2, 3].map((i) =>
        store.simRuns.insert({
          workspace: 'w',
          kind: 'run',
          input: { i },
          summary: { s: i },
          headline: `run ${i}`,
          claimId: a.id,
          createdBy: 'ada',
          at: AT,
        }),
      ),
    );
    expect(runs.map((x) => x.number).sort()).toEqual([1, 2, 3]);
    expect((await store.simRuns.forClaim('w', a.id)).map((x) => x.input)).toHaveLength(3);
    await expect(store.simRuns.require('w', 9)).rejects.toThrow(/no drift run R9/);

    const capture = await store.captures.insert(
      { workspace: 'w', channel: 'general', debateId: null, origin: 'thread', messageCount: 2, createdBy: 'ada', createdAt: AT },
      [
        { text: 'X is true', kind: 'claim', author: 'ada' },
        { text: 'Because Y', kind: 'premise', author: 'ben', permalink: 'https://chat.example/p/1' },
      ],
      [{ from: 1, to: 0, kind: 'supports' }],
    );
    expect((await store.captures.items(capture.id)).map((i) => [i.position, i.kind, i.status])).toEqual([
      [0, 'claim', 'pending'],
      [1, 'premise', 'pending'],
    ]);
    expect(await store.captures.links(capture.id)).toEqual([{ from: 1, to: 0, kind: 'supports' }]);
    const settled = await Promise.all([
      store.captures.settle(capture.id, 0, 'added', a.id),
      store.captures.settle(capture.id, 0, 'skipped', null),
    ]);
    expect(settled.filter(Boolean)).toHaveLength(1);
    await store.captures.setDebate('w', capture.id, (await debate()).id);
    expect((await store.captures.byId('w', capture.id))?.debateId).toBe((await debate()).id);
    expect(await store.captures.byId('v', capture.id)).toBeUndefined();
  });

  it('reads a debate’s whole history for an export: every credence row, poll, resolution and capture of its claims, oldest first, in its workspace only', async () => {
    const a = await claim('A');
    const b = await claim('B');
    const elsewhere = await claim('In another debate', { slug: 'other' });
    const foreign = await claim('In another workspace', { workspace: 'v' });
    const d = await debate();
    const rate = (claimId: number, userId: string, value: number, extra: object = {}, workspace = 'w') =>
      store.credences.insert({ workspace, claimId, userId, userName: userId.toUpperCase(), value, at: AT, ...extra });
    const first = await rate(a.id, 'ada', 0.6);
    await rate(elsewhere.id, 'ada', 0.1);
    await rate(foreign.id, 'ada', 0.2, {}, 'v');
    const poll = await store.polls.insert({
      workspace: 'w',
      claimId: b.id,
      channel: 'general',
      hide: 'visible',
      createdBy: 'ada',
      createdByName: 'Ada',
      createdAt: AT,
      baselineCredenceId: first.id,
    });
    await rate(b.id, 'ben', 0.8, { pollId: poll.id });
    await rate(a.id, 'ada', 0.7); // a changed mind: both rows stay
    await rate(a.id, 'ben', 0.3, { given: { claimId: b.id, isTrue: false } });
    await store.polls.insert({
      workspace: 'w',
      claimId: elsewhere.id,
      channel: 'general',
      hide: 'visible',
      createdBy: 'ada',
      createdByName: 'Ada',
      createdAt: AT,
      baselineCredenceId: 0,
    });

    const history = await store.credences.historyInDebate('w', d.id);
    expect(history.map((c) => [c.claimNumber, c.userId, c.userName, c.value, c.pollId, c.given])).toEqual([
      [a.number, 'ada', 'ADA', 0.6, undefined, undefined],
      [b.number, 'ben', 'BEN', 0.8, poll.id, undefined],
      [a.number, 'ada', 'ADA', 0.7, undefined, undefined],
      [a.number, 'ben', 'BEN', 0.3, undefined, { claimId: b.id, isTrue: false, claimNumber: b.number }],
    ]);
    expect(history.map((c) => c.id)).toEqual([...history.map((c) => c.id)].sort((x, y) => x - y));
    expect(await store.credences.historyInDebate('v', d.id)).toEqual([]);

    expect((await store.polls.inDebate('w', d.id)).map((p) => [p.id, p.claimNumber, p.baselineCredenceId])).toEqual([
      [poll.id, b.number, first.id],
    ]);
    expect(await store.polls.inDebate('v', d.id)).toEqual([]);

    const resolve = (claimId: number, outcome: 'true' | 'false') =>
      store.resolutions.insert({ workspace: 'w', claimId, outcome, resolvedBy: 'ada', resolvedByName: 'Ada', resolvedAt: AT });
    const undone = await resolve(a.id, 'false');
    await store.resolutions.undo('w', undone.id, 'ben', '2026-11-24T00:00:00.000Z');
    await resolve(a.id, 'true');
    await resolve(elsewhere.id, 'true');
    expect((await store.resolutions.historyInDebate('w', d.id)).map((r) => [r.outcome, r.undoneBy, r.undoneAt])).toEqual([
      ['false', 'ben', '2026-11-24T00:00:00.000Z'],
      ['true', undefined, undefined],
    ]);

    const capture = (debateId: number | null) =>
      store.captures.insert(
        { workspace: 'w', channel: 'general', debateId, origin: 'thread', messageCount: 1, createdBy: 'ada', createdAt: AT },
        [{ text: 'X', kind: 'claim', author: 'ada' }],
        [],
      );
    const filed = await capture(d.id);
    await capture(null);
    const later = await capture(null);
    await store.captures.setDebate('w', later.id, d.id);
    expect((await store.captures.inDebate('w', d.id)).map((c) => c.id)).toEqual([filed.id, later.id]);
    expect(await store.captures.inDebate('v', d.id)).toEqual([]);
  });

  it('keeps process state every instance shares: handled requests, leases, rate windows, the outbox', async () => {
    expect([await store.state.firstTime('slack-event:Ev1', 1_000, 0), await store.state.firstTime('slack-event:Ev1', 1_000, 500)]).toEqual([
      true,
      false,
    ]);
    expect(await store.state.firstTime('slack-event:Ev1', 1_000, 1_000)).toBe(true);

    expect(await store.state.lease('closer', 'a', 1_000, 0)).toBe(true);
    expect(await store.state.lease('closer', 'b', 1_000, 500)).toBe(false);
    expect(await store.state.lease('closer', 'a', 1_000, 900)).toBe(true);
    expect(await store.state.lease('closer', 'b', 1_000, 1_900)).toBe(true);

    const limits = [
      { key: 'u:w:ana:map', count: 2, windowMs: 60_000 },
      { key: 'w:w:map', count: 3, windowMs: 60_000 },
    ];
    const verdicts = await Promise.all([0, 1, 2].map((i) => store.state.hit(limits, 1_000 + i)));
    expect(verdicts.filter((v) => v.ok)).toHaveLength(2);
    expect(verdicts.find((v) => !v.ok)).toMatchObject({ ok: false, key: 'u:w:ana:map' });
    expect(await store.state.hit([{ key: 'u:w:ben:map', count: 2, windowMs: 60_000 }, limits[1]!], 2_000)).toEqual({ ok: true });
    expect(await store.state.hit([{ key: 'u:w:cat:map', count: 2, windowMs: 60_000 }, limits[1]!], 2_000)).toMatchObject({
      ok: false,
      key: 'w:w:map',
    });
    expect(await store.state.hit(limits, 62_000)).toEqual({ ok: true });

    await store.state.enqueue({ platform: 'slack', workspace: 'w', kind: 'refresh-poll', ref: '3' }, 0);
    await store.state.enqueue({ platform: 'slack', workspace: 'w', kind: 'refresh-poll', ref: '3' }, 1);
    await store.state.enqueue({ platform: 'discord', workspace: 'w', kind: 'refresh-poll', ref: '4' }, 2);
    const [first, second] = await Promise.all([
      store.state.claimOutbox(['slack'], 'a', 10, 10, 1_000),
      store.state.claimOutbox(['slack'], 'b', 10, 10, 1_000),
    ]);
    expect([...first!, ...second!].map((i) => [i.platform, i.ref])).toEqual([['slack', '3']]);
    expect(await store.state.claimOutbox(['slack'], 'b', 500, 10, 1_000)).toEqual([]);
    const again = await store.state.claimOutbox(['slack', 'discord'], 'b', 2_000, 10, 1_000);
    expect(again.map((i) => i.ref).sort()).toEqual(['3', '4']);
    for (const item of again) await store.state.doneOutbox(item.id);
    expect(await store.state.claimOutbox(['slack', 'discord'], 'c', 10_000, 10, 1_000)).toEqual([]);
  });

  it('keeps a claim’s resolve-by date with its zone, moves it, and keeps each person’s own settings apart', async () => {
    const c = await claim('The benchmark is saturated by 2027');
    const set = { workspace: 'w', claimId: c.id, resolveBy: '2027-01-31T05:00:00.000Z', zone: 'America/New_York', setBy: 'ada', setAt: AT };
    await store.forecasts.setResolveBy(set);
    expect(await store.forecasts.resolveBy('w', c.id)).toEqual({ ...set, remindAt: set.resolveBy });
    await store.forecasts.setResolveBy({ ...set, resolveBy: '2027-02-28T05:00:00.000Z' });
    expect((await store.forecasts.resolveBy('w', c.id))?.resolveBy).toBe('2027-02-28T05:00:00.000Z');
    expect(await store.forecasts.resolveBy('v', c.id)).toBeUndefined();

    expect(await store.forecasts.person('w', 'ada')).toBeUndefined();
    await store.forecasts.putPerson('w', 'ada', { timeZone: 'Europe/Paris' }, AT);
    await store.forecasts.putPerson('w', 'ada', { nudges: true }, AT);
    expect(await store.forecasts.person('w', 'ada')).toEqual({ timeZone: 'Europe/Paris', nudges: true, updatedAt: AT });
    await store.forecasts.putPerson('w', 'ada', { timeZone: null }, AT);
    expect(await store.forecasts.person('w', 'ada')).toEqual({ nudges: true, updatedAt: AT });
    expect(await store.forecasts.person('v', 'ada')).toBeUndefined();
  });

  it('hands each due reminder to one mover, queues one digest per person and due time, and leases it to one sender', async () => {
    const c = await claim('Due soon');
    await store.forecasts.setResolveBy({ workspace: 'w', claimId: c.id, resolveBy: AT, zone: 'UTC', setBy: 'ada', setAt: AT });
    expect(await store.forecasts.dueReminders('2026-11-23T11:00:00.000Z', 10)).toEqual([]);
    const [due] = await store.forecasts.dueReminders('2026-11-24T00:00:00.000Z', 10);
    expect(due).toMatchObject({ workspace: 'w', claimId: c.id, claimNumber: c.number, authorId: 'ada', status: 'open', remindAt: AT });
    const next = '2026-12-01T00:00:00.000Z';
    const moves = await Promise.all([1, 2].map(() => store.forecasts.moveReminder('w', c.id, AT, next)));
    expect(moves.sort()).toEqual([false, true]);
    expect(await store.forecasts.dueReminders('2026-11-24T00:00:00.000Z', 10)).toEqual([]);

    const digest = { workspace: 'w', userId: 'ada', dueAt: AT, claimIds: [c.id] };
    expect(await store.forecasts.queueDigest(digest, AT)).toBe(true);
    expect(await store.forecasts.queueDigest(digest, AT)).toBe(false);
    const [a, b] = await Promise.all([
      store.forecasts.claimDigests('a', 1000, 10, 60_000),
      store.forecasts.claimDigests('b', 1000, 10, 60_000),
    ]);
    expect([...a!, ...b!].map((d) => d.claimIds)).toEqual([[c.id]]);
    expect(await store.forecasts.claimDigests('b', 30_000, 10, 60_000)).toEqual([]);
    const [again] = await store.forecasts.claimDigests('b', 70_000, 10, 60_000);
    await store.forecasts.digestSent(again!.id, AT);
    expect(await store.forecasts.claimDigests('c', 200_000, 10, 60_000)).toEqual([]);
  });

  it('keeps share links by their token’s hash, per debate, revokes them once, and drops them with the debate', async () => {
    const d = await debate();
    const other = await debate('v', 'd');
    const first = await store.shareLinks.insert({
      workspace: 'w',
      debateId: d.id,
      tokenHash: 'hash-1',
      createdBy: 'ada',
      createdByName: 'Ada',
      createdAt: AT,
      expiresAt: '2026-11-30T12:00:00.000Z',
    });
    await store.shareLinks.insert({
      workspace: 'w',
      debateId: d.id,
      tokenHash: 'hash-2',
      createdBy: 'bo',
      createdByName: 'Bo',
      createdAt: AT,
    });
    await store.shareLinks.insert({
      workspace: 'v',
      debateId: other.id,
      tokenHash: 'hash-3',
      createdBy: 'cy',
      createdByName: 'Cy',
      createdAt: AT,
    });
    expect(first).toMatchObject({ workspace: 'w', debateId: d.id, createdByName: 'Ada', expiresAt: '2026-11-30T12:00:00.000Z' });
    expect(first.revokedAt).toBeUndefined();
    expect((await store.shareLinks.byTokenHash('hash-3'))?.workspace).toBe('v');
    expect(await store.shareLinks.byTokenHash('hash-9')).toBeUndefined();
    await expect(
      store.shareLinks.insert({ workspace: 'w', debateId: d.id, tokenHash: 'hash-1', createdBy: 'x', createdByName: 'X', createdAt: AT }),
    ).rejects.toThrow();
    expect((await store.shareLinks.forDebate('w', d.id)).map((l) => l.createdByName)).toEqual(['Ada', 'Bo']);
    expect(await store.shareLinks.forDebate('v', d.id)).toEqual([]);

    expect(await store.shareLinks.revokeForDebate('w', d.id, 'ada', '2026-11-24T00:00:00.000Z')).toBe(2);
    expect(await store.shareLinks.revokeForDebate('w', d.id, 'ada', '2026-11-25T00:00:00.000Z')).toBe(0);
    expect(await store.shareLinks.byTokenHash('hash-2')).toMatchObject({ revokedAt: '2026-11-24T00:00:00.000Z', revokedBy: 'ada' });
    expect((await store.shareLinks.byTokenHash('hash-3'))?.revokedAt).toBeUndefined();

    await store.debates.deleteWithContents('w', d.id);
    expect(await store.shareLinks.byTokenHash('hash-1')).toBeUndefined();
    expect(await store.shareLinks.byTokenHash('hash-3')).toBeDefined();
  });

  it('forgets the values of audit rows about given claims, their links and merges, and keeps the rows', async () => {
    const at = '2026-11-23T12:00:00.000Z';
    const entry = (workspace: string, entity: string, text: string) =>
      store.audit.record({ workspace, actorId: 'a', action: 'x', entity, before: { text }, after: { text }, at });
    await entry('w', 'C1', 'first claim');
    await entry('w', 'C12', 'twelfth claim');
    await entry('w', 'C12->C1', 'a link');
    await entry('w', 'C3->C2', 'another link');
    await entry('w', 'debate:d', 'the debate');
    await entry('other', 'C1', 'another workspace');
    expect(await store.audit.forgetClaims('w', [1, 2])).toBe(3);
    const kept = (await store.audit.recent('w', 10)).map((r) => [r.entity, (r.after as { text?: string } | undefined)?.text ?? null]);
    expect(kept).toEqual([
      ['debate:d', 'the debate'],
      ['C3->C2', null],
      ['C12->C1', null],
      ['C12', 'twelfth claim'],
      ['C1', null],
    ]);
    expect((await store.audit.recent('other', 10))[0]?.after).toEqual({ text: 'another workspace' });
    expect(await store.audit.forgetClaims('w', [1, 2])).toBe(0);
    expect(await store.audit.forgetClaims('w', [])).toBe(0);
  });

  const choicePoll = async (text: string, extra: { closesAt?: string; closingReminderAt?: string; workspace?: string } = {}) => {
    const c = await claim(text, extra.workspace ? { workspace: extra.workspace } : {});
    return await store.polls.insert({
      workspace: extra.workspace ?? 'w',
      claimId: c.id,
      channel: 'general',
      hide: 'visible',
      createdBy: 'ada',
      createdByName: 'Ada',
      createdAt: AT,
      baselineCredenceId: 0,
      kind: 'choice',
      options: ['OpenAI', 'DeepMind', 'Anthropic'],
      ...(extra.closesAt ? { closesAt: extra.closesAt } : {}),
      ...(extra.closingReminderAt ? { closingReminderAt: extra.closingReminderAt } : {}),
    });
  };

  it('keeps a choice poll’s options and every vote row, counts each person’s latest, and resolves it once', async () => {
    const poll = await choicePoll('Who ships first?');
    expect([poll.kind, poll.options]).toEqual(['choice', ['OpenAI', 'DeepMind', 'Anthropic']]);
    const vote = (userId: string, credences: number[], at: string) =>
      store.polls.vote({ workspace: 'w', pollId: poll.id, userId, userName: userId.toUpperCase(), credences, at });
    await vote('ada', [0.5, 0.3, 0.2], '2026-11-23T12:01:00.000Z');
    await vote('bo', [0, 1, 0], '2026-11-23T12:02:00.000Z');
    await vote('ada', [0.2, 0.6, 0.2], '2026-11-23T12:03:00.000Z');
    expect((await store.polls.votes('w', poll.id)).map((v) => [v.userId, v.userName, v.credences, v.at])).toEqual([
      ['ada', 'ADA', [0.2, 0.6, 0.2], '2026-11-23T12:03:00.000Z'],
      ['bo', 'BO', [0, 1, 0], '2026-11-23T12:02:00.000Z'],
    ]);
    expect((await store.polls.voteHistory('w', poll.id)).map((v) => [v.userId, v.credences])).toEqual([
      ['ada', [0.5, 0.3, 0.2]],
      ['bo', [0, 1, 0]],
      ['ada', [0.2, 0.6, 0.2]],
    ]);
    expect(await store.polls.votes('v', poll.id)).toEqual([]);
    expect(await store.polls.voteHistory('v', poll.id)).toEqual([]);

    expect(await store.polls.resolveChoice('v', poll.id, 1, 'ada', AT)).toBe(false);
    const [won, lost] = await Promise.all([
      store.polls.resolveChoice('w', poll.id, 1, 'ada', AT),
      store.polls.resolveChoice('w', poll.id, 2, 'bo', AT),
    ]);
    expect([won, lost].sort()).toEqual([false, true]);
    const resolved = (await store.polls.byId('w', poll.id))!;
    expect([resolved.resolvedOption, resolved.resolvedBy, resolved.resolvedAt]).toEqual([1, 'ada', AT]);
    const binary = await store.polls.insert({
      workspace: 'w',
      claimId: (await claim('Yes or no')).id,
      channel: 'general',
      hide: 'visible',
      createdBy: 'ada',
      createdByName: 'Ada',
      createdAt: AT,
      baselineCredenceId: 0,
    });
    expect(await store.polls.resolveChoice('w', binary.id, 0, 'ada', AT)).toBe(false);
  });

  it('hands each before-close reminder to one instance, queues each message once, and leases it to one sender', async () => {
    const soon = await choicePoll('Closing soon', { closesAt: '2026-11-25T00:00:00.000Z', closingReminderAt: '2026-11-24T00:00:00.000Z' });
    await choicePoll('Closing later', { closesAt: '2026-12-25T00:00:00.000Z', closingReminderAt: '2026-12-24T00:00:00.000Z' });
    await choicePoll('Elsewhere', { workspace: 'v', closesAt: '2026-11-25T00:00:00.000Z', closingReminderAt: '2026-11-23T18:00:00.000Z' });
    expect(await store.polls.dueClosingReminders('2026-11-23T17:00:00.000Z', 10)).toEqual([]);
    const due = await store.polls.dueClosingReminders('2026-11-24T00:00:00.000Z', 10);
    expect(due.map((p) => [p.workspace, p.claimNumber])).toEqual([
      ['v', 1],
      ['w', 1],
    ]);
    expect(due[1]!.closingReminderAt).toBe('2026-11-24T00:00:00.000Z');
    const takes = await Promise.all([1, 2].map(() => store.polls.takeClosingReminder('w', soon.id, '2026-11-24T00:00:00.000Z')));
    expect(takes.sort()).toEqual([false, true]);
    expect((await store.polls.dueClosingReminders('2026-11-24T00:00:00.000Z', 10)).map((p) => p.workspace)).toEqual(['v']);

    const channel = { workspace: 'w', kind: 'channel' as const, target: 'general', dueAt: '2026-11-24T00:00:00.000Z', pollIds: [soon.id] };
    const nudge = { ...channel, kind: 'person' as const, target: 'bo' };
    expect(await store.polls.queueReminder(channel, AT)).toBe(true);
    expect(await store.polls.queueReminder(channel, AT)).toBe(false);
    expect(await store.polls.queueReminder(nudge, AT)).toBe(true);
    const [a, b] = await Promise.all([
      store.polls.claimReminders('a', 1000, 10, 60_000),
      store.polls.claimReminders('b', 1000, 10, 60_000),
    ]);
    const claimed = [...a, ...b];
    expect(claimed.map((r) => [r.kind, r.target, r.pollIds]).sort()).toEqual([
      ['channel', 'general', [soon.id]],
      ['person', 'bo', [soon.id]],
    ]);
    expect(await store.polls.claimReminders('c', 30_000, 10, 60_000)).toEqual([]);
    const again = await store.polls.claimReminders('c', 70_000, 10, 60_000);
    expect(again).toHaveLength(2);
    for (const r of again) await store.polls.reminderSent(r.id, AT);
    expect(await store.polls.claimReminders('d', 200_000, 10, 60_000)).toEqual([]);
  });

  it('keeps a claim’s resolve-by date, moves and snoozes its reminder, and lists who asked for nudges', async () => {
    const c = await claim('Resolves in June');
    expect(await store.forecasts.resolveBy('w', c.id)).toBeUndefined();
    const at = '2027-06-30T00:00:00.000Z';
    await store.forecasts.setResolveBy({ workspace: 'w', claimId: c.id, resolveBy: at, zone: 'Europe/Paris', setBy: 'ada', setAt: AT });
    expect(await store.forecasts.resolveBy('w', c.id)).toMatchObject({
      resolveBy: at,
      zone: 'Europe/Paris',
      setBy: 'ada',
      setAt: AT,
      remindAt: at,
    });
    expect(await store.forecasts.resolveBy('v', c.id)).toBeUndefined();
    const moved = '2027-07-31T00:00:00.000Z';
    await store.forecasts.setResolveBy({ workspace: 'w', claimId: c.id, resolveBy: moved, zone: 'UTC', setBy: 'bo', setAt: AT });
    expect(await store.forecasts.resolveBy('w', c.id)).toMatchObject({ resolveBy: moved, zone: 'UTC', setBy: 'bo', remindAt: moved });
    await store.forecasts.setReminder('w', c.id, '2027-08-07T00:00:00.000Z');
    expect((await store.forecasts.resolveBy('w', c.id))?.remindAt).toBe('2027-08-07T00:00:00.000Z');
    expect(await store.forecasts.moveReminder('w', c.id, moved, null)).toBe(false);
    expect(await store.forecasts.moveReminder('w', c.id, '2027-08-07T00:00:00.000Z', null)).toBe(true);
    expect((await store.forecasts.resolveBy('w', c.id))?.remindAt).toBeUndefined();

    await store.forecasts.putPerson('w', 'bo', { nudges: true }, AT);
    await store.forecasts.putPerson('w', 'cy', { nudges: false }, AT);
    await store.forecasts.putPerson('v', 'di', { nudges: true }, AT);
    expect(await store.forecasts.nudging('w')).toEqual(['bo']);
  });

  it('exports every table as plain rows', async () => {
    await claim('A', { tags: ['t'] });
    const exported = await store.exportAll(new Date(AT));
    expect(exported.format).toBe('cruxbot-export');
    expect(exported.schemaVersion).toBe(latestSchemaVersion());
    expect(exported.tables.claims).toHaveLength(1);
    expect(Object.keys(exported.tables.claims![0] as object)).not.toContain('search');
    expect(exported.tables.claim_tags).toEqual([{ claim_id: 1, tag: 't' }]);
  });
});

describe.runIf(POSTGRES_URL)('SQLite and PostgreSQL, side by side', () => {
  it('hold the same rows after the same work: the export is one format', async () => {
    const exports = [];
    for (const backend of [SQLITE, POSTGRES]) {
      const { store, dispose } = await backend.open();
      try {
        const d = await store.debates.create({ workspace: 'w', slug: 'd', title: 'D', createdBy: 'a', createdByName: 'A', at: AT });
        const a = await store.claims.insert({
          workspace: 'w',
          debateId: d.id,
          text: 'A',
          authorId: 'a',
          authorName: 'A',
          tags: ['x', 'b'],
          at: AT,
        });
        const b = await store.claims.insert({
          workspace: 'w',
          debateId: d.id,
          text: 'B',
          authorId: 'a',
          authorName: 'A',
          tags: [],
          at: AT,
          source: { url: 'https://x.test/1' },
        });
        await store.links.add({ workspace: 'w', fromClaimId: b.id, toClaimId: a.id, kind: 'supports', authorId: 'a', at: AT });
        await store.credences.insert({
          workspace: 'w',
          claimId: a.id,
          userId: 'u',
          userName: 'U',
          value: 0.25,
          given: { claimId: b.id, isTrue: false },
          at: AT,
        });
        await store.polls.insert({
          workspace: 'w',
          claimId: a.id,
          channel: 'c',
          hide: 'visible',
          createdBy: 'a',
          createdByName: 'A',
          createdAt: AT,
          baselineCredenceId: 0,
        });
        await store.audit.record({ workspace: 'w', actorId: 'a', action: 'claim.add', entity: 'C1', after: { text: 'A' }, at: AT });
        const { tables } = await store.exportAll(new Date(AT));
        const canonical = Object.fromEntries(
          Object.entries(tables).map(([name, rows]) => [name, rows.map((r) => JSON.stringify(r)).sort()]),
        );
        exports.push(canonical);
      } finally {
        await dispose();
      }
    }
    expect(exports[1]).toEqual(exports[0]);
  });
});
