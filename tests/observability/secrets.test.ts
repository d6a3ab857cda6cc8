import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { APP_ID, FakeDiscord } from '../platforms/discord/fake-discord.ts';
import { slashCommand } from '../platforms/discord/payloads.ts';
import { FakeSlack } from '../platforms/slack/support/fake-slack.ts';
import { slashCommandForm, slashCommandPayload } from '../platforms/slack/support/payloads.ts';
import { postSigned } from '../platforms/slack/support/signing.ts';

/**
 * `npm start` with every secret set, logging at trace (the most an operator can turn on), driven
 * through its platforms including failures; then every byte it wrote is searched for every secret.
 */
const ROOT = join(import.meta.dirname, '../..');

/** Distinct, random values: a match can only be a leak, never a coincidence. */
function secrets() {
  const hex = () => randomBytes(16).toString('hex');
  return {
    DISCORD_TOKEN: `discord-token-${hex()}`,
    SLACK_BOT_TOKEN: `xoxb-${hex()}`,
    SLACK_APP_TOKEN: `xapp-${hex()}`,
    SLACK_SIGNING_SECRET: `signing-${hex()}`,
    CRUXBOT_LLM_API_KEY: `sk-${hex()}`,
  };
}

/** Every secret, and the random half of each on its own (a token cut or re-encoded still leaks it). */
function leaksIn(output: string, values: Record<string, string>): string[] {
  return Object.entries(values).flatMap(([name, value]) =>
    [value, value.slice(-32), value.slice(-32, -16)].some((needle) => output.includes(needle)) ? [name] : [],
  );
}

interface Bot {
  readonly output: () => string;
  waitForLog(text: string): Promise<void>;
  stop(): Promise<number | null>;
}

const cleanups: (() => Promise<void> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

function startBot(env: Record<string, string>): Bot {
  const dir = mkdtempSync(join(tmpdir(), 'cruxbot-secrets-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/main.ts'], {
    cwd: ROOT,
    env: { PATH: process.env.PATH ?? '', HOME: dir, DATABASE_PATH: join(dir, 'cruxbot.db'), LOG_LEVEL: 'trace', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const listeners = new Set<() => void>();
  const take = (data: Buffer) => {
    output += String(data);
    for (const listener of listeners) listener();
  };
  child.stdout!.on('data', take);
  child.stderr!.on('data', take);
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  cleanups.push(() => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  });
  return {
    output: () => output,
    waitForLog: (text) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (output.includes(text)) {
            listeners.delete(check);
            resolve();
          }
        };
        listeners.add(check);
        void exited.then((code) => reject(new Error(`the bot exited (${code}) before logging "${text}":\n${output.slice(-3000)}`)));
        check();
      }),
    stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** An OpenAI-compatible endpoint that refuses every request (the bot falls back to its heuristics). */
async function failingModel(): Promise<{ url: string; authorizations: string[] }> {
  const authorizations: string[] = [];
  const server: Server = createServer((req, res) => {
    authorizations.push(req.headers.authorization ?? '');
    req.resume();
    res.writeHead(500, { 'content-type': 'application/json' }).end('{"error":{"message":"overloaded"}}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  cleanups.push(() => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/v1`, authorizations };
}

const THREAD = [
  {
    type: 'message',
    user: 'W111',
    text: 'I think goal drift grows with every serial step, because nobody checks the latent reasoning.',
    ts: '1700000001.000100',
  },
  {
    type: 'message',
    user: 'W222',
    text: 'No, value change is directable by training data; a little data corrects it.',
    ts: '1700000002.000100',
  },
  { type: 'message', user: 'W111', text: 'I think the crux is whether values crystallize late in training.', ts: '1700000003.000100' },
];

// Each test starts the bot as a process and logs it in to fakes; generous for a loaded two-core machine.
describe('no secret is ever logged', { timeout: 90_000 }, () => {
  it('with Discord, Slack over HTTP and a language model, at trace, through successes and failures', async () => {
    const values = secrets();
    const slack = await FakeSlack.start();
    cleanups.push(() => slack.close());
    slack.on('conversations.history', () => ({ ok: true, messages: [...THREAD].reverse(), has_more: false }));
    const discord = await new FakeDiscord().start();
    cleanups.push(() => discord.stop());
    const model = await failingModel();
    const { SLACK_APP_TOKEN: _socketModeOnly, ...http } = values;

    const bot = startBot({
      ...http,
      DISCORD_APPLICATION_ID: APP_ID,
      DISCORD_API_URL: discord.apiUrl,
      SLACK_API_URL: slack.apiUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      CRUXBOT_LLM_BASE_URL: model.url,
      CRUXBOT_LLM_MODEL: 'test-model',
    });
    await bot.waitForLog('cruxbot is running');
    expect(bot.output()).toMatch(
      /cruxbot is running · discord: logged in as cruxbot in 1 server \(Alignment reading group \d+\) · slack: HTTP \(POST \/slack\/events\), team Test Team \(T111\) · http on 127\.0\.0\.1 port \d+ \(GET \/health, GET \/ready, GET \/d\/\*, POST \/slack\/events\) · database .*cruxbot\.db \(schema \d+\)/,
    );
    const port = Number(/"port":(\d+)/.exec(bot.output())?.[1]);
    const events = `http://127.0.0.1:${port}/slack/events`;
    const sign = (command: string, text: string, id: string) => ({
      body: slashCommandForm({ command, text, responseUrl: slack.responseUrl(id) }),
      secret: values.SLACK_SIGNING_SECRET,
    });

    // Slack: a command that works, one the person got wrong, one with a forged signature, a summary
    // that asks the (failing) model, and one whose reply Slack refuses.
    expect((await postSigned(events, sign('/debate', 'new slug:drift title:"Does drift grow?"', 'r1'))).status).toBe(200);
    await slack.waitFor('chat.postMessage');
    expect((await postSigned(events, sign('/claim', 'show C999', 'r2'))).status).toBe(200);
    await slack.waitFor('response_url', (c) => JSON.stringify(c.body).includes('C999'));
    expect((await postSigned(events, { ...sign('/claim', 'show C1', 'r3'), secret: 'a-forged-secret' })).status).toBe(401);
    expect((await postSigned(events, sign('/summarize', '', 'r4'))).status).toBe(200);
    await slack.waitFor('chat.postMessage', (c) => JSON.stringify(c.body).includes('Thread summary'));
    expect(model.authorizations).toEqual([`Bearer ${values.CRUXBOT_LLM_API_KEY}`]);
    slack.on('chat.postMessage', () => ({ ok: false, error: 'fatal_error' }));
    expect((await postSigned(events, sign('/claim', 'add Values crystallize late in training', 'r5'))).status).toBe(200);
    await slack.waitFor('response_url', (c) => JSON.stringify(c.body).includes('Slack said fatal_error'));

    // Discord: a command that works, and one whose answer Discord refuses.
    const works = slashCommand('help', undefined);
    discord.interaction(works.payload);
    await discord.callback(works.id);
    discord.override((r) =>
      r.path.endsWith('/callback') ? { status: 400, body: { message: 'Invalid Form Body', code: 50035 } } : undefined,
    );
    const refused = slashCommand('claim', 'show', { claim: 'C999' });
    discord.interaction(refused.payload);
    await bot.waitForLog('Discord interaction failed');

    expect(await bot.stop()).toBe(0);
    const output = bot.output();
    // The secrets were in use: the fakes saw them, and the log is at its most detailed.
    expect(slack.callsTo('auth.test')[0]?.token).toBe(values.SLACK_BOT_TOKEN);
    expect(discord.identifies[0]?.token).toBe(values.DISCORD_TOKEN);
    expect(output).toContain('"level":20');
    expect(output).toContain('http request headers');
    expect(output).toContain('language model answered with an error');
    expect(output).toContain('slack: could not answer');
    expect(output).toContain('Discord interaction failed');
    expect(leaksIn(output, values)).toEqual([]);
    // The refused answer's URL is logged without the interaction's token (it could answer as the bot).
    expect(output).toMatch(/"url":"http:\/\/127\.0\.0\.1:\d+\/api\/v10\/interactions\/\d+\/\[token\]\/callback/);
    expect(output).not.toContain(refused.token);
  });

  it('in Socket Mode, with the app token, at trace', async () => {
    const values = secrets();
    const slack = await FakeSlack.start();
    cleanups.push(() => slack.close());
    const bot = startBot({ ...values, DISCORD_TOKEN: '', SLACK_API_URL: slack.apiUrl, PORT: '0', HOST: '127.0.0.1' });
    await bot.waitForLog('cruxbot is running');
    expect(bot.output()).toMatch(
      /cruxbot is running · slack: Socket Mode, team Test Team \(T111\) · http on 127\.0\.0\.1 port \d+ \(GET \/health, GET \/ready, GET \/d\/\*\) · database .*cruxbot\.db \(schema \d+\)/,
    );

    const socket = await slack.nextSocket();
    const envelope = (id: string, text: string) =>
      JSON.stringify({
        envelope_id: id,
        type: 'slash_commands',
        payload: slashCommandPayload({ command: '/claim', text, responseUrl: slack.responseUrl(id) }),
        accepts_response_payload: true,
      });
    socket.send(envelope('env-1', 'show C999'));
    await slack.waitFor('response_url', (c) => JSON.stringify(c.body).includes('C999'));
    socket.send(envelope('env-2', 'add Values crystallize late in training'));
    await slack.waitFor('response_url', (c) => JSON.stringify(c.body).includes('/debate new'));

    expect(await bot.stop()).toBe(0);
    expect(slack.callsTo('apps.connections.open')[0]?.token).toBe(values.SLACK_APP_TOKEN);
    expect(bot.output()).toContain('"level":20');
    expect(leaksIn(bot.output(), values)).toEqual([]);
    // Socket Mode prints whole envelopes at debug: the payload's verification token and its response
    // URLs (each can post into the channel for half an hour) are cut out of them.
    expect(bot.output()).toContain('envelope_id');
    expect(bot.output()).not.toContain('verification_token');
    for (const id of ['env-1', 'env-2']) expect(bot.output()).not.toContain(slack.responseUrl(id));
  });
});
