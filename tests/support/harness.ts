import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS } from '../../commands/index.ts';
import { loadConfig } from '../../src/config.ts';
import type { Actor, ChatPort } from '../../src/core/context.ts';
import { runCommand, runInteraction, runText, type InteractionInput } from '../../src/core/dispatch.ts';
import { silentLogger, type Logger } from '../../src/core/logger.ts';
import { toPlainText } from '../../src/core/markup.ts';
import type { Invocation } from '../../src/core/parse.ts';
import { createRegistry } from '../../src/core/registry.ts';
import type { Block, MessageRef, Reply } from '../../src/core/reply.ts';
import { RateLimiter } from '../../src/core/rate-limit.ts';
import { createServices, type Services } from '../../src/services.ts';
import type { Store } from '../../src/storage/ports.ts';

export const ALICE: Actor = { id: 'alice', name: 'alice' };
export const BOB: Actor = { id: 'bob', name: 'bob' };

export interface TestBot {
  readonly services: Services;
  readonly dbPath: string;
  /** Runs a command line as `actor` in `workspace` (default: alice in `local`, channel `general`). */
  run(line: string, options?: { actor?: Actor; workspace?: string; channel?: string }): Promise<Reply>;
  /** Runs a command with typed options, as Discord sends them (values of any type, unchecked). */
  command(invocation: Invocation, options?: { actor?: Actor; workspace?: string; channel?: string }): Promise<Reply>;
  /** Runs a button click, select or modal submit by custom id. */
  interact(id: string, input?: InteractionInput, options?: { actor?: Actor; workspace?: string; channel?: string }): Promise<Reply>;
  close(): Promise<void>;
}

/**
 * A bot over a real SQLite file in a temporary folder, with a fixed clock. `chat` stands in for the
 * platform (e.g. a fake with `fetchHistory`); without it the bot has none, like the console.
 */
/** Tests of other things run expensive commands many times; the real limits are tested on their own. */
const ROOMY_LIMITS = new RateLimiter({ perUser: { count: 10_000, windowMs: 60_000 }, perWorkspace: { count: 10_000, windowMs: 60_000 } });

export function createTestBot(
  options: { now?: Date; clock?: () => Date; chat?: ChatPort; limiter?: RateLimiter; log?: Logger; store?: Store } = {},
): TestBot {
  const dir = mkdtempSync(join(tmpdir(), 'cruxbot-test-'));
  const dbPath = join(dir, 'test.db');
  const config = loadConfig({ DATABASE_PATH: dbPath });
  const now = options.now ?? new Date('2026-11-23T12:00:00Z');
  const services = createServices(config, {
    log: options.log ?? silentLogger,
    clock: options.clock ?? (() => now),
    limiter: options.limiter ?? ROOMY_LIMITS,
    ...(options.store ? { store: options.store } : {}),
  });
  const commands = createRegistry(COMMANDS);
  const base = (o: { actor?: Actor; workspace?: string; channel?: string } = {}) => ({
    actor: o.actor ?? ALICE,
    workspace: o.workspace ?? 'local',
    channel: { id: o.channel ?? 'general' },
    platform: 'test',
    services,
    commands,
    ...(options.chat ? { chat: options.chat } : {}),
  });
  return {
    services,
    dbPath,
    run: (line, o) => runText(line, base(o)),
    command: (invocation, o) => runCommand(invocation, base(o)),
    interact: (id, input, o) => runInteraction(id, base(o), input),
    async close() {
      await services.store.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** All the words of a reply, without formatting: what a person would read. */
export function replyText(reply: Reply): string {
  const parts: string[] = [];
  if (reply.title) parts.push(reply.title);
  for (const block of reply.blocks) parts.push(blockText(block));
  for (const row of reply.components ?? []) for (const c of row) parts.push(c.type === 'select' ? c.placeholder : c.label);
  for (const follow of reply.followUps ?? []) parts.push(replyText(follow));
  return parts.join('\n');
}

function blockText(block: Block): string {
  switch (block.type) {
    case 'text':
    case 'context':
      return toPlainText(block.text);
    case 'pre':
      return block.text;
    case 'fields':
      return block.fields.map((f) => `${f.name}: ${typeof f.value === 'string' ? f.value : toPlainText(f.value)}`).join('\n');
    case 'table':
      return [block.columns.join(' | '), ...block.rows.map((r) => r.join(' | '))].join('\n');
    case 'divider':
      return '';
  }
}

export const isError = (reply: Reply): boolean => reply.accent === 'error';

/**
 * A chat on platform `test` that posts every message as `general`/`posted` and records each edit, so a
 * test can see which message the bot changed and how (a poll closed, a debate deleted).
 */
export function recordMessageEdits(bot: TestBot): { ref: MessageRef; reply: Reply }[] {
  const updates: { ref: MessageRef; reply: Reply }[] = [];
  const port: ChatPort = {
    platform: 'test',
    post: async () => ({ platform: 'test', channel: 'general', id: 'posted' }),
    update: async (ref, reply) => void updates.push({ ref, reply }),
  };
  bot.services.chats.set('test', port);
  return updates;
}
