import { countRows, rows } from '../support/rows.ts';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Reply } from '../../src/core/reply.ts';
import { DEBATE_THREAD } from '../domain/threads/threads.fixture.ts';
import { chatLines, FakeChat } from '../support/fake-chat.ts';
import { BOB, createTestBot, isError, replyText, type TestBot } from '../support/harness.ts';

let bot: TestBot;
beforeEach(() => {
  bot = createTestBot({ chat: FakeChat.fromLines(chatLines(DEBATE_THREAD)) });
});
afterEach(async () => await bot.close());

const claims = async () =>
  (await rows(bot.services.store, 'claims'))
    .map(({ number, text, author_name, source_url, source_author }) => ({ number, text, author_name, source_url, source_author }))
    .sort((a, b) => Number(a.number) - Number(b.number)) as {
    number: number;
    text: string;
    author_name: string;
    source_url: string | null;
    source_author: string | null;
  }[];
const linkCount = async () => await countRows(bot.services.store, 'links');
const buttonIds = (reply: Reply) => (reply.components ?? []).flat().map((c) => (c.type === 'button' ? c.id : ''));

describe('/capture', () => {
  it('lists the candidate claims of the thread with Add all and Review buttons', async () => {
    await bot.run('/debate new slug:drift title:"Does misalignment grow with serial steps?"');
    const reply = await bot.run('/capture');
    expect(reply.title).toMatch(/^T\d+ · \d+ candidate claims from the last 10 messages here$/);
    expect(replyText(reply)).toMatch(/^1\. “/m);
    expect(replyText(reply)).not.toMatch(/Key claims|Positions/);
    expect(buttonIds(reply)).toEqual(['capture:add-all:1', 'capture:review:1']);
  });

  it('Add all puts every candidate on the map with its source message and author, and the links among them; twice adds nothing more', async () => {
    await bot.run('/debate new slug:drift title:"Does misalignment grow with serial steps?"');
    const reply = await bot.run('/capture');
    const candidates = Number(/^T\d+ · (\d+) candidate/.exec(reply.title ?? '')![1]);
    const added = await bot.interact('capture:add-all:1', {}, { actor: BOB });
    expect(isError(added)).toBe(false);
    expect(added.ephemeral).toBeUndefined();
    expect(replyText(added)).toMatch(
      new RegExp(`^bob added ${candidates} claims to drift \\(C1, C2, .*\\) and \\d+ links\\. See them with /map\\.$`),
    );
    const stored = await claims();
    expect(stored).toHaveLength(candidates);
    const crux = stored.find((c) => c.text.startsWith('I think the crux might be whether values crystallize'))!;
    expect(crux).toMatchObject({
      author_name: 'bob',
      source_author: 'carol',
      source_url: expect.stringMatching(/^https:\/\/chat\.example\/general\/\d+$/),
    });
    expect(await linkCount()).toBeGreaterThan(0);
    expect(await countRows(bot.services.store, 'audit_log', { action: 'claim.add' })).toBe(candidates);

    const again = await bot.interact('capture:add-all:1');
    expect(replyText(again)).toMatch(/added 0 claims to drift and 0 links/);
    expect(await claims()).toHaveLength(candidates);
  });

  it('does not add a claim the debate already has: it links to it instead', async () => {
    await bot.run('/debate new slug:drift title:"Does misalignment grow with serial steps?"');
    await bot.run('/claim add I think the crux might be whether values crystallize before the AIs produce most of their own training data');
    await bot.run('/capture');
    const added = replyText(await bot.interact('capture:add-all:1'));
    expect(added).toMatch(/1 were on the map already \(C1\)/);
    expect((await claims()).filter((c) => c.text.includes('values crystallize'))).toHaveLength(1);
  });

  it('GIVEN no debate in the channel THEN the buttons say how to start one, and nothing is added', async () => {
    const summary = await bot.run('/summarize');
    expect(replyText(summary)).toMatch(/start or pick a debate here/);
    const reply = await bot.interact('capture:add-all:1');
    expect(isError(reply)).toBe(true);
    expect(replyText(reply)).toMatch(/No debates yet\. Start one/);
    expect(await claims()).toEqual([]);
    // A debate started afterwards receives them.
    await bot.run('/debate new slug:later title:"Later"');
    expect(replyText(await bot.interact('capture:add-all:1'))).toMatch(/to later/);
  });

  it('Review goes one by one: accept, edit, skip, until a tally', async () => {
    await bot.run('/debate new slug:drift title:"Does misalignment grow with serial steps?"');
    await bot.run('/capture');
    const first = await bot.interact('capture:review:1');
    expect(first.ephemeral).toBe(true);
    expect(first.update).toBeUndefined();
    expect(first.title).toMatch(/^Candidate 1 of \d+$/);
    expect(buttonIds(first)).toEqual(['capture:accept:1:0', 'capture:edit:1:0', 'capture:skip:1:0']);

    const second = await bot.interact('capture:accept:1:0');
    expect(second.update).toBe(true);
    expect(replyText(second)).toMatch(/Added C1\./);
    expect(second.title).toMatch(/^Candidate 2 of/);

    const form = await bot.interact('capture:edit:1:1');
    expect(form.modal?.id).toBe('capture:edit-submit:1:1');
    const edited = await bot.interact('capture:edit-submit:1:1', { fields: { text: '  Reworded claim about drift  ' } });
    expect(replyText(edited)).toMatch(/Added C2\./);
    expect((await claims())[1]!.text).toBe('Reworded claim about drift');

    const skipped = await bot.interact('capture:skip:1:2');
    expect(replyText(skipped)).toMatch(/Skipped candidate 3\./);

    // The same candidate twice: refused, nothing doubled.
    expect(replyText(await bot.interact('capture:accept:1:0'))).toMatch(/on the map already as C1/);
    expect(replyText(await bot.interact('capture:skip:1:2'))).toMatch(/skipped already/);
    expect(replyText(await bot.interact('capture:edit-submit:1:3', { fields: { text: '   ' } }))).toMatch(/The claim text is empty/);

    let step = await bot.interact('capture:review:1');
    while (step.title?.startsWith('Candidate')) {
      const position = /capture:accept:1:(\d+)/.exec(buttonIds(step)[0]!)![1];
      step = await bot.interact(`capture:skip:1:${position}`);
    }
    expect(step.title).toBe('Review done');
    expect(replyText(step)).toMatch(/2 added, 0 already on the map, \d+ skipped/);
    expect(await claims()).toHaveLength(2);
  });

  it('buttons from another workspace, or out of date, change nothing', async () => {
    await bot.run('/debate new slug:drift title:"Drift"');
    await bot.run('/capture');
    expect(replyText(await bot.interact('capture:add-all:1', {}, { workspace: 'slack:T999' }))).toMatch(
      /gone; run \/summarize or \/capture again/,
    );
    expect(replyText(await bot.interact('capture:accept:1:x'))).toMatch(/out of date/);
    expect(replyText(await bot.interact('capture:accept:1:999'))).toMatch(/not part of this capture/);
    expect(await claims()).toEqual([]);
  });
});
