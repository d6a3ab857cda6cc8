import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import type { ChatPort } from '../../src/core/context.ts';
import { silentLogger } from '../../src/core/logger.ts';
import type { Reply } from '../../src/core/reply.ts';
import { queueClosingReminders, queueDueReminders, sendClosingReminders, sendQueuedDigests } from '../../src/jobs/reminders.ts';
import { createServices, type Services } from '../../src/services.ts';
import { BOB, createTestBot, replyText, type TestBot } from '../support/harness.ts';

const START = new Date('2026-11-23T12:00:00Z');
const DAY = 86_400_000;
let now = START;
let bot: TestBot;
let sent: { to: string; reply: Reply }[];

/** A chat that records each private message: the console's platform, as workspace `local` is served. */
function recordingChat(into: { to: string; reply: Reply }[], fail = false): ChatPort {
  return {
    platform: 'console',
    post: async () => ({ platform: 'console', channel: 'general', id: 'posted' }),
    update: async () => {},
    sendDirect: async (_workspace, userId, reply) => {
      if (fail) throw new Error('the platform is down');
      into.push({ to: userId, reply });
    },
  };
}

const later = (days: number) => (now = new Date(START.getTime() + days * DAY));
const run = async (services: Services = bot.services, holder = 'instance-a') => {
  await queueDueReminders(services, holder);
  await sendQueuedDigests(services, holder);
};

beforeEach(async () => {
  now = START;
  bot = createTestBot({ clock: () => now });
  sent = [];
  bot.services.chats.set('console', recordingChat(sent));
  await bot.run('/debate new slug:evals title:"Where evals go"');
  await bot.run('/predict text:"Alice’s bet" credence:70 resolve-by:"in 3 days"');
  await bot.run('/predict text:"Bob’s first" credence:40 resolve-by:"in 1 day"', { actor: BOB });
  await bot.run('/predict text:"Bob’s second" credence:55 resolve-by:"in 2 days"', { actor: BOB });
});
afterEach(async () => await bot.close());

describe('reminders when a resolve-by date passes', () => {
  it('reminds the author once with resolve buttons, then weekly; nothing before it is due', async () => {
    await run();
    expect(sent).toEqual([]);
    later(1.01);
    await run();
    await run();
    expect(sent.map((s) => s.to)).toEqual(['bob']);
    const text = replyText(sent[0]!.reply);
    expect(text).toContain('C2 Bob’s first');
    expect(text).toContain('was due Tue 2026-11-24 12:00 UTC');
    expect(text).toContain('C2: yes');
    expect(text).not.toContain('C3');
    later(8.02); // a week after the first reminder: C2 again, and C3 (due since day 2) in the same digest
    await run();
    const bob = sent.filter((s) => s.to === 'bob');
    expect(bob).toHaveLength(2);
    expect(replyText(bob[1]!.reply)).toMatch(/C2[\s\S]*C3/);
  });

  it('catches up after downtime with one digest per person, not a burst', async () => {
    later(10);
    await run();
    expect(sent.map((s) => s.to).sort()).toEqual(['alice', 'bob']);
    const bob = replyText(sent.find((s) => s.to === 'bob')!.reply);
    expect(bob).toContain('2 predictions are ready to resolve');
    expect(bob.indexOf('C2')).toBeLessThan(bob.indexOf('C3'));
  });

  it('stops once the claim is resolved with the reminder’s button, and waits when snoozed', async () => {
    later(10);
    await run();
    const resolved = await bot.interact('claim:resolve:2:true', undefined, { actor: BOB });
    expect(replyText(resolved)).toContain('Resolved C2: true');
    await bot.run('/remind snooze C3 "in 30 days"', { actor: BOB });
    expect(replyText(await bot.run('/remind snooze C1 "in 30 days"', { actor: BOB }))).toMatch(/Only alice, who wrote C1, or a moderator/);
    sent.length = 0;
    later(17.01);
    await run();
    expect(sent.map((s) => s.to)).toEqual(['alice']);
    later(41);
    await run();
    expect(replyText(sent.filter((s) => s.to === 'bob').at(-1)!.reply)).toContain('C3');
    expect(sent.filter((s) => s.to === 'bob').map((s) => replyText(s.reply)).join()).not.toContain('C2');
  });

  it('refuses a snooze to an unreadable or past time, naming the option', async () => {
    expect(replyText(await bot.run('/remind snooze C1 blorp'))).toMatch(/until: "blorp" is not a time I understand/);
    expect(replyText(await bot.run('/remind snooze C1 2020-01-01'))).toMatch(/until: 2020-01-01 is in the past/);
  });

  it('runs once across instances, and a restart between queueing and sending sends each digest once', async () => {
    const other: { to: string; reply: Reply }[] = [];
    const second = createServices(loadConfig({ DATABASE_PATH: bot.dbPath }), { log: silentLogger, clock: () => now });
    second.chats.set('console', recordingChat(other));
    try {
      later(10);
      // Instance A holds the lease and queues, then dies before sending.
      expect(await queueDueReminders(bot.services, 'instance-a')).toBe(2);
      // B may not queue while A's lease lasts, but sends what A queued.
      expect(await queueDueReminders(second, 'instance-b')).toBe(0);
      expect(await sendQueuedDigests(second, 'instance-b')).toBe(2);
      // A comes back and runs again: nothing is sent twice.
      await run(bot.services, 'instance-a');
      expect(sent).toEqual([]);
      expect(other.map((s) => s.to).sort()).toEqual(['alice', 'bob']);
    } finally {
      await second.store.close();
    }
  });

  it('retries a digest whose sending failed, once the platform is back, still once', async () => {
    bot.services.chats.set('console', recordingChat(sent, true));
    later(10);
    await run();
    expect(sent).toEqual([]);
    bot.services.chats.set('console', recordingChat(sent));
    now = new Date(now.getTime() + 61_000);
    await run();
    await run();
    expect(sent.map((s) => s.to).sort()).toEqual(['alice', 'bob']);
  });
});

describe('reminders before a poll closes, and to the moderators', () => {
  const posts: { channel: string; reply: Reply }[] = [];
  const chatWithPosts = (): ChatPort => ({
    ...recordingChat(sent),
    post: async (channel, reply) => {
      posts.push({ channel, reply });
      return { platform: 'console', channel, id: 'posted' };
    },
  });
  const runPolls = async (services: Services = bot.services, holder = 'instance-a') => {
    await queueClosingReminders(services, holder);
    await sendClosingReminders(services, holder);
  };

  it('posts a count of non-voters in the channel (no names), nudges who asked, once, and nothing after a restart', async () => {
    posts.length = 0;
    bot.services.chats.set('console', chatWithPosts());
    await bot.run('/config nudges:on', { actor: BOB });
    await bot.run('/poll C1 closes:"in 3 days"');
    await bot.run('/credence C1 60'); // alice votes; bob (a credence in the debate) has not
    await runPolls();
    expect(posts).toEqual([]);
    later(2.01); // a day before it closes
    expect(await queueClosingReminders(bot.services, 'instance-a')).toBe(2);
    // A restart before sending: the second run queues nothing new and sends each once.
    await runPolls(bot.services, 'instance-a');
    await runPolls(bot.services, 'instance-a');
    expect(posts).toHaveLength(1);
    const text = replyText(posts[0]!.reply);
    expect(text).toContain('P1');
    expect(text).toContain('1 voted, 1 person has not voted yet');
    expect(text).not.toContain('bob');
    const nudges = sent.filter((s) => replyText(s.reply).includes('not voted in'));
    expect(nudges.map((s) => s.to)).toEqual(['bob']);
  });

  it('a poll past its closing time after downtime gets no reminder', async () => {
    posts.length = 0;
    bot.services.chats.set('console', chatWithPosts());
    await bot.run('/poll C1 closes:"in 3 days"');
    later(10);
    await runPolls();
    expect(posts).toEqual([]);
  });

  it('sends the claim digest to the moderators as well, in one digest per person', async () => {
    await bot.run('/config moderators:mo', { actor: { id: 'local-operator', name: 'operator', isModerator: true } });
    later(10);
    await run();
    expect(sent.map((s) => s.to).sort()).toEqual(['alice', 'bob', 'mo']);
    const mo = replyText(sent.find((s) => s.to === 'mo')!.reply);
    expect(mo).toMatch(/C1[\s\S]*C2|C2[\s\S]*C1/);
    expect(mo).toContain('C3');
  });
});
