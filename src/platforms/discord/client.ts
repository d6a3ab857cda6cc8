import { Client, GatewayIntentBits, type ClientOptions } from 'discord.js';
import type { Config } from '../../config.ts';

/**
 * The discord.js client with the smallest intents: Guilds alone delivers interactions and the
 * channels they come from. Message Content is not asked of the gateway: reading history goes through
 * REST, where Discord applies the application's Message Content setting (see chat-port.ts). Nothing
 * it sends can ping anyone; every send also says so itself.
 */
export function createDiscordClient(config: Pick<Config, 'DISCORD_API_URL'>, overrides: Partial<ClientOptions> = {}): Client {
  return new Client({
    intents: [GatewayIntentBits.Guilds],
    allowedMentions: { parse: [] },
    ...(config.DISCORD_API_URL ? { rest: { api: config.DISCORD_API_URL } } : {}),
    ...overrides,
  });
}
