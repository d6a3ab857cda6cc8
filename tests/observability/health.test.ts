import { openRaw } from '../support/db-state.ts';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkHealth } from '../../src/health.ts';
import { latestSchemaVersion } from '../../src/storage/sqlite/database.ts';
import { createTestBot, type TestBot } from '../support/harness.ts';
import { startSlackTestBed, type SlackTestBed } from '../platforms/slack/support/test-bed.ts';

const { version } = JSON.parse(readFileSync(join(import.meta.dirname, '../../package.json'), 'utf8')) as { version: string };

let bed: SlackTestBed | undefined;
let bot: TestBot | undefined;
afterEach(async () => {
  await bed?.close();
  await bot?.close();
  bed = bot = undefined;
});

describe('GET /health on the Slack HTTP port', () => {
  it('says the bot is up: status, version, uptime, the platforms serving, work in flight, and a database read', async () => {
    bed = await startSlackTestBed();
    const response = await fetch(bed.eventsUrl.replace('/slack/events', '/health'));

    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/json');
    expect(response.headers.get('cache-control')).toBe('no-store');
    const body = (await response.json()) as Record<string, unknown>;
    expect(body).toEqual({
      status: 'ok',
      version,
      uptimeSeconds: expect.any(Number),
      platforms: ['slack'],
      inFlight: 0,
      database: { ok: true, schema: latestSchemaVersion() },
    });
    // A public port: nothing about where the data lives or how the bot signs in.
    const raw = JSON.stringify(body);
    expect(raw).not.toContain(bed.bot.dbPath);
    expect(raw).not.toMatch(/xoxb|secret|T111/);
  });
});

describe('the health report', () => {
  it('is 503 "stopping" once a shutdown has begun, so a load balancer stops sending work', async () => {
    bot = createTestBot();
    await bot.services.inflight.drain(1_000);
    expect(await checkHealth(bot.services)).toMatchObject({ httpStatus: 503, report: { status: 'stopping', database: { ok: true } } });
  });

  it('is 503 "degraded" when the database cannot be read, and says why without a path', async () => {
    bot = createTestBot();
    await bot.services.store.close();
    expect(await checkHealth(bot.services)).toMatchObject({
      httpStatus: 503,
      report: { status: 'degraded', database: { ok: false, error: 'closed' } },
    });
  });

  it('is 503 "degraded" when the database file is not at the schema this bot expects (swapped under it)', async () => {
    bot = createTestBot();
    openRaw(bot.services.store).pragma(`user_version = ${latestSchemaVersion() + 1}`);
    expect((await checkHealth(bot.services)).report.database).toEqual({
      ok: false,
      error: `schema ${latestSchemaVersion() + 1}, expected ${latestSchemaVersion()}`,
    });
  });

  it('names the chat platforms serving, not the console', async () => {
    bot = createTestBot();
    const port = { platform: 'x', post: async () => ({ platform: 'x', channel: 'c', id: '1' }), update: async () => {} };
    bot.services.chats.set('discord', port);
    bot.services.chats.set('console', port);
    expect((await checkHealth(bot.services)).report.platforms).toEqual(['discord']);
  });
});
