import { describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { defineCommand } from '../../src/core/command.ts';
import { runText } from '../../src/core/dispatch.ts';
import { RateLimiter } from '../../src/core/rate-limit.ts';
import { createRegistry } from '../../src/core/registry.ts';
import { notice } from '../../src/core/reply.ts';
import { createTestBot, replyText } from '../support/harness.ts';

describe('rate limits', () => {
  it('allows the limit in a window, then says when to retry, per person and per workspace', async () => {
    let now = 0;
    const limiter = new RateLimiter({ perUser: { count: 2, windowMs: 60_000 }, perWorkspace: { count: 3, windowMs: 60_000 } }, () => now);
    expect((await limiter.take('w', 'ana', 'map')).ok).toBe(true);
    now = 10_000;
    expect((await limiter.take('w', 'ana', 'map')).ok).toBe(true);
    expect(await limiter.take('w', 'ana', 'map')).toEqual({ ok: false, retryInMs: 50_000, scope: 'you' });
    expect((await limiter.take('w', 'ana', 'drift')).ok).toBe(true); // another command has its own budget
    expect((await limiter.take('w', 'ben', 'map')).ok).toBe(true);
    expect(await limiter.take('w', 'cat', 'map')).toEqual({ ok: false, retryInMs: 50_000, scope: 'workspace' });
    expect((await limiter.take('other', 'cat', 'map')).ok).toBe(true);
    now = 60_001;
    expect((await limiter.take('w', 'ana', 'map')).ok).toBe(true);
  });

  it('dispatch refuses an expensive command over the limit with a message, and runs cheap ones freely', async () => {
    const bot = createTestBot();
    let runs = 0;
    const costly = defineCommand({
      name: 'costly',
      description: 'Expensive',
      expensive: true,
      options: [] as const,
      handler: () => {
        runs++;
        return notice('done');
      },
    });
    const cheap = defineCommand({ name: 'cheap', description: 'Cheap', options: [] as const, handler: () => notice('cheap') });
    const request = {
      actor: { id: 'ana', name: 'ana' },
      workspace: 'local',
      channel: { id: 'c' },
      platform: 'test',
      services: {
        ...bot.services,
        limiter: new RateLimiter({ perUser: { count: 2, windowMs: 60_000 }, perWorkspace: { count: 10, windowMs: 60_000 } }),
      },
      commands: createRegistry([costly, cheap]),
    };
    try {
      await runText('/costly', request);
      await runText('/costly', request);
      const third = await runText('/costly', request);
      expect(replyText(third)).toMatch(/You have run \/costly several times in the last minute; try \/costly again in \d+ s\./);
      expect(runs).toBe(2);
      for (let i = 0; i < 5; i++) expect(replyText(await runText('/cheap', request))).toBe('cheap');
    } finally {
      await bot.close();
    }
  });
});

describe('the expensive commands', () => {
  it('a member who runs /map seven times in a minute is told when to try again; others are not', async () => {
    const bot = createTestBot({ limiter: new RateLimiter() });
    try {
      await bot.run('/debate new drift title:"Drift?"');
      await bot.run('/claim add A claim');
      for (let i = 0; i < 6; i++) expect(replyText(await bot.run('/map format:text'))).toContain('A claim');
      expect(replyText(await bot.run('/map format:text'))).toMatch(/try \/map again in \d+ s/);
      expect(replyText(await bot.run('/map format:text', { actor: { id: 'bob', name: 'bob' } }))).toContain('A claim');
      expect(replyText(await bot.run('/claim show C1'))).toContain('A claim');
    } finally {
      await bot.close();
    }
  });

  it('are the picture, simulation, summary and opinion-group commands', () => {
    const expensive = createRegistry(COMMANDS)
      .leaves()
      .filter((leaf) => leaf.expensive)
      .map((leaf) => `/${leaf.command}${leaf.subcommand ? ` ${leaf.subcommand}` : ''}`);
    expect(expensive).toEqual(['/map', '/groups', '/summarize', '/capture thread', '/drift run', '/drift compare', '/drift sweep', '/drift show']);
  });
});
