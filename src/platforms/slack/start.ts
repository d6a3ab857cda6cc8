import { createHmac } from 'node:crypto';
import type { Config } from '../../config.ts';
import { StartupError } from '../../core/errors.ts';
import { KEY_FORMAT, parseSecretKey, type SecretKey } from '../../core/sealed.ts';
import type { CommandRegistry } from '../../core/registry.ts';
import type { HttpServer } from '../../http/server.ts';
import type { Services } from '../../services.ts';
import { startSlackBot, type SlackBot, type SlackBotOptions, type SlackOAuth } from './app.ts';

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

/** `npm start` with SLACK_BOT_TOKEN or SLACK_CLIENT_ID set (src/platforms/index.ts loads this module only then). */
export function startSlack(services: Services, registry: CommandRegistry, http?: HttpServer): Promise<SlackBot> {
  const { config } = services;
  const oauth = slackOAuthFrom(config);
  return startSlackBot({
    services,
    registry,
    botToken: config.SLACK_BOT_TOKEN ?? '',
    connection: slackConnectionFrom(config),
    ...(oauth ? { oauth } : {}),
    ...(http ? { http } : {}),
    ...(config.SLACK_API_URL ? { apiUrl: config.SLACK_API_URL } : {}),
  });
}

/**
 * Many workspaces ("Add to Slack"): set by SLACK_CLIENT_ID (config.ts has checked the secret, the signing
 * secret and the key). The OAuth `state` is signed with SLACK_STATE_SECRET, or a secret derived from the key.
 */
export function slackOAuthFrom(config: Config): SlackOAuth | undefined {
  if (!config.SLACK_CLIENT_ID) return undefined;
  const keys = secretKeysFrom(config);
  if (keys.length === 0) throw new StartupError(`CRUXBOT_SECRET_KEY: required with SLACK_CLIENT_ID; ${KEY_FORMAT}`);
  return {
    clientId: config.SLACK_CLIENT_ID,
    clientSecret: config.SLACK_CLIENT_SECRET ?? '',
    stateSecret: config.SLACK_STATE_SECRET ?? createHmac('sha256', keys[0]!.bytes).update('cruxbot slack oauth state').digest('hex'),
    keys,
  };
}

/** CRUXBOT_SECRET_KEY first (it seals), then CRUXBOT_PREVIOUS_SECRET_KEY (it only opens). */
export function secretKeysFrom(config: Pick<Config, 'CRUXBOT_SECRET_KEY' | 'CRUXBOT_PREVIOUS_SECRET_KEY'>): SecretKey[] {
  return [config.CRUXBOT_SECRET_KEY, config.CRUXBOT_PREVIOUS_SECRET_KEY]
    .map((text) => (text ? parseSecretKey(text) : undefined))
    .filter((key): key is SecretKey => key !== undefined);
}
