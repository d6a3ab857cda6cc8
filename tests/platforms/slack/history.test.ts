import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChatPort } from '../../../src/core/context.ts';
import { UserError } from '../../../src/core/errors.ts';
import { parseConversationRef } from '../../../src/platforms/slack/history.ts';
import { startSlackTestBed, type SlackTestBed } from './support/test-bed.ts';

let bed: SlackTestBed;
let chat: ChatPort;
beforeAll(async () => {
  bed = await startSlackTestBed();
  chat = bed.bot.services.chats.get('slack')!;
});
afterAll(async () => {
  await bed.close();
});

/** A message as conversations.history / .replies return it. */
const message = (ts: number, text: string, extra: Record<string, unknown> = {}) => ({
  type: 'message',
  user: 'W111',
  text,
  ts: `${ts}.000100`,
  ...extra,
});

describe('reading a channel (conversations.history)', () => {
  it('pages newest-first from Slack and gives the latest messages oldest first, people named', async () => {
    // Slack's pages: newest first, 3 then 2 then 1 messages, joined by cursors.
    const pages: Record<string, unknown[]> = {
      '': [message(1700000005, 'five'), message(1700000004, 'four <@W222>'), message(1700000003, 'joined', { subtype: 'channel_join' })],
      p2: [message(1700000002, 'two', { user: 'W222' }), message(1700000001, 'one')],
    };
    bed.fake.on('conversations.history', (body) => {
      const cursor = String(body.cursor ?? '');
      const oldest = Number(body.oldest ?? 0);
      const messages = (pages[cursor] ?? []).filter((m) => Number((m as { ts: string }).ts) >= oldest);
      return { ok: true, messages, response_metadata: { next_cursor: cursor === '' ? 'p2' : '' } };
    });
    const latest = await chat.fetchHistory!('C111', { limit: 3 });
    expect(latest.map((m) => [m.text, m.authorName])).toEqual([
      ['two', 'Bob'],
      ['four @Bob', 'Ana'],
      ['five', 'Ana'],
    ]);
    expect(latest[2]).toMatchObject({
      id: '1700000005.000100',
      channelId: 'C111',
      authorId: 'W111',
      at: new Date(1700000005000),
      permalink: 'https://cruxbot-test.slack.com/archives/C111/p1700000005000100',
    });
    const calls = bed.fake.callsTo('conversations.history');
    expect(calls.map((c) => c.body.cursor)).toEqual([undefined, 'p2']);

    const since = await chat.fetchHistory!('C111', { limit: 10, since: new Date(1700000004000) });
    expect(bed.fake.callsTo('conversations.history').at(-2)?.body.oldest).toBe('1700000004.000000');
    expect(since.map((m) => m.text)).toEqual(['four @Bob', 'five']);
  });

  it('says which scope is missing, or that it must be invited, as a message a person can act on', async () => {
    bed.fake.on('conversations.history', () => ({ ok: false, error: 'missing_scope', needed: 'groups:history', provided: 'chat:write' }));
    const missing = await chat.fetchHistory!('G123', { limit: 5 }).catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(UserError);
    expect((missing as UserError).message).toMatch(/needs the groups:history scope/);

    bed.fake.on('conversations.history', () => ({ ok: false, error: 'not_in_channel' }));
    const outside = await chat.fetchHistory!('C999', { limit: 5 }).catch((e: unknown) => e);
    expect((outside as UserError).message).toMatch(/invite me first/);
  });
});

describe('reading a thread (conversations.replies)', () => {
  it('keeps the opening message and the latest replies, oldest first, replies pointing at the thread', async () => {
    const parent = 1700000100;
    bed.fake.on('conversations.replies', (body) => {
      expect(body.ts).toBe(`${parent}.000100`);
      const first = [
        message(parent, 'Opening claim', { thread_ts: `${parent}.000100` }),
        message(parent + 1, 'r1', { thread_ts: `${parent}.000100` }),
      ];
      const second = [2, 3, 4].map((i) => message(parent + i, `r${i}`, { thread_ts: `${parent}.000100`, user: 'W222' }));
      return body.cursor
        ? { ok: true, messages: second, response_metadata: { next_cursor: '' } }
        : { ok: true, messages: first, has_more: true, response_metadata: { next_cursor: 'more' } };
    });
    const thread = await chat.fetchHistory!(`C111/${parent}.000100`, { limit: 3 });
    expect(thread.map((m) => m.text)).toEqual(['Opening claim', 'r3', 'r4']);
    expect(thread[0]?.replyTo).toBeUndefined();
    expect(thread[2]).toMatchObject({
      replyTo: `${parent}.000100`,
      authorName: 'Bob',
      permalink: `https://cruxbot-test.slack.com/archives/C111/p${parent + 4}000100?thread_ts=${parent}.000100&cid=C111`,
    });
  });

  it('takes a message link copied from Slack', () => {
    expect(parseConversationRef('https://team.slack.com/archives/C111/p1700000104000100?thread_ts=1700000100.000100&cid=C111')).toEqual({
      channel: 'C111',
      thread: '1700000100.000100',
    });
    expect(parseConversationRef('https://team.slack.com/archives/C111/p1700000100000100')).toEqual({
      channel: 'C111',
      thread: '1700000100.000100',
    });
    expect(parseConversationRef(' C111 ')).toEqual({ channel: 'C111' });
    expect(() => parseConversationRef('general')).toThrow(/not a Slack channel or thread/);
    expect(() => parseConversationRef('C111/yesterday')).toThrow(UserError);
  });
});
