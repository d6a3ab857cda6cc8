import type { Config } from './config.ts';
import type { RequestServices } from './core/context.ts';
import { moderatorCheck } from './app/permissions.ts';
import { InFlight } from './core/inflight.ts';
import { createLogger, type Logger } from './core/logger.ts';
import { PendingStore } from './core/pending.ts';
import { DEFAULT_LIMITS, RateLimiter, type RateLimits } from './core/rate-limit.ts';
import { openStore } from './storage/index.ts';
import type { Reader, Store } from './storage/ports.ts';

declare module './core/context.ts' {
  /** What handlers may use: the store, the settings, a logger and the clock. Built once in main. */
  interface RequestServices {
    /** The whole store: for use cases (`src/app/`), jobs and platforms. Commands never touch it. */
    readonly store: Store;
    /** The store's reads alone: what commands and read models use. The same store, seen read-only. */
    readonly queries: Reader;
    readonly config: Config;
    /** Now, as an ISO timestamp source; tests replace it. */
    readonly clock: () => Date;
    /** Drafts held between opening a form and submitting it (e.g. a message being captured). */
    readonly pending: PendingStore<Readonly<Record<string, string>>>;
    /**
     * The running platforms' ports, by platform name (`discord`, `slack`, `console`), so background work
     * (closing a poll at its time) can edit a message on the platform it was posted to.
     */
    readonly chats: Map<string, ChatPort>;
    /** Where the debate pages are served, once the HTTP server is up: the base of `/debate share` links. */
    readonly web: WebAddress;
  }
}

/**
 * The base address of shared links: `PUBLIC_URL` when set, else the local server's own address (set
 * by main once it listens), which works only on this machine.
 */
export interface WebAddress {
  publicUrl?: string;
  localUrl?: string;
}

export type Services = RequestServices;

export function createServices(
  config: Config,
  options: { log?: Logger; clock?: () => Date; store?: Store; limiter?: RateLimiter } = {},
): Services {
  const log = options.log ?? createLogger(config.LOG_LEVEL ?? 'info');
  const store = options.store ?? openStore(config.DATABASE_PATH);
  return {
    store,
    queries: store,
    config,
    log,
    inflight: new InFlight(),
    clock: options.clock ?? (() => new Date()),
    // Drafts and rate-limit windows live in the store: any instance can finish what another began.
    pending: new PendingStore(store.state),
    chats: new Map(),
    limiter: options.limiter ?? new RateLimiter(limitsFrom(config)).keptIn(store.state),
    permissions: moderatorCheck,
    web: config.PUBLIC_URL ? { publicUrl: config.PUBLIC_URL } : {},
  };
}

/** The built-in limits, with the write limits from the configuration (0 turns one off). */
function limitsFrom(config: Config): RateLimits {
  const perMinute = (count: number) => (count > 0 ? { count, windowMs: 60_000 } : undefined);
  const claims = perMinute(config.CRUXBOT_CLAIM_ADDS_PER_MINUTE);
  const imports = perMinute(config.CRUXBOT_IMPORTS_PER_MINUTE);
  return { ...DEFAULT_LIMITS, writesPerUser: { ...(claims ? { claims } : {}), ...(imports ? { imports } : {}) } };
}
