import { afterEach, describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.ts';
import { text, type MessageRef } from '../../../src/core/reply.ts';
import { CHANNEL_ID, GUILD_ID } from './fake-discord.ts';
import { bodyText, startTestDiscord, type TestDiscordBot } from './discord-bot.ts';
import { expectWithinDiscordLimits } from './discord-limits.ts';

const THREAD_ID = '1300000000000000777';
const MESSAGE_CONTENT_LIMITED = 1 << 19;
const DISCORD_EPOCH = 1_420_070_400_000n;

/** A thread of `n` messages a minute apart from 2026-11-20 09:00 UTC, with a join notice among them. */
function thread(n: number, content = (i: number) => `Message ${i}: the crux is when values crystallize`) {
  const start = Date.UTC(2026, 10, 20, 9, 0, 0);
  return Array.from({ length: n }, (_, k) => {
    const i = k + 1;
    const at = start + k * 60_000;
    const author =
      i % 2
        ? { id: '1800000000000000001', username: 'alice_w', global_name: 'Alice' }
        : { id: '1800000000000000002', username: 'bob', global_name: null };
    return {
      id: String(((BigInt(at) - DISCORD_EPOCH) << 22n) + BigInt(i)),
      channel_id: THREAD_ID,
      type: i === 3 ? 7 : i === 4 ? 19 : 0,
      content: i === 3 ? '' : content(i),
      author: { ...author, discriminator: '0', avatar: null },
      timestamp: new Date(at).toISOString(),
      edited_timestamp: null,
      attachments: [],
      embeds: [],
      components: [],
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      flags: 0,
      ...(i === 4 ? { message_reference: { message_id: 'x', channel_id: THREAD_ID, guild_id: GUILD_ID } } : {}),
    };
  });
}

let bot: TestDiscordBot;
afterEach(() => bot.close());

describe('the Discord chat port', () => {
  it('is registered for background work, posts a message that pings nobody and reports where it lives', async () => {
    bot = await startTestDiscord();
    const port = bot.services.chats.get('discord')!;
    expect(port).toBe(bot.running.chat);
    const seen: MessageRef[] = [];
    const ref = await port.post(CHANNEL_ID, {
      title: 'Poll on C3',
      blocks: [text('@everyone what is your credence?')],
      onSent: (r) => void seen.push(r),
      followUps: [{ blocks: [text('Closes in a day')] }],
    });
    const posts = bot.fake.requests.filter((r) => r.method === 'POST' && r.path === `/channels/${CHANNEL_ID}/messages`);
    expect(posts).toHaveLength(2);
    expectWithinDiscordLimits(posts[0]!.body);
    expect(bodyText(posts[0]!.body)).toBe('Poll on C3\n@everyone what is your credence?');
    expect(ref).toEqual({ platform: 'discord', channel: CHANNEL_ID, id: expect.stringMatching(/^\d+$/) });
    expect(seen).toEqual([ref]);

    await port.update(ref, { title: 'Poll on C3 (closed)', blocks: [text('Median 70%')] });
    const edit = bot.fake.requests.find((r) => r.method === 'PATCH')!;
    expect(edit.path).toBe(`/channels/${CHANNEL_ID}/messages/${ref.id}`);
    expect(edit.body).toMatchObject({
      embeds: [{ title: 'Poll on C3 (closed)', description: 'Median 70%' }],
      attachments: [],
      allowed_mentions: { parse: [] },
    });
  });

  it('without the Message Content intent, explains how to switch it on and reads nothing', async () => {
    bot = await startTestDiscord({ fake: { history: { [THREAD_ID]: thread(5) } } });
    const reading = bot.running.chat.fetchHistory(THREAD_ID, { limit: 50 });
    await expect(reading).rejects.toBeInstanceOf(UserError);
    await expect(reading).rejects.toThrow(/Message Content.*developer portal.*Bot.*Privileged Gateway Intents/);
    expect(bot.fake.requests.some((r) => r.path.endsWith('/messages'))).toBe(false);
  });

  it('reads the latest messages of a thread, oldest first, page by page, leaving out join notices', async () => {
    bot = await startTestDiscord({ fake: { applicationFlags: MESSAGE_CONTENT_LIMITED, history: { [THREAD_ID]: thread(250) } } });
    const messages = await bot.running.chat.fetchHistory(THREAD_ID, { limit: 150 });
    expect(messages).toHaveLength(150);
    expect(messages[0]!.text).toBe('Message 101: the crux is when values crystallize');
    expect(messages.at(-1)!.text).toBe('Message 250: the crux is when values crystallize');
    expect(messages.map((m) => BigInt(m.id))).toEqual(messages.map((m) => BigInt(m.id)).sort((a, b) => (a < b ? -1 : 1)));
    expect(messages[1]).toMatchObject({
      authorName: 'bob',
      channelId: THREAD_ID,
      permalink: `https://discord.com/channels/${GUILD_ID}/${THREAD_ID}/${messages[1]!.id}`,
    });
    expect(messages[0]!.authorName).toBe('Alice');
    expect(bot.fake.requests.filter((r) => r.path === `/channels/${THREAD_ID}/messages`).map((r) => r.query.get('limit'))).toEqual([
      '100',
      '50',
    ]);

    const all = await bot.running.chat.fetchHistory(THREAD_ID, { limit: 1000 });
    expect(all).toHaveLength(249);
    expect(all.find((m) => m.text.startsWith('Message 4:'))?.replyTo).toBe('x');
  });

  it('reads from a date on, oldest first', async () => {
    bot = await startTestDiscord({ fake: { applicationFlags: MESSAGE_CONTENT_LIMITED, history: { [THREAD_ID]: thread(250) } } });
    const since = new Date(Date.UTC(2026, 10, 20, 9, 10, 0));
    const messages = await bot.running.chat.fetchHistory(THREAD_ID, { limit: 120, since });
    expect(messages).toHaveLength(120);
    expect(messages[0]!.text).toMatch(/^Message 11:/);
    expect(messages.at(-1)!.text).toMatch(/^Message 130:/);
    expect(messages[0]!.at).toEqual(since);
  });

  it('says so when Discord sends the messages without their text', async () => {
    bot = await startTestDiscord({ fake: { applicationFlags: MESSAGE_CONTENT_LIMITED, history: { [THREAD_ID]: thread(6, () => '') } } });
    await expect(bot.running.chat.fetchHistory(THREAD_ID, { limit: 50 })).rejects.toThrow(/Message Content/);
  });
});
