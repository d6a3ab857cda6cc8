import { once } from 'node:events';
import { DiscordjsErrorCodes, Events, type Client } from 'discord.js';
import { StartupError } from '../../core/errors.ts';
import type { CommandRegistry } from '../../core/registry.ts';
import type { Services } from '../../services.ts';
import type { RunningPlatform } from '../running.ts';
import { DiscordChatPort } from './chat-port.ts';
import { createDiscordClient } from './client.ts';
import { PLATFORM } from './context.ts';
import { InteractionRouter } from './router.ts';

export interface RunningDiscord extends RunningPlatform {
  readonly client: Client;
  readonly chat: DiscordChatPort;
}

export interface DiscordStartOptions {
  /** Defer an interaction's answer when its handler takes longer than this (default 1,500 ms). */
  readonly deferAfterMs?: number;
}

/**
 * Logs in to Discord and serves interactions until `stop()`, which stops taking new ones, lets those
 * in flight finish and disconnects. The caller closes the database afterwards.
 */
export async function startDiscord(
  services: Services,
  registry: CommandRegistry,
  options: DiscordStartOptions = {},
): Promise<RunningDiscord> {
  const { config } = services;
  if (!config.DISCORD_TOKEN) throw new StartupError('DISCORD_TOKEN is not set.');
  const log = services.log.child({ platform: PLATFORM });
  const client = createDiscordClient(config);
  const chat = new DiscordChatPort(client);
  const router = new InteractionRouter({ services, registry, chat, log, ...options });

  client.on(Events.InteractionCreate, (interaction) => router.handle(interaction));
  client.on(Events.Error, (error) => log.error({ err: error }, 'Discord client error'));
  client.on(Events.Warn, (message) => log.warn(message));
  client.on(Events.ShardDisconnect, (event) => log.warn({ code: event.code }, 'Discord gateway disconnected'));
  client.on(Events.ShardResume, () => log.info('Discord gateway resumed'));

  const ready = once(client, Events.ClientReady);
  try {
    await client.login(config.DISCORD_TOKEN);
    await ready;
  } catch (error) {
    await client.destroy();
    throw loginProblem(error, config.DISCORD_API_URL);
  }
  services.chats.set(PLATFORM, chat);
  log.info({ user: client.user?.tag, guilds: client.guilds.cache.size }, 'Discord: logged in');

  let stopping: Promise<void> | undefined;
  const stop = async () => {
    const finished = await router.stop();
    if (!finished) log.warn('Discord: some interactions were still running when the client closed');
    services.chats.delete(PLATFORM);
    await client.destroy();
    log.info('Discord: disconnected');
  };
  return { name: PLATFORM, status: discordStatus(client), client, chat, stop: () => (stopping ??= stop()) };
}

function loginProblem(error: unknown, apiUrl: string | undefined): StartupError {
  const code = (error as { code?: unknown }).code;
  if (code === DiscordjsErrorCodes.TokenInvalid) {
    return new StartupError(
      'Discord refused DISCORD_TOKEN. Copy the token from the developer portal (your application → Bot → Reset Token) into .env.',
    );
  }
  if (code === DiscordjsErrorCodes.DisallowedIntents) {
    return new StartupError('Discord refused the gateway intents this bot asks for; check Privileged Gateway Intents on the Bot page.');
  }
  const reason = error instanceof Error ? error.message : String(error);
  return new StartupError(`cruxbot could not connect to Discord${apiUrl ? ` at ${apiUrl}` : ''}: ${reason}`);
}

/** `discord: logged in as cruxbot in 2 servers (Research Lab 1200…, Alignment 1300…)`, at most five named. */
function discordStatus(client: Client): string {
  const guilds = [...client.guilds.cache.values()];
  const named = guilds.slice(0, 5).map((g) => `${g.name} ${g.id}`);
  const more = guilds.length > named.length ? `, +${guilds.length - named.length} more` : '';
  const servers = `${guilds.length} server${guilds.length === 1 ? '' : 's'}`;
  return `discord: logged in as ${client.user?.tag ?? 'unknown'} in ${servers}${named.length ? ` (${named.join(', ')}${more})` : ''}`;
}
