import { format } from 'node:util';
import { LogLevel, type Logger as BoltLogger } from '@slack/bolt';
import type { Logger } from '../../core/logger.ts';

const LEVEL_OF: Record<string, LogLevel> = {
  trace: LogLevel.DEBUG,
  debug: LogLevel.DEBUG,
  info: LogLevel.INFO,
  warn: LogLevel.WARN,
};

/**
 * What a Bolt or Socket Mode message may carry that answers as the app: the payload's verification
 * `token`, `response_url`s (each can post into the channel for 30 minutes), bot and app tokens, and
 * the OAuth `access_token` and `client_secret`. Cut out of the text, quoted as JSON or escaped JSON.
 */
const SECRET_FIELDS =
  /(\\?"(?:token|response_url|access_token|refresh_token|client_secret|bot_token)\\?"\s*:\s*\\?")((?:[^"\\]|\\(?!"))*)(\\?")/g;
const SLACK_TOKENS = /\bx(?:ox[abposr]|app)-[A-Za-z0-9-]+/g;
const RESPONSE_URLS = /https:\/\/hooks\.slack\.com\/[^\s"'\\]+/g;

export function redactSlackText(text: string): string {
  return text.replace(SECRET_FIELDS, '$1[redacted]$3').replace(SLACK_TOKENS, '[redacted]').replace(RESPONSE_URLS, '[response_url]');
}

/**
 * Bolt's, the Web API's and Socket Mode's logs as our JSON log lines (component `bolt`), at the level
 * cruxbot runs at. Their messages are strings: at debug, Socket Mode prints whole payloads, so the
 * secrets in them are cut out first (tokens in headers they redact themselves).
 */
export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'bolt' });
  let level: LogLevel = LEVEL_OF[log.level] ?? LogLevel.ERROR;
  const text = (msg: unknown[]) => redactSlackText(format(...msg));
  return {
    debug: (...msg: unknown[]) => child.debug(text(msg)),
    info: (...msg: unknown[]) => child.info(text(msg)),
    warn: (...msg: unknown[]) => child.warn(text(msg)),
    error: (...msg: unknown[]) => child.error(text(msg)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
