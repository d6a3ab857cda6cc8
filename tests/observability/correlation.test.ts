import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { afterEach, describe, expect, it } from 'vitest';
import { COMMANDS } from '../../commands/index.ts';
import { loadConfig } from '../../src/config.ts';
import { defineCommand } from '../../src/core/command.ts';
import { createLogger } from '../../src/core/logger.ts';
import { createRegistry } from '../../src/core/registry.ts';
import type { Reply } from '../../src/core/reply.ts';
import { ConsoleSession } from '../../src/platforms/console/session.ts';
import { startDiscord } from '../../src/platforms/discord/start.ts';
import { startSlackBot } from '../../src/platforms/slack/app.ts';
import { createServices, type Services } from '../../src/services.ts';
import { bodyText } from '../platforms/discord/discord-bot.ts';
import { APP_ID, FakeDiscord } from '../platforms/discord/fake-discord.ts';
import { slashCommand } from '../platforms/discord/payloads.ts';
import { FakeSlack } from '../platforms/slack/support/fake-slack.ts';
import { slashCommandForm } from '../platforms/slack/support/payloads.ts';
import { postSigned, SIGNING_SECRET } from '../platforms/slack/support/signing.ts';

/** A handler with a bug in it: what a person sees, and what the log says, when a command fails. */
const broken = defineCommand({
  name: 'broken',
  description: 'Fails as a bug would',
  options: [] as const,
  handler(): Reply {
    throw new TypeError('cannot read properties of undefined');
  },
});
const registry = createRegistry([...COMMANDS, broken]);

type LogLine = Record<string, any>;

/** Services over a fresh database whose log (at trace, as an operator chasing a bug would set it) is kept. */
function servicesWithLogs(extra: Record<string, string> = {}): { services: Services; lines: LogLine[]; dispose(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'cruxbot-cid-'));
  const lines: LogLine[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      for (const raw of String(chunk).split('\n')) if (raw.trim()) lines.push(JSON.parse(raw) as LogLine);
      done();
    },
  });
  const services = createServices(loadConfig({ DATABASE_PATH: join(dir, 'cruxbot.db'), ...extra }), { log: createLogger('trace', stream) });
  return {
    services,
    lines,
    async dispose() {
      await services.store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The id in "Something went wrong (id `…`)". */
function shownId(text: string): string {
  const id = /Something went wrong \(id `?([0-9a-f]{8})`?\)/.exec(text)?.[1];
  expect(id, `no id in: ${text}`).toBeDefined();
  return id!;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

describe('one correlation id per interaction, from the adapter to the person', () => {
  it('on Slack: the request, the failure and the Web API calls of its reply are all logged with the id the person is shown', async () => {
    const fake = await FakeSlack.start();
    cleanups.push(() => fake.close());
    const { services, lines, dispose } = servicesWithLogs();
    cleanups.push(dispose);
    const slack = await startSlackBot({
      services,
      registry,
      botToken: 'xoxb-test-token',
      connection: { mode: 'http', signingSecret: SIGNING_SECRET, port: 0, host: '127.0.0.1' },
      apiUrl: fake.apiUrl,
      retries: 0,
    });
    cleanups.push(() => slack.stop());
    const url = `http://127.0.0.1:${slack.port}/slack/events`;

    const failing = slashCommandForm({ command: '/broken', text: '', responseUrl: fake.responseUrl('r-broken') });
    expect((await postSigned(url, { body: failing })).status).toBe(200);
    const apology = await fake.waitFor('response_url');
    const id = shownId(JSON.stringify(apology.body));

    const ofRequest = lines.filter((l) => l.cid === id);
    expect(ofRequest.map((l) => l.msg)).toEqual(expect.arrayContaining(['slack: request', 'handler failed']));
    expect(ofRequest.find((l) => l.msg === 'handler failed')).toMatchObject({ workspace: 'slack:T111', err: { type: 'TypeError' } });

    // A command that works: the Web API client's own lines (Bolt's logger) carry the request's id too.
    const working = slashCommandForm({
      command: '/debate',
      text: 'new slug:drift title:"Does drift grow?"',
      responseUrl: fake.responseUrl('r2'),
    });
    expect((await postSigned(url, { body: working })).status).toBe(200);
    await fake.waitFor('chat.postMessage');
    const request = lines.find((l) => l.msg === 'slack: request' && l.what === '/debate')!;
    const apiLines = lines.filter((l) => l.component === 'bolt' && /chat\.postMessage/.test(l.msg));
    expect(apiLines.length).toBeGreaterThan(0);
    expect(new Set(apiLines.map((l) => l.cid))).toEqual(new Set([request.cid]));
    expect(request.cid).not.toBe(id);
    expect(lines.find((l) => l.msg === 'handled' && l.cid === request.cid)).toMatchObject({ label: '/debate' });
  });

  it('on Discord: the interaction and the failure are logged with the id in the private reply', async () => {
    const fake = await new FakeDiscord().start();
    cleanups.push(() => fake.stop());
    const { services, lines, dispose } = servicesWithLogs({
      DISCORD_TOKEN: 'test-token-not-a-secret',
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: fake.apiUrl,
    });
    cleanups.push(dispose);
    const discord = await startDiscord(services, registry, { deferAfterMs: 60_000 });
    cleanups.push(() => discord.stop());

    const sent = slashCommand('broken', undefined);
    fake.interaction(sent.payload);
    const callback = await fake.callback(sent.id);
    expect(callback.body.data.flags & 64).toBe(64);
    const id = shownId(bodyText(callback.body.data));

    const ofInteraction = lines.filter((l) => l.cid === id);
    expect(ofInteraction.map((l) => l.msg)).toEqual(expect.arrayContaining(['interaction', 'handler failed']));
    expect(ofInteraction.find((l) => l.msg === 'handler failed')).toMatchObject({ platform: 'discord', err: { type: 'TypeError' } });
  });

  it('in the console: the failure is logged with the id printed to the person', async () => {
    const { services, lines, dispose } = servicesWithLogs();
    cleanups.push(dispose);
    const printed: string[] = [];
    const session = new ConsoleSession(services, registry, { id: 'ana', name: 'ana' }, { color: false, width: 100 }, (t) =>
      printed.push(t),
    );

    await session.run('/broken');

    const id = shownId(printed.join('\n'));
    expect(lines.find((l) => l.msg === 'handler failed')).toMatchObject({ cid: id, platform: 'console', err: { type: 'TypeError' } });
  });
});
