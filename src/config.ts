import { existsSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { z } from 'zod';
import { StartupError } from './core/errors.ts';
import { KEY_FORMAT, parseSecretKey } from './core/sealed.ts';

/**
 * The only reader of process.env. Every setting is validated here; a bad value stops start-up with a
 * message that names the variable (never its value when it is a secret).
 */

const optional = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? undefined : typeof v === 'string' ? v.trim() : v), schema.optional());

const snowflake = z.string().regex(/^\d{15,21}$/, 'must be a Discord id (15–21 digits)');
const httpUrl = z.url({ protocol: /^https?$/, error: 'must be an http(s) URL' });

const EnvSchema = z.object({
  DATABASE_PATH: optional(z.string()).default('data/cruxbot.db'),
  /** PostgreSQL (`postgres://user:password@host:5432/db`): when set, the store lives there and DATABASE_PATH is unused. */
  DATABASE_URL: optional(
    z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// URL (postgres://user:password@host:5432/database)'),
  ),
  LOG_LEVEL: optional(z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'])),

  DISCORD_TOKEN: optional(z.string()),
  DISCORD_APPLICATION_ID: optional(z.string().regex(/^\d{1,21}$/, 'must be the numeric application id')),
  DISCORD_GUILD_ID: optional(snowflake),
  DISCORD_API_URL: optional(httpUrl),
  /** The application's public key: set, Discord posts interactions to POST /discord/interactions instead of the gateway. */
  DISCORD_PUBLIC_KEY: optional(
    z.string().regex(/^[0-9a-fA-F]{64}$/, 'must be the 64 hex characters of the Public Key (General Information page)'),
  ),

  SLACK_BOT_TOKEN: optional(z.string().startsWith('xoxb-', 'must start with xoxb- (the Bot User OAuth Token)')),
  SLACK_SIGNING_SECRET: optional(z.string().min(1)),
  SLACK_APP_TOKEN: optional(z.string().startsWith('xapp-', 'must start with xapp- (an app-level token with connections:write)')),
  SLACK_API_URL: optional(httpUrl),
  /** Multi-workspace Slack ("Add to Slack"): the app's OAuth client id and secret (Basic Information). */
  SLACK_CLIENT_ID: optional(z.string().regex(/^\d+\.\d+$/, 'must be the Client ID from Basic Information (digits.digits)')),
  SLACK_CLIENT_SECRET: optional(z.string().min(1)),
  /** Signs the OAuth `state`; when unset, one is derived from CRUXBOT_SECRET_KEY. */
  SLACK_STATE_SECRET: optional(z.string().min(16, 'must be at least 16 characters')),
  /** Seals stored tokens (AES-256-GCM): 32 random bytes as 64 hex characters or base64. */
  CRUXBOT_SECRET_KEY: optional(z.string()),
  /** The key before the last rotation: tokens it sealed still open until `cruxbot rotate-key` re-seals them. */
  CRUXBOT_PREVIOUS_SECRET_KEY: optional(z.string()),
  PORT: optional(z.coerce.number().int('must be a whole number').min(0).max(65535)).default(3000),
  HOST: optional(z.string().regex(/^[A-Za-z0-9.:-]{1,253}$/, 'must be an address to listen on, such as 127.0.0.1 or ::')),
  /** Where people reach this server from outside (`https://cruxbot.example.org`): the base of shared debate links. */
  PUBLIC_URL: optional(
    z
      .url({ protocol: /^https?$/, error: 'must be the http(s) address people open, such as https://cruxbot.example.org' })
      .refine((u) => !/[?#]/.test(u), 'must be a plain address without ? or #, such as https://cruxbot.example.org/cruxbot')
      .transform((u) => u.replace(/\/+$/, '')),
  ),

  /** Per person per minute: commands that add claims, and debate imports (0: no limit). */
  CRUXBOT_CLAIM_ADDS_PER_MINUTE: optional(z.coerce.number().int('must be a whole number').min(0)).default(60),
  CRUXBOT_IMPORTS_PER_MINUTE: optional(z.coerce.number().int('must be a whole number').min(0)).default(5),

  CRUXBOT_LLM_BASE_URL: optional(httpUrl),
  CRUXBOT_LLM_API_KEY: optional(z.string()),
  CRUXBOT_LLM_MODEL: optional(z.string()),
});

export type Config = z.infer<typeof EnvSchema>;

/** Variables whose values are secrets: never logged, never echoed in an error. */
export const SECRET_KEYS = [
  'DATABASE_URL',
  'DISCORD_TOKEN',
  'SLACK_BOT_TOKEN',
  'SLACK_SIGNING_SECRET',
  'SLACK_APP_TOKEN',
  'SLACK_CLIENT_SECRET',
  'SLACK_STATE_SECRET',
  'CRUXBOT_SECRET_KEY',
  'CRUXBOT_PREVIOUS_SECRET_KEY',
  'CRUXBOT_LLM_API_KEY',
] as const;

/** The process's environment, for a tool that passes a few of its variables on to `loadConfig` or a setting of its own. */
export function environment(): Readonly<Record<string, string | undefined>> {
  return process.env;
}

export function loadConfig(env: Record<string, string | undefined> = process.env): Config {
  const result = EnvSchema.safeParse(env);
  if (!result.success) {
    const problems = result.error.issues.map((issue) => `  ${String(issue.path[0])}: ${issue.message}`);
    throw new StartupError(`cruxbot cannot start; fix these settings (in .env or the environment):\n${problems.join('\n')}`);
  }
  const config = result.data;
  const problems: string[] = [];

  if (config.DATABASE_PATH !== ':memory:' && !config.DATABASE_URL) {
    const folder = dirname(resolve(config.DATABASE_PATH));
    if (!existsSync(folder)) problems.push(`DATABASE_PATH: the folder ${folder} does not exist; create it or choose another path`);
    else if (!statSync(folder).isDirectory()) problems.push(`DATABASE_PATH: ${folder} is not a folder`);
    else if (existsSync(config.DATABASE_PATH) && statSync(config.DATABASE_PATH).isDirectory()) {
      problems.push(`DATABASE_PATH: ${config.DATABASE_PATH} is a folder; give a file path such as data/cruxbot.db`);
    }
  }
  // A fake or a proxy (DISCORD_API_URL) decides for itself what a token looks like.
  if (config.DISCORD_TOKEN && config.DISCORD_TOKEN.length < 10 && !config.DISCORD_API_URL) {
    problems.push('DISCORD_TOKEN: looks too short to be a bot token (copy it from the developer portal → Bot)');
  }
  if (config.DISCORD_TOKEN && !config.DISCORD_APPLICATION_ID) {
    problems.push(
      "DISCORD_APPLICATION_ID: required with DISCORD_TOKEN (the Application ID on the developer portal's General Information page)",
    );
  }
  if (config.DISCORD_PUBLIC_KEY && !config.DISCORD_TOKEN) {
    problems.push('DISCORD_TOKEN: required with DISCORD_PUBLIC_KEY (the bot token answers interactions over REST)');
  }
  if (config.SLACK_BOT_TOKEN && !config.SLACK_APP_TOKEN && !config.SLACK_SIGNING_SECRET) {
    problems.push('SLACK_APP_TOKEN or SLACK_SIGNING_SECRET: one is required with SLACK_BOT_TOKEN (Socket Mode or HTTP)');
  }
  if (config.SLACK_CLIENT_ID) {
    // Many workspaces: each install brings its own token, sealed in the database with the secret key.
    if (config.SLACK_BOT_TOKEN)
      problems.push('SLACK_BOT_TOKEN: leave it unset with SLACK_CLIENT_ID (each workspace that installs brings its own token)');
    if (config.SLACK_APP_TOKEN) problems.push('SLACK_APP_TOKEN: multi-workspace Slack (SLACK_CLIENT_ID) runs over HTTP; leave it unset');
    if (!config.SLACK_CLIENT_SECRET)
      problems.push('SLACK_CLIENT_SECRET: required with SLACK_CLIENT_ID (Basic Information → App Credentials)');
    if (!config.SLACK_SIGNING_SECRET)
      problems.push('SLACK_SIGNING_SECRET: required with SLACK_CLIENT_ID (Basic Information → App Credentials)');
    if (!config.CRUXBOT_SECRET_KEY)
      problems.push(`CRUXBOT_SECRET_KEY: required with SLACK_CLIENT_ID, to seal the tokens it stores; ${KEY_FORMAT}`);
  } else if ((config.SLACK_APP_TOKEN || config.SLACK_SIGNING_SECRET) && !config.SLACK_BOT_TOKEN) {
    problems.push('SLACK_BOT_TOKEN: required when SLACK_APP_TOKEN or SLACK_SIGNING_SECRET is set');
  }
  if (config.SLACK_CLIENT_SECRET && !config.SLACK_CLIENT_ID) problems.push('SLACK_CLIENT_ID: required with SLACK_CLIENT_SECRET');
  for (const name of ['CRUXBOT_SECRET_KEY', 'CRUXBOT_PREVIOUS_SECRET_KEY'] as const) {
    if (config[name] && !parseSecretKey(config[name])) problems.push(`${name}: ${KEY_FORMAT}`);
  }
  if (problems.length) {
    throw new StartupError(
      `cruxbot cannot start; fix these settings (in .env or the environment):\n${problems.map((p) => `  ${p}`).join('\n')}`,
    );
  }
  return config;
}

/** Loads `.env` from the working folder into the environment, if there is one (Node's own parser). */
export function loadDotEnv(path = '.env'): void {
  if (existsSync(path)) process.loadEnvFile(path);
}

export function platformsEnabled(config: Config): { discord: boolean; slack: boolean } {
  return { discord: Boolean(config.DISCORD_TOKEN), slack: Boolean(config.SLACK_BOT_TOKEN || config.SLACK_CLIENT_ID) };
}
