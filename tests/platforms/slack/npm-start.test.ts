import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FakeSlack } from './support/fake-slack.ts';
import { slashCommandForm, slashCommandPayload } from './support/payloads.ts';
import { postSigned, SIGNING_SECRET } from './support/signing.ts';

/** `npm start` as a user runs it (node --import tsx src/main.ts), against a fake Slack on 127.0.0.1. */
const ROOT = join(import.meta.dirname, '../../..');

interface Started {
  readonly child: ChildProcess;
  /** Resolves with the first JSON log line that matches. */
  logLine(test: (line: Record<string, any>) => boolean): Promise<Record<string, any>>;
  readonly exit: Promise<{ code: number | null; stderr: string }>;
}

let dir: string;
let fake: FakeSlack;
const children: ChildProcess[] = [];
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cruxbot-slack-start-'));
  fake = await FakeSlack.start();
});
afterEach(async () => {
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  await fake.close();
  rmSync(dir, { recursive: true, force: true });
});

function start(env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: dir, DATABASE_PATH: join(dir, 'cruxbot.db'), LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  const lines: Record<string, any>[] = [];
  const waiters: { test: (l: Record<string, any>) => boolean; resolve: (l: Record<string, any>) => void }[] = [];
  let stderr = '';
  createInterface({ input: child.stderr! }).on('line', (raw) => {
    stderr += `${raw}\n`;
    let line: Record<string, any>;
    try {
      line = JSON.parse(raw) as Record<string, any>;
    } catch {
      return;
    }
    lines.push(line);
    for (const waiter of waiters.splice(0)) waiter.test(line) ? waiter.resolve(line) : waiters.push(waiter);
  });
  const exit = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  return {
    child,
    exit,
    logLine: (test) => {
      const seen = lines.find(test);
      return seen ? Promise.resolve(seen) : new Promise((resolve) => waiters.push({ test, resolve }));
    },
  };
}

// Each test starts a Node process; on a loaded two-core machine that can take a while.
describe('npm start with Slack settings', { timeout: 60_000 }, () => {
  it('serves signed requests on PORT over HTTP, calls the Web API at SLACK_API_URL, and stops cleanly on SIGTERM', async () => {
    const bot = start({
      SLACK_BOT_TOKEN: 'xoxb-x',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
      HOST: '127.0.0.1',
    });
    const ready = await bot.logLine((l) => l.msg?.startsWith('slack: listening'));
    expect(ready).toMatchObject({ mode: 'http', team: 'T111', path: '/slack/events' });
    const url = `http://127.0.0.1:${ready.port}/slack/events`;
    expect(fake.callsTo('auth.test')[0]?.token).toBe('xoxb-x');

    const body = slashCommandForm({
      command: '/debate',
      text: 'new slug:goal-drift title:"Does drift grow?"',
      responseUrl: fake.responseUrl(),
    });
    expect((await postSigned(url, { body })).status).toBe(200);
    const post = await fake.waitFor('chat.postMessage');
    expect(post.body.text).toContain('Debate goal-drift');
    expect((await postSigned(url, { body, secret: 'wrong' })).status).toBe(401);
    expect((await fetch(`http://127.0.0.1:${ready.port}/health`)).status).toBe(200);

    bot.child.kill('SIGTERM');
    const { code, stderr } = await bot.exit;
    expect(code).toBe(0);
    expect(stderr).toContain('slack: stopped');
    expect(stderr).not.toContain('xoxb-x');
  });

  it('with SLACK_APP_TOKEN, connects by Socket Mode to the URL apps.connections.open returns', async () => {
    const bot = start({ SLACK_BOT_TOKEN: 'xoxb-x', SLACK_APP_TOKEN: 'xapp-1-test', SLACK_API_URL: fake.apiUrl });
    await bot.logLine((l) => l.msg === 'slack: connected by Socket Mode');
    expect(fake.callsTo('apps.connections.open')[0]?.token).toBe('xapp-1-test');
    const socket = await fake.nextSocket();
    socket.send(
      JSON.stringify({
        envelope_id: 'env-1',
        type: 'slash_commands',
        payload: slashCommandPayload({ command: '/help', text: '', responseUrl: fake.responseUrl() }),
        accepts_response_payload: true,
      }),
    );
    expect(await fake.waitForSocketMessage((m) => m.envelope_id === 'env-1')).toEqual({ envelope_id: 'env-1', payload: {} });
    const help = await fake.waitFor('response_url');
    expect(help.body.response_type).toBe('ephemeral');

    bot.child.kill('SIGTERM');
    expect((await bot.exit).code).toBe(0);
  });

  it('refuses to start with a token Slack rejects, saying which setting to fix', async () => {
    fake.on('auth.test', () => ({ ok: false, error: 'invalid_auth' }));
    const bot = start({
      SLACK_BOT_TOKEN: 'xoxb-revoked',
      SLACK_SIGNING_SECRET: 's',
      SLACK_API_URL: fake.apiUrl,
      PORT: '0',
      HOST: '127.0.0.1',
    });
    const { code, stderr } = await bot.exit;
    expect(code).toBe(1);
    expect(stderr).toContain('Slack refused SLACK_BOT_TOKEN (invalid_auth)');
    expect(stderr).not.toMatch(/at .*\.ts:\d+/);
    expect(stderr).not.toContain('xoxb-revoked');
  });
});
