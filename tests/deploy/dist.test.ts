import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { buildDist, PROJECT_ROOT, type BuiltDist } from '../../src/tools/build/dist.ts';
import { bodyText, discordKeyPair } from '../platforms/discord/discord-bot.ts';
import { FakeDiscord } from '../platforms/discord/fake-discord.ts';
import { slashCommand } from '../platforms/discord/payloads.ts';

/**
 * The compiled bot, as the Dockerfile and the systemd unit run it: `npm run build`'s output started with
 * plain `node`, no loader. The build goes to a temporary folder whose node_modules links every installed
 * package except the TypeScript toolchain (tsx, esbuild, typescript, vitest), so a module that still needed
 * one could not be found.
 */
const HIDDEN_PACKAGES = new Set(['tsx', 'esbuild', '@esbuild', 'typescript', 'vitest', '@vitest', 'vite', '.bin']);
const { version } = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string };

let root: string;
let built: BuiltDist;
let work: string;
let children: ChildProcess[] = [];

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'cruxbot-dist-'));
  // Without the type check (npm test's tsc --noEmit has checked these very sources): the same files, sooner.
  built = await buildDist(join(root, 'dist'), { typeCheck: false });
  mkdirSync(join(root, 'node_modules'));
  for (const name of readdirSync(join(PROJECT_ROOT, 'node_modules'))) {
    if (!HIDDEN_PACKAGES.has(name)) symlinkSync(join(PROJECT_ROOT, 'node_modules', name), join(root, 'node_modules', name));
  }
}, 120_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  children = [];
  if (work) rmSync(work, { recursive: true, force: true });
});

/** `node <script>` from the compiled folder, with only the settings given (no .env, no NODE_OPTIONS). */
function runCompiled(script: string, args: string[], env: Record<string, string>, stdin?: string) {
  work = mkdtempSync(join(tmpdir(), 'cruxbot-dist-run-'));
  const proc = spawn(process.execPath, [script, ...args], {
    cwd: work,
    env: { PATH: process.env.PATH ?? '', HOME: work, DATABASE_PATH: join(work, 'cruxbot.db'), ...env },
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  children.push(proc);
  const output = { out: '', err: '' };
  proc.stdout!.on('data', (d) => (output.out += d));
  proc.stderr!.on('data', (d) => (output.err += d));
  if (stdin === undefined) proc.stdin!.end();
  else proc.stdin!.end(stdin);
  const exited = new Promise<number | null>((resolve) => proc.on('close', (code) => resolve(code)));
  return { proc, output, exited };
}

describe('npm run build', () => {
  it('emits plain JavaScript for src/, commands/ and bin/, with the package.json and demo data the code reads beside it', () => {
    expect(existsSync(built.main)).toBe(true);
    expect(existsSync(built.cli)).toBe(true);
    expect(existsSync(join(built.outDir, 'commands', 'index.js'))).toBe(true);
    expect(JSON.parse(readFileSync(join(built.outDir, 'package.json'), 'utf8'))).toMatchObject({ version, type: 'module' });
    expect(existsSync(join(built.outDir, 'data', 'demo', 'sample-debates.json'))).toBe(true);
    const main = readFileSync(built.main, 'utf8');
    expect(main).toContain('from "../commands/index.js"');
    expect(main).not.toMatch(/from ["'][^"']+\.ts["']/);
  });

  it('refuses to empty a folder that is not a build: the project itself, or one with other files in it', async () => {
    await expect(buildDist(PROJECT_ROOT, { typeCheck: false })).rejects.toThrow(/refusing to build into/);
    await expect(buildDist(join(PROJECT_ROOT, 'src'), { typeCheck: false })).rejects.toThrow(/refusing to build into/);
    expect(existsSync(join(PROJECT_ROOT, 'src', 'main.ts'))).toBe(true);
  });
});

describe('the compiled bot, started with plain node', { timeout: 60_000 }, () => {
  it('console: answers commands piped on stdin, draws a crux map (fonts and Graphviz found from dist/), and exits 0', async () => {
    const input = ['/debate new slug:goal-drift title:"Does misalignment grow?"', '/claim add text:"Values crystallize late"', '/map', ''];
    const { output, exited } = runCompiled(built.main, [], {}, input.join('\n'));
    expect(await exited).toBe(0);
    expect(output.out).toContain('Does misalignment grow?');
    expect(output.out).toContain('C1 · open');
    const saved = /Image saved: (\S+\.png)/.exec(output.out)?.[1];
    expect(saved && readFileSync(saved).subarray(1, 4).toString()).toBe('PNG');
    expect(output.err).toBe('');
  });

  it('dist/bin/cruxbot.js: `demo` loads the sample debates (read beside the code), then `run` answers from them', async () => {
    const demo = runCompiled(built.cli, ['demo'], {});
    expect(await demo.exited).toBe(0);
    expect(demo.output.out).toContain('Loaded reward-seeking: 8 claims');
    const db = join(work, 'cruxbot.db');
    const run = spawn(process.execPath, [built.cli, 'run', '/claim show C1'], {
      cwd: work,
      env: { PATH: process.env.PATH ?? '', HOME: work, DATABASE_PATH: db },
    });
    children.push(run);
    let out = '';
    run.stdout.on('data', (d) => (out += d));
    expect(await new Promise((resolve) => run.on('close', resolve))).toBe(0);
    expect(out).toContain('C1 · ');
  });

  it('Discord gateway mode against a fake Discord: GET /health and /ready answer, a slash command is answered, SIGTERM exits 0', async () => {
    const fake = await new FakeDiscord().start();
    try {
      const { proc, output, exited } = runCompiled(built.main, [], {
        DISCORD_TOKEN: 'x',
        DISCORD_APPLICATION_ID: '1',
        DISCORD_API_URL: fake.apiUrl,
        PORT: '0',
        HOST: '127.0.0.1',
      });
      await expect.poll(() => output.err, { timeout: 45_000 }).toContain('cruxbot is running');
      const port = Number(/http on 127\.0\.0\.1 port (\d+)/.exec(output.err)?.[1]);
      const health = await fetch(`http://127.0.0.1:${port}/health`);
      expect(health.status).toBe(200);
      expect(await health.json()).toMatchObject({ status: 'ok', version, platforms: ['discord'], database: { ok: true } });
      expect(await (await fetch(`http://127.0.0.1:${port}/ready`)).json()).toEqual({ ready: true });

      const debate = slashCommand('debate', 'new', { slug: 'goal-drift', title: 'Does misalignment grow?' });
      fake.interaction(debate.payload);
      expect(bodyText((await fake.callback(debate.id)).body.data)).toContain('Does misalignment grow?');
      expect(output.err).toContain('Discord: logged in');

      proc.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      await fake.stop();
    }
  });

  it('Discord HTTP interactions mode (DISCORD_PUBLIC_KEY): a signed PING gets PONG, an unsigned one 401', async () => {
    const fake = await new FakeDiscord().start();
    try {
      const keys = discordKeyPair();
      const { proc, output, exited } = runCompiled(built.main, [], {
        DISCORD_TOKEN: 'x',
        DISCORD_APPLICATION_ID: '1',
        DISCORD_API_URL: fake.apiUrl,
        DISCORD_PUBLIC_KEY: keys.publicKeyHex,
        PORT: '0',
        HOST: '127.0.0.1',
      });
      await expect.poll(() => output.err, { timeout: 45_000 }).toContain('cruxbot is running');
      const url = `http://127.0.0.1:${Number(/http on 127\.0\.0\.1 port (\d+)/.exec(output.err)?.[1])}/discord/interactions`;
      const ping = JSON.stringify({ id: '1', token: 't', type: 1, application_id: '1', version: 1 });
      expect(await (await fetch(url, { method: 'POST', headers: keys.sign(ping), body: ping })).json()).toEqual({ type: 1 });
      expect((await fetch(url, { method: 'POST', body: ping })).status).toBe(401);
      expect(fake.identifies).toHaveLength(0);
      proc.kill('SIGTERM');
      expect(await exited).toBe(0);
    } finally {
      await fake.stop();
    }
  });
});
