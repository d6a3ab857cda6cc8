import { pathToFileURL } from 'node:url';
import { COMMANDS } from '../commands/index.ts';
import { loadConfig, loadDotEnv, type Config } from './config.ts';
import { StartupError } from './core/errors.ts';
import { createLogger } from './core/logger.ts';
import { createRegistry, type CommandRegistry } from './core/registry.ts';
import { startHttpServer, type HttpServer } from './http/server.ts';
import { startPollCloser } from './jobs/poll-closer.ts';
import { startReminders } from './jobs/reminders.ts';
import { runConsole } from './platforms/console/repl.ts';
import { PLATFORMS, type RunningPlatform } from './platforms/index.ts';
import { createServices, type Services } from './services.ts';
import { openConfiguredStore } from './storage/index.ts';
import { webRoutes } from './web/routes.ts';

export interface App {
  readonly config: Config;
  readonly services: Services;
  readonly registry: CommandRegistry;
}

/** Opens the configured database (SQLite file or PostgreSQL) and builds the command registry for these settings. */
export async function createApp(config: Config, options: { console?: boolean } = {}): Promise<App> {
  // The console's replies go to stdout; its logs stay quiet unless asked for.
  const log = createLogger(config.LOG_LEVEL ?? (options.console ? 'warn' : 'info'));
  const services = createServices(config, { log, store: await openConfiguredStore(config) });
  return { config, services, registry: createRegistry(COMMANDS) };
}

/**
 * `npm start`: the chat platforms whose tokens are set, or else the local console. SIGINT and SIGTERM
 * stop taking interactions, finish those in flight and close the database.
 */
export async function main(): Promise<number> {
  loadDotEnv();
  const config = loadConfig();
  const enabled = PLATFORMS.filter((p) => p.enabled(config));
  const { services, registry } = await createApp(config, { console: enabled.length === 0 });

  if (enabled.length === 0) {
    const pollCloser = startPollCloser(services);
    const reminders = startReminders(services);
    const web = await startConsoleWeb(services, config);
    await runConsole({
      services,
      registry,
      input: process.stdin,
      output: process.stdout,
      interactive: Boolean(process.stdin.isTTY),
      ...(web ? { web: web.note } : {}),
    });
    pollCloser.stop();
    reminders.stop();
    await web?.http.close();
    await services.store.close();
    return 0;
  }

  // One HTTP server for the process, in every chat mode: health and readiness, and what platforms mount.
  const http = await startHttpServer({ services, port: config.PORT, ...(config.HOST ? { host: config.HOST } : {}) });
  http.mount(...webRoutes(services));
  services.web.localUrl = http.url;
  const running: RunningPlatform[] = [];
  try {
    for (const platform of enabled) running.push(await platform.start(services, registry, http));
  } catch (error) {
    await Promise.allSettled(running.map((p) => p.stop()));
    await http.close();
    await services.store.close();
    throw error;
  }
  const where = `http on ${config.HOST ?? 'all interfaces'} port ${http.port} (${http.routes().join(', ')})`;
  // One line that says what connected, where, and on which database (the fields repeat it for machines).
  const schema = await services.store.schemaVersion();
  services.log.info(
    { platforms: running.map((p) => p.name), port: http.port, database: services.store.location, backend: services.store.backend, schema },
    `cruxbot is running · ${[...running.map((p) => p.status), where, `database ${services.store.location} (schema ${schema})`].join(' · ')}`,
  );
  // After the platforms: a poll that fell due while the bot was down can then have its message edited.
  const pollCloser = startPollCloser(services);
  const reminders = startReminders(services);

  await new Promise<void>((resolve) => {
    const stop = async (signal: string) => {
      services.log.info({ signal }, 'shutting down: finishing work in flight');
      pollCloser.stop();
      reminders.stop();
      // Take no new requests (readiness fails, so a load balancer sends them elsewhere), then let the
      // platforms finish what they acknowledged.
      await http.close();
      await Promise.allSettled(running.map((p) => p.stop()));
      const drained = await services.inflight.drain(10_000);
      if (!drained) services.log.warn('some work did not finish within 10 s');
      await services.store.close();
      resolve();
    };
    process.once('SIGINT', () => void stop('SIGINT'));
    process.once('SIGTERM', () => void stop('SIGTERM'));
  });
  return 0;
}

/**
 * The console's web server, for shared debate pages: on 127.0.0.1 (nobody else's to see), at PORT
 * (3000 unless set); when that port is taken, on a free one, and the console says where. A web server
 * that cannot start at all never stops the console: it says so and carries on without pages.
 */
async function startConsoleWeb(services: Services, config: Config): Promise<{ http: HttpServer; note: string } | undefined> {
  const host = '127.0.0.1';
  let http: HttpServer;
  let busy = '';
  try {
    http = await startHttpServer({ services, port: config.PORT, host });
  } catch (error) {
    if (!(error instanceof StartupError)) throw error;
    try {
      http = await startHttpServer({ services, port: 0, host });
      busy = ` (port ${config.PORT} is in use, so a free one was taken; set PORT to choose)`;
    } catch (again) {
      services.log.warn({ err: again }, 'console: no web server, so /debate share links will not open here');
      return undefined;
    }
  }
  http.mount(...webRoutes(services));
  services.web.localUrl = http.url;
  return { http, note: `Shared debate pages are served at ${http.url}${busy}; \`/debate share\` makes a link.` };
}

/** Prints a start-up problem as a sentence, not a stack trace, and returns the exit code. */
export function reportStartupError(error: unknown): number {
  if (error instanceof StartupError) {
    process.stderr.write(`${error.message}\n`);
    return 1;
  }
  throw error;
}

/**
 * Exits once everything written to stdout and stderr has reached its pipe or file: a pipe is written
 * asynchronously, and `process.exit` alone drops what is still queued (the end of a long reply piped
 * into another program). An empty write's callback runs after every write before it.
 */
export async function exitWhenWritten(code: number): Promise<never> {
  await Promise.all([process.stdout, process.stderr].map((stream) => new Promise<void>((resolve) => stream.write('', () => resolve()))));
  process.exit(code);
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().then(
    (code) => exitWhenWritten(code),
    (error) => exitWhenWritten(reportStartupError(error)),
  );
}
