import { afterEach, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { runText } from '../../src/core/dispatch.ts';
import { RateLimiter } from '../../src/core/rate-limit.ts';
import { createRegistry } from '../../src/core/registry.ts';
import { BOB, createTestBot, isError, replyText, type TestBot } from '../support/harness.ts';

// Writes have a per-person limit too: adding claims and importing debates, like /map and /drift have theirs.

let bot: TestBot;
let now = new Date('2026-12-07T12:00:00Z');
const limiter = () =>
  new RateLimiter(
    {
      perUser: { count: 100, windowMs: 60_000 },
      perWorkspace: { count: 100, windowMs: 60_000 },
      writesPerUser: { claims: { count: 3, windowMs: 60_000 }, imports: { count: 1, windowMs: 60_000 } },
    },
    () => now.getTime(),
  );
afterEach(async () => await bot.close());

it('a fourth claim within the minute is refused with the retry time and stores nothing; others and later are fine', async () => {
  now = new Date('2026-12-07T12:00:00Z');
  bot = createTestBot({ clock: () => now, limiter: limiter() });
  await bot.run('/debate new slug:d title:"Drift"');
  for (const text of ['One', 'Two', 'Three']) expect(isError(await bot.run(`/claim add ${text}`))).toBe(false);
  now = new Date('2026-12-07T12:00:20Z');
  const refused = await bot.run('/claim add Four');
  expect(isError(refused)).toBe(true);
  expect(replyText(refused)).toMatch(
    /You have added claims 3 times in the last minute, the limit per person; nothing was stored\. Try \/claim add again in 40 s\./,
  );
  const debate = await bot.services.store.debates.require('local', 'd');
  expect(await bot.services.store.claims.countInDebate(debate.id)).toBe(3);
  expect(isError(await bot.run('/claim add Bob’s claim', { actor: BOB }))).toBe(false); // per person
  expect(isError(await bot.run('/map format:text'))).toBe(false); // reading is not a write
  now = new Date('2026-12-07T12:01:00.001Z');
  expect(isError(await bot.run('/claim add Four'))).toBe(false);
});

it('a second import within the minute is refused and imports nothing', async () => {
  now = new Date('2026-12-07T12:00:00Z');
  bot = createTestBot({ clock: () => now, limiter: limiter() });
  const argdown = (title: string) => `# ${title}\n\n[A]: First claim.\n  + [B]: Second claim.\n`;
  const run = (line: string, name: string, text: string) =>
    runText(
      line,
      {
        actor: { id: 'alice', name: 'alice' },
        workspace: 'local',
        channel: { id: 'general' },
        platform: 'test',
        services: bot.services,
        commands: createRegistry(COMMANDS),
      },
      { readAttachment: () => ({ name, data: new TextEncoder().encode(text) }) },
    );
  expect(isError(await run('/debate import one.argdown slug:one', 'one.argdown', argdown('One')))).toBe(false);
  const refused = await run('/debate import two.argdown slug:two', 'two.argdown', argdown('Two'));
  expect(replyText(refused)).toMatch(
    /You have imported debates 1 time in the last minute, the limit per person; nothing was stored\. Try \/debate import again in 60 s\./,
  );
  expect(await bot.services.store.debates.bySlug('local', 'two')).toBeUndefined();
});

it('the write limits come from the configuration, count in the store, and refuse a bad value by name', async () => {
  const { loadConfig } = await import('../../src/config.ts');
  const { createServices } = await import('../../src/services.ts');
  const { mkdtempSync } = await import('node:fs');
  const { tmpdir } = await import('node:os');
  const { join } = await import('node:path');
  expect(() => loadConfig({ CRUXBOT_CLAIM_ADDS_PER_MINUTE: 'lots' })).toThrow(/CRUXBOT_CLAIM_ADDS_PER_MINUTE/);
  const config = loadConfig({
    DATABASE_PATH: join(mkdtempSync(join(tmpdir(), 'cruxbot-limit-')), 'db.sqlite'),
    CRUXBOT_CLAIM_ADDS_PER_MINUTE: '2',
  });
  expect([config.CRUXBOT_CLAIM_ADDS_PER_MINUTE, config.CRUXBOT_IMPORTS_PER_MINUTE]).toEqual([2, 5]);
  const services = createServices(config, { clock: () => now });
  bot = { close: async () => await services.store.close() } as TestBot;
  expect((await services.limiter.takeWrite('w', 'ana', 'claims')).ok).toBe(true);
  expect((await services.limiter.takeWrite('w', 'ana', 'claims')).ok).toBe(true);
  expect(await services.limiter.takeWrite('w', 'ana', 'claims')).toMatchObject({ ok: false, scope: 'you' });
  // Counted in the database: a second instance on the same store sees the same window.
  const again = createServices(config, { clock: () => now, store: services.store });
  expect((await again.limiter.takeWrite('w', 'ana', 'claims')).ok).toBe(false);
  expect((await again.limiter.takeWrite('w', 'ana', 'imports')).ok).toBe(true);
});
