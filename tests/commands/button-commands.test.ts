import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Button, Reply } from '../../src/core/reply.ts';
import { renderReplyText } from '../../src/platforms/console/render.ts';
import { DEBATE_THREAD } from '../domain/threads/threads.fixture.ts';
import { chatLines, FakeChat } from '../support/fake-chat.ts';
import { createTestBot, isError, replyText, type TestBot } from '../support/harness.ts';
import { countRows, rows } from '../support/rows.ts';

// The console has no buttons. Every button carries the command that does the same; the console shows it
// where Discord and Slack show the button, and typing it (on any platform) does what the click does.

let bot: TestBot;
beforeEach(() => {
  bot = createTestBot({ chat: FakeChat.fromLines(chatLines(DEBATE_THREAD)) });
});
afterEach(async () => await bot.close());

const buttons = (reply: Reply): Button[] => (reply.components ?? []).flat().filter((c): c is Button => c.type === 'button');
const command = (reply: Reply, label: RegExp): string => {
  const found = buttons(reply).find((b) => label.test(b.label));
  if (!found) throw new Error(`no button ${label} in ${buttons(reply).map((b) => b.label).join(', ')}`);
  return found.command;
};
const claimTexts = async () => (await rows(bot.services.store, 'claims')).map((r) => String(r.text));
const consoleText = (reply: Reply) => renderReplyText(reply, { color: false, width: 100 });

async function captureInDebate(): Promise<Reply> {
  await bot.run('/debate new slug:drift title:"Does misalignment grow with serial steps?"');
  return await bot.run('/capture');
}

describe('the console shows each button with its command', () => {
  it('/capture lists Add all and Review with the commands to type', async () => {
    const reply = await captureInDebate();
    const text = consoleText(reply);
    expect(text).toMatch(/Buttons on Discord and Slack; here, type the command:/);
    expect(text).toMatch(/\[Add all to the map \(\d+\)\]\s+\/capture add T1 all/);
    expect(text).toMatch(/\[Review one by one\]\s+\/capture review T1/);
    expect(text).not.toMatch(/buttons work on Discord and Slack/);
  });

  it('a claim card names /claim add … supports:, /link and /credence', async () => {
    await bot.run('/debate new slug:drift title:"Drift"');
    const card = await bot.run('/claim add Goals drift randomly over many steps');
    const text = consoleText(card);
    expect(text).toMatch(/\[Support…\]\s+\/claim add "<a claim that supports it>" supports:C1/);
    expect(text).toMatch(/\[Oppose…\]\s+\/claim add "<a claim that opposes it>" opposes:C1/);
    expect(text).toMatch(/\[Link…\]\s+\/link C1 <claim>/);
    expect(text).toMatch(/\[Credence…\]\s+\/credence C1 <0–100>/);
  });
});

describe('typing the command does what the button does', () => {
  it('/capture add T1 all adds every candidate, like Add all', async () => {
    const reply = await captureInDebate();
    const candidates = Number(/· (\d+) candidate/.exec(reply.title ?? '')![1]);
    const added = await bot.run(command(reply, /^Add all/));
    expect(isError(added)).toBe(false);
    expect(replyText(added)).toMatch(new RegExp(`^alice added ${candidates} claims to drift`));
    expect(await claimTexts()).toHaveLength(candidates);
  });

  it('/capture add T1 1,3 adds only those two; naming them again leaves them and says so', async () => {
    await captureInDebate();
    const first = await bot.run('/capture add T1 1,3');
    expect(replyText(first)).toMatch(/^alice added 2 claims to drift \(C1, C2\)/);
    expect(await claimTexts()).toHaveLength(2);
    const again = await bot.run('/capture add T1 3-4');
    expect(replyText(again)).toMatch(/added 1 claim to drift \(C3\)/);
    expect(replyText(again)).toMatch(/Candidate 3 was settled already/);
    expect(await claimTexts()).toHaveLength(3);
  });

  it('Review one by one, then each card’s Accept, Skip and Edit… as commands', async () => {
    const reply = await captureInDebate();
    const card = await bot.run(command(reply, /^Review/));
    expect(card.title).toMatch(/^Candidate 1 of \d+$/);
    expect(command(card, /^Accept$/)).toBe('/capture add T1 1');
    expect(command(card, /^Skip$/)).toBe('/capture skip T1 1');
    expect(command(card, /^Edit…$/)).toMatch(/^\/capture edit T1 1 "/);

    const accepted = await bot.run(command(card, /^Accept$/));
    expect(replyText(accepted)).toMatch(/^alice added 1 claim to drift \(C1\)/);

    const next = await bot.run('/capture review T1');
    expect(next.title).toMatch(/^Candidate 2 of/);
    const skipped = await bot.run(command(next, /^Skip$/));
    expect(skipped.title).toMatch(/^Candidate 3 of/);
    expect(replyText(skipped)).toMatch(/Skipped candidate 2\./);

    const edited = await bot.run('/capture edit T1 3 "Values crystallize before the models write their own data"');
    expect(replyText(edited)).toMatch(/Added C2\./);
    expect(await claimTexts()).toContain('Values crystallize before the models write their own data');
    const settled = await rows(bot.services.store, 'thread_capture_items');
    expect(settled.filter((r) => r.status === 'skipped').map((r) => r.position)).toEqual([1]);
  });

  it('bad capture names and numbers say what was wrong and store nothing', async () => {
    const reply = await captureInDebate();
    const count = Number(/· (\d+) candidate/.exec(reply.title ?? '')![1]);
    const cases: [string, RegExp][] = [
      ['/capture add T9 all', /Those candidate claims are gone/],
      ['/capture add X1 all', /"X1" is not a capture; captures are named like `?T3/],
      [`/capture add T1 ${count + 1}`, new RegExp(`There is no candidate ${count + 1}: this capture has ${count} \\(1–${count}\\)`)],
      ['/capture add T1 2,x', /"x" is not a candidate number; give `?all`? or numbers such as `?1,3,5/],
      ['/capture skip T1 0', /There is no candidate 0/],
      ['/capture edit T1 1 ""', /./],
    ];
    for (const [line, message] of cases) {
      const answer = await bot.run(line);
      expect(isError(answer), line).toBe(true);
      expect(replyText(answer), line).toMatch(message);
    }
    expect(await claimTexts()).toEqual([]);
    expect(await countRows(bot.services.store, 'thread_capture_items', { status: 'pending' })).toBe(count);
  });

  it('/claim add … supports:C1 adds the claim to C1’s debate, linked', async () => {
    await bot.run('/debate new slug:drift title:"Drift"');
    await bot.run('/claim add Goals drift randomly over many steps');
    await bot.run('/debate new slug:other title:"Another debate"');
    const added = await bot.run('/claim add "Small random changes compound" supports:C1');
    expect(isError(added)).toBe(false);
    expect(replyText(added)).toMatch(/Added C2 to `?drift`?; it supports C1\./);
    const links = await rows(bot.services.store, 'links');
    expect(links).toHaveLength(1);
    expect(links[0]).toMatchObject({ kind: 'supports' });
    const both = await bot.run('/claim add "x y z" supports:C1 opposes:C1');
    expect(replyText(both)).toMatch(/Give `?supports:`? or `?opposes:`?, not both/);
    const elsewhere = await bot.run('/claim add "Another one" opposes:C1 debate:other');
    expect(replyText(elsewhere)).toMatch(/C1 is in `?drift`?, not `?other`?/);
    expect(await claimTexts()).toHaveLength(2);
  });
});
