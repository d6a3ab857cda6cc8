import { countRows } from '../support/rows.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { UserError } from '../../src/core/errors.ts';
import { createRegistry } from '../../src/core/registry.ts';
import { ConsoleSession } from '../../src/platforms/console/session.ts';
import { DEBATE_THREAD, SMALL_TALK } from '../domain/threads/threads.fixture.ts';
import { chatLines, FakeChat } from '../support/fake-chat.ts';
import { createTestBot, isError, replyText, type TestBot } from '../support/harness.ts';

let bot: TestBot | undefined;
afterEach(async () => await bot?.close());

const captureCount = async (b: TestBot) => await countRows(b.services.store, 'thread_captures');

describe('/summarize in a channel', () => {
  it('GIVEN a debate in the channel THEN the summary shows positions, key claims, cruxes, agreements, open questions and credences, with buttons', async () => {
    const chat = FakeChat.fromLines(chatLines(DEBATE_THREAD));
    bot = createTestBot({ chat });
    await bot.run('/debate new slug:drift title:"Does misalignment grow with serial steps?"');
    const reply = await bot.run('/summarize');
    const text = replyText(reply);
    expect(isError(reply)).toBe(false);
    expect(reply.title).toBe('Thread summary · 10 messages, 5 people');
    expect(chat.requests).toEqual([{ channelId: 'general', limit: 301 }]);
    for (const heading of ['Debates', 'Positions', 'Key claims', 'Explicit cruxes', 'Agreements', 'Open questions', 'Stated credences'])
      expect(text).toContain(heading);
    expect(text).toMatch(/2 repeated sentences folded \(1 message only repeating earlier text\)/);
    expect(text).toMatch(/1 message in other languages left as they are/);
    expect(text).toContain(
      '“I think the crux might be whether values crystallize before the AIs produce most of their own training data.” — carol',
    );
    expect(text).toContain('not a crux: “I agree that this distinction is probably not a crux.” — alice');
    expect(text).toMatch(/P\(goals change during long reasoning\) ≈ e-9, named to be doubted/);
    expect(text).toMatch(/P\(goal drift becoming a serious problem within two years\) ≈ 70% \(70%\)/);
    expect(text).toContain('“How would we even measure the rate of goal drift?” — bob (unanswered)');
    expect(text).toMatch(/can go to the map of drift/);
    expect(reply.components?.[0]?.map((c) => (c.type === 'button' ? c.label : ''))).toEqual([
      expect.stringMatching(/^Add all to the map \(\d+\)$/),
      'Review one by one',
    ]);
  });

  it('reads since a time or a message link, and as many messages as asked', async () => {
    const chat = FakeChat.fromLines(chatLines(DEBATE_THREAD));
    bot = createTestBot({ chat });
    await bot.run('/summarize since:2h messages:50');
    await bot.run('/summarize since:https://acme.slack.com/archives/C0123ABCD/p1763899200123456');
    expect(chat.requests).toEqual([
      { channelId: 'general', limit: 51, since: new Date('2026-11-23T10:00:00Z') },
      { channelId: 'general', limit: 301, since: new Date('2025-11-23T12:00:00.123Z') },
    ]);
  });

  it('GIVEN more messages than asked THEN it reads the latest and says how to choose', async () => {
    const lines = Array.from({ length: 40 }, (_, i) => ({
      author: i % 2 ? 'bob' : 'alice',
      text: `I think drift number ${i} should matter more than data.`,
    }));
    bot = createTestBot({ chat: FakeChat.fromLines(lines) });
    const text = replyText(await bot.run('/summarize messages:25'));
    expect(text).toMatch(/Thread summary · 25 messages/);
    expect(text).toContain('This channel has more than 25 messages; I read the latest 25. Choose with messages: (up to 2,000) or since:');
  });

  it('refuses a cap above 2,000, a bad since:, and says nothing was stored', async () => {
    bot = createTestBot({ chat: FakeChat.fromLines(chatLines(DEBATE_THREAD)) });
    const cases: [string, RegExp][] = [
      ['/summarize messages:50000', /messages: must be at most 2000 \(got 50000\)/],
      ['/summarize messages:0', /messages: must be at least 1/],
      ['/summarize since:"last tuesday-ish"', /"last tuesday-ish" is neither a message link nor a time/],
      ['/summarize since:2030-01-01', /in the future/],
      ['/summarize file:thread.txt', /file/],
    ];
    for (const [line, message] of cases) {
      const reply = await bot.run(line);
      expect(isError(reply), line).toBe(true);
      expect(replyText(reply), line).toMatch(message);
    }
    expect(await captureCount(bot)).toBe(0);
  });

  it('GIVEN an empty channel, small talk, or only other languages THEN it says so plainly', async () => {
    bot = createTestBot({ chat: new FakeChat([]) });
    expect(replyText(await bot.run('/summarize'))).toMatch(/no messages to read: the thread is empty/);
    await bot.close();
    bot = createTestBot({ chat: FakeChat.fromLines(chatLines(SMALL_TALK.replace(/\n/g, '\n\n'))) });
    expect(replyText(await bot.run('/summarize'))).toMatch(/found no argumentative content/);
    await bot.close();
    bot = createTestBot({
      chat: FakeChat.fromLines([
        { author: 'erin', text: 'Je pense que la dérive des objectifs est aléatoire.' },
        { author: 'kenji', text: '価値観の変化はデータで方向づけられると思います。' },
      ]),
    });
    const text = replyText(await bot.run('/summarize'));
    expect(text).toMatch(/found no argumentative content.*2 messages in other languages/s);
    expect(await captureCount(bot)).toBe(0);
  });

  it('shows what the platform says when it may not read the history', async () => {
    const chat = new FakeChat([]);
    chat.fetchHistory = async () => {
      throw new UserError('I need the Message Content intent to read messages here.', 'discord.no-intent');
    };
    bot = createTestBot({ chat });
    expect(replyText(await bot.run('/summarize'))).toMatch(/Message Content intent/);
  });

  it('keeps a 2,000-message summary readable at a glance: a few items a section, then "and N more"', async () => {
    const subjects = [
      'goal drift',
      'value change',
      'reward seeking',
      'specification gaming',
      'an objection channel',
      'self-training',
      'crystallization',
    ];
    const predicates = [
      'is random',
      'is directable by data',
      'generalizes better',
      'is unlikely to emerge',
      'detects hidden misalignment',
      'grows with every step',
    ];
    const lines = Array.from({ length: 2000 }, (_, i) => ({
      author: `user${i % 7}`,
      text: `I think ${subjects[i % 7]} ${predicates[(i * 5) % 6]} in setting ${i % 41}, so ${subjects[(i * 3) % 7]} ${predicates[(i * 2) % 6]}.`,
    }));
    bot = createTestBot({ chat: FakeChat.fromLines(lines) });
    const reply = await bot.run('/summarize messages:2000');
    const text = replyText(reply);
    expect(text).toMatch(/Thread summary · 2,000 messages, 7 people/);
    expect(text).toMatch(/and \d+ more/);
    expect(text.length).toBeLessThan(6000);
    for (const block of reply.blocks) expect(replyText({ blocks: [block] }).length).toBeLessThan(2000);
  });
});

describe('/summarize without a channel history (the console)', () => {
  it('says how to summarize a file instead, and reads one given with file:', async () => {
    bot = createTestBot();
    const reply = await bot.run('/summarize');
    expect(isError(reply)).toBe(true);
    expect(replyText(reply)).toContain('cruxbot summarize thread.txt');

    const dir = mkdtempSync(join(tmpdir(), 'cruxbot-thread-'));
    try {
      writeFileSync(join(dir, 'thread.txt'), DEBATE_THREAD);
      writeFileSync(join(dir, 'broken.json'), '{"messages": [');
      const printed: string[] = [];
      const session = new ConsoleSession(
        bot.services,
        createRegistry(COMMANDS),
        { id: 'ana', name: 'ana' },
        { color: false, width: 100 },
        (t) => printed.push(t),
      );
      const summary = await session.run(`/summarize file:${join(dir, 'thread.txt')}`);
      expect(summary.title).toBe('Thread summary · 10 messages, 5 people');
      expect(replyText(summary)).toContain('Read thread.txt: 10 messages');
      expect(replyText(await session.run(`/summarize file:${join(dir, 'broken.json')}`))).toMatch(/not valid JSON/);
      expect(replyText(await session.run(`/capture file:${join(dir, 'missing.txt')}`))).toMatch(/There is no file at/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
