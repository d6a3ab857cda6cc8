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
  'headers.authorization',
  '*.headers.authorization',
];

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
      mixin: (line, _level, logger) => {
        const cid = currentCorrelationId();
        return cid && !('cid' in line) && !('cid' in logger.bindings()) ? { cid } : {};
      },
    },
    destination as pino.DestinationStream,
  );
}

export const silentLogger: Logger = pino({ level: 'silent' });
