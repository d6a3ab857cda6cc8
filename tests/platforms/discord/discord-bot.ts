import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS } from '../../../commands/index.ts';
import { loadConfig } from '../../../src/config.ts';
import type { Command } from '../../../src/core/command.ts';
import { silentLogger } from '../../../src/core/logger.ts';
import { createRegistry } from '../../../src/core/registry.ts';
import { startDiscord, type RunningDiscord } from '../../../src/platforms/discord/start.ts';
import { createServices, type Services } from '../../../src/services.ts';
import { APP_ID, FakeDiscord, GUILD_ID, type FakeDiscordOptions, type RecordedRequest } from './fake-discord.ts';
import type { Sent } from './payloads.ts';

export const WORKSPACE = `discord:${GUILD_ID}`;

/** For `expect.poll`: a ceiling generous enough for a loaded machine (vitest's default is one second). */
export const PATIENTLY = { timeout: 15_000, interval: 20 } as const;

export interface TestDiscordBot {
  readonly fake: FakeDiscord;
  readonly services: Services;
  readonly running: RunningDiscord;
  /** Sends the interaction through the gateway and resolves with its callback (type 4, 5, 7, 8, 9…). */
  send(sent: Sent): Promise<RecordedRequest>;
  close(): Promise<void>;
}

/**
 * The real discord.js client, logged in to a fake Discord on 127.0.0.1, over a real SQLite file.
 * Answers are never deferred by the clock unless a test asks (`deferAfterMs`), so a loaded machine
 * cannot turn a direct answer into a deferred one.
 */
export async function startTestDiscord(
  options: { commands?: readonly Command[]; deferAfterMs?: number; fake?: FakeDiscordOptions } = {},
): Promise<TestDiscordBot> {
  const fake = await new FakeDiscord(options.fake).start();
  const dir = mkdtempSync(join(tmpdir(), 'cruxbot-discord-'));
  const config = loadConfig({
    DATABASE_PATH: join(dir, 'test.db'),
    DISCORD_TOKEN: 'test-token-not-a-secret',
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_API_URL: fake.apiUrl,
  });
  const now = new Date('2026-11-23T12:00:00Z');
  const services = createServices(config, { log: silentLogger, clock: () => now });
  const registry = createRegistry(options.commands ?? COMMANDS);
  const running = await startDiscord(services, registry, { deferAfterMs: options.deferAfterMs ?? 60_000 });
  return {
    fake,
    services,
    running,
    send(sent) {
      fake.interaction(sent.payload);
      return fake.callback(sent.id);
    },
    async close() {
      await running.stop();
      await services.store.close();
      await fake.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** The words of a message body as a person would read them: titles, descriptions, fields, footers. */
export function bodyText(body: any): string {
  const embeds: any[] = body?.embeds ?? body?.data?.embeds ?? [];
  return embeds
    .flatMap((e) => [e.title, e.description, ...(e.fields ?? []).flatMap((f: any) => [f.name, f.value]), e.footer?.text])
    .filter(Boolean)
    .join('\n');
}

/** Labels and custom ids of the buttons and selects on a message body. */
export function componentsOf(body: any): { label?: string; custom_id?: string; type: number }[] {
  const rows: any[] = body?.components ?? body?.data?.components ?? [];
  return rows.flatMap((row) => row.components);
}
