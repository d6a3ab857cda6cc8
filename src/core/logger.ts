import { pino, type Logger as PinoLogger, type LevelWithSilent } from 'pino';
import { currentCorrelationId } from './correlation.ts';

export type Logger = PinoLogger;
export type LogLevel = LevelWithSilent;

/** Keys whose values never reach a log line, wherever they appear. */
const REDACT = [
  'token',
  '*.token',
  'config.DISCORD_TOKEN',
  'config.SLACK_BOT_TOKEN',
  'config.SLACK_APP_TOKEN',
  'config.SLACK_SIGNING_SECRET',
  'config.CRUXBOT_LLM_API_KEY',
  'config.SLACK_CLIENT_SECRET',
  'config.SLACK_STATE_SECRET',
  'config.CRUXBOT_SECRET_KEY',
  'config.CRUXBOT_PREVIOUS_SECRET_KEY',
  'bot.token',
  '*.bot.token',
  'access_token',
  '*.access_token',
  'client_secret',
  '*.client_secret',
  'headers.authorization',
  '*.headers.authorization',
];

/**
 * Discord's interaction and webhook URLs carry a token that can answer as the bot for 15 minutes; a
 * failed call's error names its URL. The token is cut out, the ids kept.
 */
function maskUrlTokens(url: string): string {
  return url.replace(/\/(interactions\/\d+|webhooks\/\d+)\/[^/?#]+/g, '/$1/[token]');
}

function serializeError(error: unknown): unknown {
  const serialized = pino.stdSerializers.err(error as Error) as unknown as Record<string, unknown>;
  if (serialized && typeof serialized.url === 'string') serialized.url = maskUrlTokens(serialized.url);
  return serialized;
}

/**
 * Structured JSON logs to stderr, so stdout stays for the console's replies. A line written while an
 * interaction is being handled carries its `cid`, whichever logger wrote it.
 */
export function createLogger(level: LogLevel = 'info', destination: NodeJS.WritableStream = process.stderr): Logger {
  return pino(
    {
      level,
      base: undefined,
      redact: { paths: REDACT, censor: '[secret]' },
      serializers: { err: serializeError },
      mixin: (line, _level, logger) => {
        const cid = currentCorrelationId();
        return cid && !('cid' in line) && !('cid' in logger.bindings()) ? { cid } : {};
      },
    },
    destination as pino.DestinationStream,
  );
}

export const silentLogger: Logger = pino({ level: 'silent' });
