import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadConfig } from '../../../src/config.ts';
import { openStore } from '../../../src/storage/index.ts';
import { rows } from '../../support/rows.ts';
import { FakeDiscord, GUILD_ID } from './fake-discord.ts';
import { bodyText, discordKeyPair } from './discord-bot.ts';
import { slashCommand } from './payloads.ts';

const ROOT = join(import.meta.dirname, '../../..');
let fake: FakeDiscord;
let dir: string;
let child: ChildProcess | undefined;
beforeEach(async () => {
  fake = await new FakeDiscord().start();
  dir = mkdtempSync(join(tmpdir(), 'cruxbot-start-'));
});
afterEach(async () => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** `npm start` (node --import tsx src/main.ts) with the settings, pointed at the fake. */
function start(env: Record<string, string> = {}) {
  const proc = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: dir,
      DATABASE_PATH: join(dir, 'cruxbot.db'),
      DISCORD_TOKEN: 'x',
      DISCORD_APPLICATION_ID: '1',
      DISCORD_API_URL: `http://127.0.0.1:${fake.port}/api`,
      PORT: '0',
      HOST: '127.0.0.1',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child = proc;
  const output = { out: '', err: '' };
  proc.stdout!.on('data', (d) => (output.out += d));
  proc.stderr!.on('data', (d) => (output.err += d));
  const exited = new Promise<number | null>((resolve) => proc.on('close', (code) => resolve(code)));
  return { proc, output, exited };
}

// Each test starts Node; the ceiling is generous for a loaded machine, and nothing is timed.
describe('npm start with DISCORD_TOKEN set', { timeout: 60_000 }, () => {
  it('logs in to the gateway at DISCORD_API_URL with the Guilds intent only, answers, and shuts down cleanly on SIGTERM', async () => {
    const { proc, output, exited } = start();
    await expect.poll(() => output.err, { timeout: 45_000 }).toContain('Discord: logged in');
    expect(fake.identifies).toHaveLength(1);
    expect(fake.identifies[0]).toMatchObject({ token: 'x', intents: 1 });
    expect(output.err).not.toContain('"x"');

    const debate = slashCommand('debate', 'new', { slug: 'goal-drift', title: 'Does misalignment grow?' });
    fake.interaction(debate.payload);
    expect(bodyText((await fake.callback(debate.id)).body.data)).toContain('Does misalignment grow?');
    const claim = slashCommand('claim', 'add', { text: 'Values crystallize late in training' });
    fake.interaction(claim.payload);
    expect((await fake.callback(claim.id)).body.data.embeds[0].title).toBe('C1 · open');

    // The process's one HTTP server runs in the gateway mode too: a load balancer can ask whether it is up.
    await expect.poll(() => output.err, { timeout: 10_000 }).toContain('cruxbot is running');
    const port = Number(/http on 127\.0\.0\.1 port (\d+) \(GET \/health, GET \/ready, GET \/d\/\*\)/.exec(output.err)?.[1]);
    expect(port).toBeGreaterThan(0);
    const health = await fetch(`http://127.0.0.1:${port}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', platforms: ['discord'], database: { ok: true } });
    expect(await (await fetch(`http://127.0.0.1:${port}/ready`)).json()).toEqual({ ready: true });
    expect((await fetch(`http://127.0.0.1:${port}/slack/events`, { method: 'POST' })).status).toBe(404);

    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(output.err).toContain('shutting down');
    expect(output.err).toContain('Discord: disconnected');
    // What the stopped bot left in its file, read through the store's port.
    const store = openStore(join(dir, 'cruxbot.db'));
    expect((await rows(store, 'claims')).map(({ workspace, text }) => ({ workspace, text }))).toEqual([
      { workspace: `discord:${GUILD_ID}`, text: 'Values crystallize late in training' },
    ]);
    await store.close();
  });

  it('with DISCORD_PUBLIC_KEY, serves interactions over HTTP on PORT instead of opening the gateway', async () => {
    const keys = discordKeyPair();
    const { proc, output, exited } = start({ DISCORD_PUBLIC_KEY: keys.publicKeyHex });
    await expect.poll(() => output.err, { timeout: 45_000 }).toContain('cruxbot is running');
    expect(output.err).toMatch(/discord: HTTP interactions for cruxbot \d+ \(POST \/discord\/interactions\)/);
    expect(fake.identifies).toHaveLength(0);
    const port = Number(/http on 127\.0\.0\.1 port (\d+)/.exec(output.err)?.[1]);
    const ping = JSON.stringify({ id: '1', token: 't', type: 1, application_id: '1', version: 1 });
    const pong = await fetch(`http://127.0.0.1:${port}/discord/interactions`, { method: 'POST', headers: keys.sign(ping), body: ping });
    expect(await pong.json()).toEqual({ type: 1 });
    const debate = slashCommand('debate', 'new', { slug: 'goal-drift', title: 'Does misalignment grow?' });
    const body = JSON.stringify(debate.payload);
    expect((await fetch(`http://127.0.0.1:${port}/discord/interactions`, { method: 'POST', headers: keys.sign(body), body })).status).toBe(
      202,
    );
    expect(bodyText((await fake.callback(debate.id)).body.data)).toContain('Does misalignment grow?');
    proc.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('a token Discord refuses stops start-up with a sentence, not a stack trace', async () => {
    fake.override((r) => (r.path === '/gateway/bot' ? { status: 401, body: { message: '401: Unauthorized', code: 0 } } : undefined));
    const { output, exited } = start();
    expect(await exited).toBe(1);
    expect(output.err).toContain('Discord refused DISCORD_TOKEN');
    expect(output.err).not.toMatch(/at .*\.(ts|js):\d+/);
  });
});

describe('the Discord settings', () => {
  it('refuse a token too short to be real, unless DISCORD_API_URL points at a fake or proxy', () => {
    expect(() => loadConfig({ DISCORD_TOKEN: 'x', DISCORD_APPLICATION_ID: '1' })).toThrow(/DISCORD_TOKEN: looks too short/);
    expect(loadConfig({ DISCORD_TOKEN: 'x', DISCORD_APPLICATION_ID: '1', DISCORD_API_URL: 'http://127.0.0.1:9/api' }).DISCORD_TOKEN).toBe(
      'x',
    );
  });
});
