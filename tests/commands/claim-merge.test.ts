import { countRows, rows } from '../support/rows.ts';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Actor } from '../../src/core/context.ts';
import type { MessageRef, Reply } from '../../src/core/reply.ts';
import { BOB, createTestBot, isError, replyText, recordMessageEdits, type TestBot } from '../support/harness.ts';

const MOD: Actor = { id: 'mo', name: 'mo', isModerator: true };

let bot: TestBot;
let updates: { ref: MessageRef; reply: Reply }[];
/** Every link of the workspace as `C2 supports C1 (by alice)`, in a stable order. */
const links = async (workspace = 'local') => {
  const number = new Map((await rows(bot.services.store, 'claims')).map((c) => [c.id, Number(c.number)]));
  return (await rows(bot.services.store, 'links', { workspace }))
    .map((l) => ({ from: number.get(l.from_claim)!, to: number.get(l.to_claim)!, kind: String(l.kind), by: String(l.author_id) }))
    .sort((a, b) => a.from - b.from || a.to - b.to || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0))
    .map((l) => `C${l.from} ${l.kind} C${l.to} (by ${l.by})`);
};
const status = async (n: number) => (await bot.services.store.claims.byNumber('local', n))!.status;

/**
 * alice wrote C1 (the root), C2 (which says the same) and C3; bob wrote C4. C2 supports C3 and refines
 * C1; C3 opposes both C1 and C2; bob's C4 is a crux of C2. bob gave C2 a credence; C2 has an open poll.
 */
beforeEach(async () => {
  bot = createTestBot();
  updates = recordMessageEdits(bot);
  await bot.run('/debate new slug:rewards title:"Is reward the optimization target?"');
  await bot.run('/claim add Agents will learn to seek reward');
  await bot.run('/claim add Capable agents learn to want the reward number');
  await bot.run('/claim add Agents game broken scorers without wanting reward');
  await bot.run('/claim add Scorers are usually broken', { actor: BOB });
  await bot.run('/link C2 C3 supports');
  await bot.run('/link C2 C1 refines');
  await bot.run('/link C3 C1 opposes');
  await bot.run('/link C3 C2 opposes');
  await bot.run('/link C4 C2 crux-of', { actor: BOB });
  await bot.run('/credence C2 80', { actor: BOB });
  const poll = await bot.run('/poll C2');
  await poll.onSent?.({ platform: 'test', channel: 'general', id: 'poll-on-c2' });
});
afterEach(async () => await bot.close());

describe('/claim merge', () => {
  it('moves C2’s links onto C1 (no self-link, no repeat), links C2 to C1 as a duplicate and retracts it', async () => {
    const reply = await bot.run('/claim merge C2 into:C1');
    expect(isError(reply)).toBe(false);
    expect(reply.title).toBe('C1 · open');
    expect(replyText(reply)).toContain(
      'Merged C2 into C1: 2 links moved (not moved: 1 C1 already had, 1 between the two). C2 is retracted as a duplicate of C1; its credences stay on C2. Its poll is closed.',
    );
    expect(await links()).toEqual([
      'C1 supports C3 (by alice)',
      'C2 duplicates C1 (by alice)',
      'C3 opposes C1 (by alice)',
      'C4 crux-of C1 (by bob)',
    ]);
    expect(await status(2)).toBe('retracted');
    expect(await status(1)).toBe('open');
  });

  it('keeps a "C2 duplicates C1" link someone made before, with its author', async () => {
    await bot.run('/link C2 C1 duplicates', { actor: BOB });
    const reply = await bot.run('/claim merge C2 into:C1');
    expect(replyText(reply)).toContain('2 links moved (not moved: 1 C1 already had, 1 between the two)');
    expect(await links()).toContain('C2 duplicates C1 (by bob)');
    expect((await links()).filter((l) => l.startsWith('C2 '))).toEqual(['C2 duplicates C1 (by bob)']);
  });

  it('leaves the credence history where it was given, and closes C2’s poll, updating its message', async () => {
    await bot.run('/claim merge C2 into:C1');
    const c2 = (await bot.services.store.claims.byNumber('local', 2))!;
    expect((await bot.services.store.credences.latestUnconditional('local', c2.id)).map((c) => [c.userId, c.value])).toEqual([
      ['bob', 0.8],
    ]);
    expect(await countRows(bot.services.store, 'credences')).toBe(1);
    expect(await bot.services.store.polls.openForClaim('local', c2.id)).toBeUndefined();
    expect(updates.map((u) => u.ref.id)).toEqual(['poll-on-c2']);
    expect(updates[0]!.reply.components ?? []).toEqual([]);
  });

  it('writes its audit row in the same change: what moved, what was dropped, and why', async () => {
    await bot.run('/claim merge C2 into:C1');
    const [pollClose, merge] = await bot.services.store.audit.recent('local', 2);
    expect(merge).toMatchObject({
      actorId: 'alice',
      action: 'claim.merge',
      entity: 'C2->C1',
      before: { status: 'open', links: 4 },
      after: { status: 'retracted', reason: 'merged into C1', moved: 2, dropped: { self: 1, duplicate: 1, 'refines-loop': 0 } },
    });
    expect(pollClose).toMatchObject({ action: 'poll.close', entity: 'C2', after: { reason: 'merged into C1' } });
  });

  it('merging the debate’s root makes the claim it is merged into the root', async () => {
    const reply = await bot.run('/claim merge C1 into:C2');
    expect(replyText(reply)).toContain('C2 is now the debate’s root.');
    expect((await bot.services.store.debates.bySlug('local', 'rewards'))!.rootClaimId).toBe(
      (await bot.services.store.claims.byNumber('local', 2))!.id,
    );
  });

  it('if the change fails halfway, nothing of it is kept', async () => {
    const before = await links();
    vi.spyOn(bot.services.store.claims, 'setStatus').mockImplementationOnce(() => {
      throw new Error('disk I/O error');
    });
    const reply = await bot.run('/claim merge C2 into:C1');
    expect(isError(reply)).toBe(true);
    expect(replyText(reply)).toMatch(/Something went wrong \(id \w+\)/);
    expect(await links()).toEqual(before);
    expect(await status(2)).toBe('open');
    expect((await bot.services.store.audit.recent('local', 1))[0]?.action).toBe('poll.open');
  });
});

describe('who may merge', () => {
  it('the author of both claims may; someone who wrote only one may not; a moderator may merge anyone’s', async () => {
    const refused = await bot.run('/claim merge C4 into:C1', { actor: BOB });
    expect(isError(refused)).toBe(true);
    expect(replyText(refused)).toContain(
      'Only a moderator, or whoever wrote both claims, can merge C4 (by bob) into C1 (by alice). Link them instead: /link C4 C1 duplicates.',
    );
    const refusedToo = await bot.run('/claim merge C2 into:C1', { actor: BOB });
    expect(isError(refusedToo)).toBe(true);
    expect(await status(4)).toBe('open');
    expect(await status(2)).toBe('open');

    expect(isError(await bot.run('/claim merge C4 into:C1', { actor: MOD }))).toBe(false);
    expect(await status(4)).toBe('retracted');
  });
});

describe('merges that are refused, changing nothing', () => {
  it('into itself, into a retracted claim, a retracted or resolved claim, across debates, or a claim of another workspace', async () => {
    await bot.run('/claim retract C3');
    await bot.run('/claim add Scorers get fixed', { actor: BOB });
    await bot.run('/claim resolve C5 true', { actor: BOB });
    await bot.run('/debate new slug:drift title:"Does misalignment grow?"', { channel: 'side' });
    await bot.run('/claim add Goals drift', { channel: 'side' });
    await bot.run('/debate new slug:other title:"Elsewhere"', { workspace: 'slack:T999' });
    for (let i = 0; i < 7; i++) await bot.run(`/claim add Claim ${i + 1} elsewhere`, { workspace: 'slack:T999' });
    const before = await links();
    const audit = await countRows(bot.services.store, 'audit_log');

    const cases: [string, RegExp][] = [
      ['/claim merge C2 into:C2', /A claim cannot be merged into itself \(C2\)/],
      ['/claim merge C2 into:C3', /C3 is retracted; merge into a claim that still stands/],
      ['/claim merge C3 into:C1', /C3 is already retracted/],
      ['/claim merge C5 into:C1', /C5 is resolved.*Undo that first \(\/claim resolve C5 undo\)/],
      ['/claim merge C2 into:C6', /C2 and C6 are in different debates.*\/link C2 C6 duplicates/],
      ['/claim merge C7 into:C1', /There is no claim C7 here/],
      ['/claim merge C2 into:C99', /There is no claim C99 here/],
      ['/claim merge C2', /missing `?into/],
      ['/claim merge C2 into:X', /into: expected a claim id like C12, got "X"/],
      ['/claim merge C2 C1 C4', /Unexpected text "C4"/],
    ];
    for (const [line, message] of cases) {
      const reply = await bot.run(line, { actor: MOD });
      expect(isError(reply), line).toBe(true);
      expect(replyText(reply), line).toMatch(message);
    }
    expect(await links()).toEqual(before);
    expect(await countRows(bot.services.store, 'audit_log')).toBe(audit);
    expect(await status(2)).toBe('open');
    expect(await countRows(bot.services.store, 'claims', { workspace: 'slack:T999', status: 'open' })).toBe(7);
  });
});
