import { platformsEnabled, type Config } from '../config.ts';
import type { CommandRegistry } from '../core/registry.ts';
import type { HttpServer } from '../http/server.ts';
import type { Services } from '../services.ts';
import type { RunningPlatform } from './running.ts';

export type { RunningPlatform } from './running.ts';

export interface PlatformStarter {
  readonly name: string;
  enabled(config: Config): boolean;
  /** Starts it; a platform that takes HTTP requests mounts its routes on the process's server. */
  start(services: Services, registry: CommandRegistry, http: HttpServer): Promise<RunningPlatform>;
}

/** The chat platforms, each started when its token is configured. The console runs when none is. */
export const PLATFORMS: readonly PlatformStarter[] = [
  {
    name: 'discord',
    enabled: (config) => platformsEnabled(config).discord,
    // Loaded only when enabled, so the console never loads discord.js.
    // DISCORD_PUBLIC_KEY selects HTTP interactions (stateless, behind a load balancer); else the gateway.
    start: async (services, registry, http) =>
      services.config.DISCORD_PUBLIC_KEY
        ? (await import('./discord/http.ts')).startDiscordHttp(services, registry, http)
        : (await import('./discord/start.ts')).startDiscord(services, registry),
  },
  {
    name: 'slack',
    enabled: (config) => platformsEnabled(config).slack,
    // Loaded only when used, so the console never loads Bolt.
    start: async (services, registry, http) => (await import('./slack/start.ts')).startSlack(services, registry, http),
  },
];
