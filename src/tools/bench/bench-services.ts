import { loadConfig } from '../../config.ts';
import { silentLogger } from '../../core/logger.ts';
import { toPlainText } from '../../core/markup.ts';
import { RateLimiter } from '../../core/rate-limit.ts';
import type { Reply } from '../../core/reply.ts';
import type { RequestContext } from '../../core/dispatch.ts';
import { createRegistry } from '../../core/registry.ts';
import { COMMANDS } from '../../../commands/index.ts';
import { createServices, type Services } from '../../services.ts';

/** A bench runs the expensive commands hundreds of times a minute: it measures the work, not the refusal. */
export const NO_LIMITS = new RateLimiter({
  perUser: { count: Number.MAX_SAFE_INTEGER, windowMs: 60_000 },
  perWorkspace: { count: Number.MAX_SAFE_INTEGER, windowMs: 60_000 },
});

/** Services over a fresh database file, with no logs and no rate limits. */
export function benchServices(databasePath: string): Services {
  return createServices(loadConfig({ DATABASE_PATH: databasePath }), { log: silentLogger, limiter: NO_LIMITS });
}

/** One person in the console's workspace, as the console would send a command line. */
export function benchRequest(services: Services): RequestContext {
  return {
    actor: { id: 'bench', name: 'bench' },
    workspace: 'local',
    channel: { id: 'c' },
    platform: 'bench',
    services,
    commands: createRegistry(COMMANDS),
  };
}

/** The reply, if it is not an error: a figure must never be the time it took to refuse. */
export async function answered(reply: Promise<Reply>): Promise<Reply> {
  const result = await reply;
  if (result.accent === 'error') {
    const words = result.blocks.map((b) => (b.type === 'text' ? toPlainText(b.text) : '')).join(' ');
    throw new Error(`a benchmarked command failed: ${words}`);
  }
  return result;
}
