import { createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { ClientApplication, Events, Routes, type Client } from 'discord.js';
import getRawBody from 'raw-body';
import { StartupError } from '../../core/errors.ts';
import type { Logger } from '../../core/logger.ts';
import type { CommandRegistry } from '../../core/registry.ts';
import type { HttpServer } from '../../http/server.ts';
import type { Services } from '../../services.ts';
import type { StateStore } from '../../storage/ports.ts';
import { DiscordChatPort } from './chat-port.ts';
import { createDiscordClient } from './client.ts';
import { PLATFORM } from './context.ts';
import { InteractionRouter } from './router.ts';
import type { DiscordStartOptions, RunningDiscord } from './start.ts';

export const INTERACTIONS_PATH = '/discord/interactions';
/** The same window as Slack's: a signed request more than five minutes from now, either way, is refused. */
export const DISCORD_TIMESTAMP_WINDOW_S = 5 * 60;
/** Interactions are small; Discord's own limit on a message is far below this. */
const BODY_LIMIT = 1024 * 1024;
/** A server's roles and name, kept this long per process; a miss costs one REST call, never a wrong answer. */
const GUILD_TTL_MS = 10 * 60_000;

/** Why a request was refused, for the log (the caller gets a bare 401). */
export type DiscordRefusal = 'unsigned' | 'timestamp' | 'stale' | 'future' | 'signature' | 'replay';

/**
 * Discord's second mode: it POSTs each interaction to `/discord/interactions`, signed with the
 * application's Ed25519 key, instead of sending it over a gateway connection. Nothing lives in the
 * process that another instance would need, so any instance behind a load balancer can answer any
 * interaction. A PING is answered in the response body (Discord requires it there); everything else
 * gets 202 at once and is answered over REST (`POST /interactions/:id/:token/callback`, then follow-ups
 * and edits), through the same router the gateway mode uses: discord.js builds its interaction objects
 * from the payload as it does from a gateway dispatch.
 */
export async function startDiscordHttp(
  services: Services,
  registry: CommandRegistry,
  http: HttpServer,
  options: DiscordStartOptions = {},
): Promise<RunningDiscord> {
  const { config } = services;
  if (!config.DISCORD_TOKEN) throw new StartupError('DISCORD_TOKEN is not set.');
  const publicKey = discordPublicKey(config.DISCORD_PUBLIC_KEY ?? '');
  const log = services.log.child({ platform: PLATFORM, mode: 'http' });
  const client = createDiscordClient(config);
  // No gateway: the token is only for REST (answers, follow-ups, edits, history).
  client.token = config.DISCORD_TOKEN;
  client.rest.setToken(config.DISCORD_TOKEN);
  const application = await checkApplication(client, config.DISCORD_API_URL);
  const chat = new DiscordChatPort(client);
  const router = new InteractionRouter({ services, registry, chat, log, ...options });
  client.on(Events.InteractionCreate, (interaction) => router.handle(interaction));
  const guilds = new GuildCache(client, log);

  http.mount({
    method: 'POST',
    path: INTERACTIONS_PATH,
    handle: (req, res) => serveInteraction(req, res, { publicKey, state: services.store.state, log, guilds, client }),
  });
  services.chats.set(PLATFORM, chat);
  log.info({ application: application.id, path: INTERACTIONS_PATH }, 'Discord: serving interactions over HTTP');

  let stopping: Promise<void> | undefined;
  const stop = async () => {
    const finished = await router.stop();
    if (!finished) log.warn('Discord: some interactions were still running when the bot stopped');
    services.chats.delete(PLATFORM);
    await client.destroy();
    log.info('Discord: stopped');
  };
  return {
    name: PLATFORM,
    status: `discord: HTTP interactions for ${application.name ?? 'the application'} ${application.id} (POST ${INTERACTIONS_PATH})`,
    client,
    chat,
    stop: () => (stopping ??= stop()),
  };
}

/** The application's public key (64 hex characters on the developer portal's General Information page). */
export function discordPublicKey(hex: string): KeyObject {
  if (!/^[0-9a-f]{64}$/i.test(hex))
    throw new StartupError('DISCORD_PUBLIC_KEY: must be the 64 hex characters of the Public Key on the General Information page.');
  // An Ed25519 public key in SPKI form: the fixed DER header, then the 32 raw bytes.
  return createPublicKey({
    key: Buffer.concat([Buffer.from('302a300506032b6570032100', 'hex'), Buffer.from(hex, 'hex')]),
    format: 'der',
    type: 'spki',
  });
}

async function checkApplication(client: Client, apiUrl: string | undefined): Promise<ClientApplication> {
  let data: unknown;
  try {
    data = await client.rest.get(Routes.currentApplication());
  } catch (error) {
    const status = (error as { status?: number }).status;
    if (status === 401)
      throw new StartupError(
        'Discord refused DISCORD_TOKEN. Copy the token from the developer portal (your application → Bot → Reset Token) into .env.',
      );
    throw new StartupError(`cruxbot could not reach Discord${apiUrl ? ` at ${apiUrl}` : ''}: ${(error as Error).message}`);
  }
  // What READY gives the gateway mode: the flags say whether the Message Content intent is on.
  // discord.js keeps the constructor to itself; it is the one the READY handler calls.
  const Application = ClientApplication as unknown as new (client: Client, data: unknown) => ClientApplication;
  const application = new Application(client, data);
  client.application = application;
  return application;
}

interface Serving {
  readonly publicKey: KeyObject;
  readonly state: StateStore;
  readonly log: Logger;
  readonly guilds: GuildCache;
  readonly client: Client;
}

async function serveInteraction(req: IncomingMessage, res: ServerResponse, serving: Serving): Promise<void> {
  let body: Buffer;
  try {
    body = await getRawBody(req, { limit: BODY_LIMIT });
  } catch (error) {
    res.writeHead((error as { status?: number }).status === 413 ? 413 : 400).end();
    return;
  }
  const refusal = await checkSignature(req, body, serving.publicKey, serving.state, Date.now());
  if (refusal) {
    serving.log.warn({ refusal }, `Discord: a request was refused (${refusal})`);
    res.writeHead(401, { 'content-type': 'text/plain; charset=utf-8' }).end('invalid request signature\n');
    return;
  }
  let payload: { type?: unknown; guild_id?: unknown };
  try {
    payload = JSON.parse(body.toString('utf8')) as typeof payload;
  } catch {
    res.writeHead(400).end();
    return;
  }
  if (payload.type === 1) {
    res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ type: 1 }));
    return;
  }
  // Discord's rule for an interaction answered by the callback endpoint: 202, no body, then the callback.
  res.writeHead(202).end();
  if (typeof payload.guild_id === 'string') await serving.guilds.ensure(payload.guild_id);
  (serving.client as unknown as { actions: { InteractionCreate: { handle(data: unknown): void } } }).actions.InteractionCreate.handle(
    payload,
  );
}

/**
 * Discord signs `timestamp + body` with the application's key. Also refused: a timestamp more than five
 * minutes away from now (either way), and a signature already seen (kept in the store, so a replay to
 * another instance is refused too).
 */
export async function checkSignature(
  req: IncomingMessage,
  body: Buffer,
  key: KeyObject,
  state: StateStore,
  nowMs: number,
): Promise<DiscordRefusal | undefined> {
  const signature = req.headers['x-signature-ed25519'];
  const stamp = req.headers['x-signature-timestamp'];
  if (typeof signature !== 'string' || typeof stamp !== 'string') return 'unsigned';
  if (!/^\d{1,12}$/.test(stamp)) return 'timestamp';
  if (!/^[0-9a-f]{128}$/i.test(signature)) return 'signature';
  if (!verify(null, Buffer.concat([Buffer.from(stamp), body]), key, Buffer.from(signature, 'hex'))) return 'signature';
  const skew = Number(stamp) - Math.floor(nowMs / 1000);
  if (skew < -DISCORD_TIMESTAMP_WINDOW_S) return 'stale';
  if (skew > DISCORD_TIMESTAMP_WINDOW_S) return 'future';
  const fresh = await state.firstTime(
    `discord-signature:${signature.toLowerCase()}`,
    2 * DISCORD_TIMESTAMP_WINDOW_S * 1000 + 60_000,
    nowMs,
  );
  return fresh ? undefined : 'replay';
}

/**
 * The servers the interactions come from, fetched over REST and kept a few minutes: with the server in
 * discord.js's cache, an interaction has its channel, members and roles as it has on the gateway.
 */
class GuildCache {
  private readonly fetched = new Map<string, number>();

  constructor(
    private readonly client: Client,
    private readonly log: Logger,
  ) {}

  async ensure(guildId: string): Promise<void> {
    const at = this.fetched.get(guildId);
    if (at !== undefined && Date.now() - at < GUILD_TTL_MS && this.client.guilds.cache.has(guildId)) return;
    try {
      const data = await this.client.rest.get(Routes.guild(guildId));
      (this.client.guilds as unknown as { _add(data: unknown): void })._add(data);
      this.fetched.set(guildId, Date.now());
    } catch (error) {
      // Served from the payload alone: names and permissions come with it; only role names are missing.
      this.log.warn({ err: error, guild: guildId }, 'Discord: could not read the server; answering from the interaction alone');
    }
  }
}
