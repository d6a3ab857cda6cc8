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
 * Bolt's, the Web API's and Socket Mode's logs as our JSON log lines (component `bolt`), at the level
 * cruxbot runs at. Their messages are strings; secrets are never in them (tokens travel in headers,
 * which they redact).
 */
export function boltLogger(log: Logger): BoltLogger {
  const child = log.child({ component: 'bolt' });
  let level: LogLevel = LEVEL_OF[log.level] ?? LogLevel.ERROR;
  return {
    debug: (...msg: unknown[]) => child.debug(format(...msg)),
    info: (...msg: unknown[]) => child.info(format(...msg)),
    warn: (...msg: unknown[]) => child.warn(format(...msg)),
    error: (...msg: unknown[]) => child.error(format(...msg)),
    setLevel: (next: LogLevel) => {
      level = next;
    },
    getLevel: () => level,
    setName: () => undefined,
  };
}
