import { generateKeyPairSync, sign as cryptoSign } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS } from '../../../commands/index.ts';
import { loadConfig } from '../../../src/config.ts';
import type { Command } from '../../../src/core/command.ts';
import { silentLogger } from '../../../src/core/logger.ts';
import { createRegistry } from '../../../src/core/registry.ts';
import { startHttpServer } from '../../../src/http/server.ts';
import { startDiscordHttp } from '../../../src/platforms/discord/http.ts';
import { startDiscord, type RunningDiscord } from '../../../src/platforms/discord/start.ts';
import { createServices, type Services } from '../../../src/services.ts';
import type { Store } from '../../../src/storage/ports.ts';
import { APP_ID, FakeDiscord, GUILD_ID, type FakeDiscordOptions, type RecordedRequest } from './fake-discord.ts';
import type { Sent } from './payloads.ts';

export const WORKSPACE = `discord:${GUILD_ID}`;

/** For `expect.poll`: a ceiling generous enough for a loaded machine (vitest's default is one second). */
export const PATIENTLY = { timeout: 15_000, interval: 20 } as const;

export interface TestDiscordBot {
  readonly fake: FakeDiscord;
  readonly services: Services;
  readonly running: RunningDiscord;
  /** Sends the interaction (over the gateway, or signed to the HTTP endpoint) and resolves with its callback (type 4, 5, 7, 8, 9…). */
  send(sent: Sent): Promise<RecordedRequest>;
  /** HTTP mode: the interactions endpoint and the key that signs for Discord. */
  readonly endpoint?: { readonly url: string; sign(body: string, timestamp?: number): Record<string, string> };
  close(): Promise<void>;
}

/** An Ed25519 key pair standing in for the application's: the public half as the portal shows it (hex). */
export function discordKeyPair(): { publicKeyHex: string; sign(body: string, timestamp?: number): Record<string, string> } {
  const { publicKey, privateKey } = generateKeyPairSync('ed25519');
  const publicKeyHex = Buffer.from(publicKey.export({ format: 'jwk' }).x!, 'base64url').toString('hex');
  return {
    publicKeyHex,
    sign(body, timestamp = Math.floor(Date.now() / 1000)) {
      const stamp = String(timestamp);
      const signature = cryptoSign(null, Buffer.from(stamp + body), privateKey).toString('hex');
      return { 'content-type': 'application/json', 'x-signature-ed25519': signature, 'x-signature-timestamp': stamp };
    },
  };
}

/**
 * The real discord.js client, logged in to a fake Discord on 127.0.0.1, over a real SQLite file.
 * Answers are never deferred by the clock unless a test asks (`deferAfterMs`), so a loaded machine
 * cannot turn a direct answer into a deferred one.
 */
export async function startTestDiscord(
  options: {
    commands?: readonly Command[];
    deferAfterMs?: number;
    fake?: FakeDiscordOptions;
    mode?: 'gateway' | 'http';
    /** Another instance of the same deployment: its Discord, its application key, this store (its own connection to a shared database). */
    sharing?: { fake: FakeDiscord; keys: ReturnType<typeof discordKeyPair>; store: Store };
    /** Settings beside the test's own (e.g. a write limit). */
    settings?: Record<string, string>;
  } = {},
): Promise<TestDiscordBot> {
  const fake = options.sharing?.fake ?? (await new FakeDiscord(options.fake).start());
  const dir = mkdtempSync(join(tmpdir(), 'cruxbot-discord-'));
  const keys = options.sharing?.keys ?? (options.mode === 'http' ? discordKeyPair() : undefined);
  const config = loadConfig({
    DATABASE_PATH: join(dir, 'test.db'),
    DISCORD_TOKEN: 'test-token-not-a-secret',
    DISCORD_APPLICATION_ID: APP_ID,
    DISCORD_API_URL: fake.apiUrl,
    ...(keys ? { DISCORD_PUBLIC_KEY: keys.publicKeyHex } : {}),
    ...options.settings,
  });
  const now = new Date('2026-11-23T12:00:00Z');
  const services = createServices(config, {
    log: silentLogger,
    clock: () => now,
    ...(options.sharing ? { store: options.sharing.store } : {}),
  });
  const registry = createRegistry(options.commands ?? COMMANDS);
  const timing = { deferAfterMs: options.deferAfterMs ?? 60_000 };
  const http = keys ? await startHttpServer({ services, port: 0, host: '127.0.0.1' }) : undefined;
  const running = http ? await startDiscordHttp(services, registry, http, timing) : await startDiscord(services, registry, timing);
  let closed = false;
  const endpoint = http && keys ? { url: `${http.url}/discord/interactions`, sign: keys.sign } : undefined;
  return {
    fake,
    services,
    running,
    ...(endpoint ? { endpoint } : {}),
    async send(sent) {
      if (!endpoint) fake.interaction(sent.payload);
      else {
        const body = JSON.stringify(sent.payload);
        const response = await fetch(endpoint.url, { method: 'POST', headers: endpoint.sign(body), body });
        if (response.status !== 202) throw new Error(`the interactions endpoint answered ${response.status}, not 202`);
      }
      return fake.callback(sent.id);
    },
    async close() {
      if (closed) return;
      closed = true;
      await http?.close();
      await running.stop();
      await services.store.close();
      if (!options.sharing) await fake.stop();
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
