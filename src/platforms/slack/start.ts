import type { Config } from '../../config.ts';
import type { CommandRegistry } from '../../core/registry.ts';
import type { HttpServer } from '../../http/server.ts';
import type { Services } from '../../services.ts';
import { startSlackBot, type SlackBot, type SlackBotOptions } from './app.ts';

/**
 * The Slack app as the settings describe it: Socket Mode when SLACK_APP_TOKEN is set (no public URL
 * needed), else the HTTP receiver on PORT, verifying each request with SLACK_SIGNING_SECRET.
 */
export function slackConnectionFrom(config: Config): SlackBotOptions['connection'] {
  if (config.SLACK_APP_TOKEN) return { mode: 'socket', appToken: config.SLACK_APP_TOKEN };
  return {
    mode: 'http',
    signingSecret: config.SLACK_SIGNING_SECRET ?? '',
    port: config.PORT,
    ...(config.HOST ? { host: config.HOST } : {}),
  };
}

/** `npm start` with SLACK_BOT_TOKEN set (src/platforms/index.ts loads this module only then). */
export function startSlack(services: Services, registry: CommandRegistry, http?: HttpServer): Promise<SlackBot> {
  const { config } = services;
  return startSlackBot({
    services,
    registry,
    botToken: config.SLACK_BOT_TOKEN ?? '',
    connection: slackConnectionFrom(config),
    ...(http ? { http } : {}),
    ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
  });
}
