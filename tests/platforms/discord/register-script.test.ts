import { COMMANDS } from '../../../commands/index.ts';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { APP_ID, FakeDiscord, GUILD_ID } from './fake-discord.ts';

const ROOT = join(import.meta.dirname, '../../..');
let fake: FakeDiscord;
let dir: string;
beforeEach(async () => {
  fake = await new FakeDiscord().start();
  dir = mkdtempSync(join(tmpdir(), 'cruxbot-register-'));
});
afterEach(async () => {
  await fake.stop();
  rmSync(dir, { recursive: true, force: true });
});

/** `npm run discord:register` as a user runs it (the script behind it, so the test needs no npm). */
function register(env: Record<string, string>, args: string[] = []): Promise<{ code: number | null; out: string; err: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/platforms/discord/register.ts', ...args], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: dir, DATABASE_PATH: join(dir, 'cruxbot.db'), ...env },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => (out += d));
  child.stderr.on('data', (d) => (err += d));
  return new Promise((resolve) => child.on('close', (code) => resolve({ code, out, err })));
}

const env = () => ({ DISCORD_TOKEN: 'register-token-123', DISCORD_APPLICATION_ID: APP_ID, DISCORD_API_URL: fake.apiUrl });

// Each test starts a Node process; the ceiling is generous for a loaded machine, and nothing is timed.
describe('npm run discord:register', { timeout: 60_000 }, () => {
  it('registers in one server when DISCORD_GUILD_ID is set', async () => {
    const { code, out } = await register({ ...env(), DISCORD_GUILD_ID: GUILD_ID });
    expect(code).toBe(0);
    const put = fake.requests.find((r) => r.method === 'PUT')!;
    expect(put.path).toBe(`/applications/${APP_ID}/guilds/${GUILD_ID}/commands`);
    expect(put.auth).toBe('Bot register-token-123');
    expect(put.body.map((c: any) => c.name)).toEqual([...COMMANDS.map((c) => c.name), 'Capture as claim']);
    expect(out).toContain(`Registered ${COMMANDS.length} slash commands in server ${GUILD_ID}; they work there now.`);
    expect(out).toContain('“Capture as claim”');
  });

  it('registers globally otherwise, and says changes can take an hour', async () => {
    const { code, out } = await register(env());
    expect(code).toBe(0);
    expect(fake.requests.find((r) => r.method === 'PUT')!.path).toBe(`/applications/${APP_ID}/commands`);
    expect(out).toMatch(/globally; Discord can take up to an hour/);
  });

  it('explains a refused token, and a missing one, without a stack trace or the token', async () => {
    fake.override((r) => (r.method === 'PUT' ? { status: 401, body: { message: '401: Unauthorized', code: 0 } } : undefined));
    const refused = await register(env());
    expect(refused.code).toBe(1);
    expect(refused.err).toContain('Discord refused DISCORD_TOKEN');
    expect(refused.err).not.toContain('register-token-123');
    expect(refused.err).not.toMatch(/at .*\.ts:\d+/);

    const missing = await register({ DISCORD_API_URL: fake.apiUrl });
    expect(missing.code).toBe(1);
    expect(missing.err).toContain('Set DISCORD_TOKEN and DISCORD_APPLICATION_ID');
  });

  it('--print shows the JSON and sends nothing', async () => {
    const { code, out } = await register({}, ['--print']);
    expect(code).toBe(0);
    expect(JSON.parse(out).map((c: any) => c.name)).toContain('Capture as claim');
    expect(fake.requests).toEqual([]);
  });
});
