import { Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defineCommand } from '../../src/core/command.ts';
import { runCommand, runInteraction, runText, type RequestContext } from '../../src/core/dispatch.ts';
import { UserError } from '../../src/core/errors.ts';
import { createLogger } from '../../src/core/logger.ts';
import { md, toPlainText } from '../../src/core/markup.ts';
import { createRegistry } from '../../src/core/registry.ts';
import { notice, type Reply } from '../../src/core/reply.ts';
import { createTestBot, replyText, type TestBot } from '../support/harness.ts';

const boom = defineCommand({
  name: 'boom',
  description: 'Fails in the ways handlers fail',
  options: [{ name: 'how', type: 'string', description: 'how', required: true, positional: true, choices: ['user', 'bug', 'ok'] }] as const,
  handler(ctx): Reply {
    if (ctx.args.how === 'user') throw new UserError(md`You cannot do **that** to ${'C9'}.`, 'test.user');
    if (ctx.args.how === 'bug') throw new TypeError('secret internals at /srv/app.ts:12');
    return notice('fine');
  },
  interactions: {
    press(ctx) {
      return notice(`pressed ${ctx.params.join(',')} with ${ctx.fields.text ?? ''}`);
    },
  },
});

let bot: TestBot;
afterEach(async () => await bot?.close());

function requestFor(logs: string[]): RequestContext {
  bot = createTestBot();
  const log = createLogger(
    'info',
    new Writable({
      write(chunk, _enc, done) {
        logs.push(String(chunk));
        done();
      },
    }),
  );
  return {
    actor: { id: 'alice', name: 'alice' },
    workspace: 'local',
    channel: { id: 'general' },
    platform: 'test',
    services: { ...bot.services, log },
    commands: createRegistry([boom]),
  };
}

describe('dispatch, the one try/catch', () => {
  it('turns a UserError into a friendly private message', async () => {
    const reply = await runText('/boom user', requestFor([]));
    expect(reply.ephemeral).toBe(true);
    expect(reply.accent).toBe('error');
    expect(replyText(reply)).toBe('You cannot do that to C9.');
  });

  it('turns a validation error into a usage message naming the option', async () => {
    const reply = await runCommand({ command: 'boom', args: { how: 'sideways' } }, requestFor([]));
    expect(replyText(reply)).toBe('how: must be one of user, bug, ok (got "sideways")\nUsage: /boom <how>');
  });

  it('logs an unexpected error with a correlation id and shows only the id', async () => {
    const logs: string[] = [];
    const reply = await runText('/boom bug', requestFor(logs));
    const text = replyText(reply);
    const id = /id ([0-9a-f]{8})/.exec(text)?.[1];
    expect(id).toBeDefined();
    expect(text).not.toMatch(/secret internals|TypeError|srv/);
    const line = logs.map((l) => JSON.parse(l)).find((l) => l.level === 50);
    expect(line).toMatchObject({ cid: id, msg: 'handler failed', err: { type: 'TypeError' } });
  });

  it('routes an interaction by custom id with its parameters and form fields', async () => {
    const reply = await runInteraction('boom:press:C3:x', requestFor([]), { fields: { text: 'hello' } });
    expect(toPlainText(reply.blocks[0]!.type === 'text' ? reply.blocks[0]!.text : '')).toBe('pressed C3,x with hello');
  });

  it('answers an unknown or malformed custom id with a message, not a crash', async () => {
    const request = requestFor([]);
    expect(replyText(await runInteraction('boom:nothing', request))).toMatch(/not one of mine/);
    expect(replyText(await runInteraction('::::', request))).toMatch(/not one of mine/);
  });

  it('refuses new work while shutting down, and lets work in flight finish', async () => {
    const request = requestFor([]);
    const drained = request.services.inflight.drain(1000);
    await expect(drained).resolves.toBe(true);
    expect(replyText(await runText('/boom ok', request))).toMatch(/restarting/);
  });
});

describe('a declared requirement, checked once in dispatch', () => {
  let ran = 0;
  const guarded = defineCommand({
    name: 'lock',
    description: 'Shows the lock, or sets it (moderators only)',
    options: [{ name: 'to', type: 'string', description: 'the new value', positional: true }] as const,
    requires: { role: 'moderator', to: 'set the lock', when: (args) => args.to !== undefined },
    handler(ctx): Reply {
      ran += 1;
      return notice(ctx.args.to ? `set to ${ctx.args.to}` : 'the lock is open');
    },
  });
  let base: RequestContext;
  beforeEach(() => {
    base = requestFor([]);
  });
  const request = (isModerator: boolean): RequestContext => ({
    ...base,
    actor: { id: 'alice', name: 'alice', isModerator },
    commands: createRegistry([guarded]),
  });

  it('refuses someone who is not a moderator before the handler runs, naming who may', async () => {
    ran = 0;
    const reply = await runText('/lock shut', request(false));
    expect(reply.accent).toBe('error');
    expect(replyText(reply)).toMatch(/^Only moderators can set the lock here: .*Ask one of them\.$/s);
    expect(ran).toBe(0);
  });

  it('lets a moderator through, and anyone through when the arguments ask for nothing guarded', async () => {
    ran = 0;
    expect(replyText(await runText('/lock shut', request(true)))).toBe('set to shut');
    expect(replyText(await runCommand({ command: 'lock', args: {} }, request(false)))).toBe('the lock is open');
    expect(ran).toBe(2);
  });
});
