import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { StartupError } from '../core/errors.ts';
import type { Logger } from '../core/logger.ts';
import { checkHealth } from '../health.ts';
import type { Services } from '../services.ts';

/**
 * One route of the process's HTTP server. `path` is exact (`/health`) or, ending in `/*`, a prefix
 * (`/d/*` serves `/d/abc`). A handler that answers nothing itself must still end the response.
 */
export interface HttpRoute {
  readonly method: 'GET' | 'POST' | 'HEAD';
  readonly path: string;
  handle(req: IncomingMessage, res: ServerResponse, path: string): void | Promise<void>;
}

export interface HttpServer {
  /** The port it listens on (the one asked for, or the one the system chose for port 0). */
  readonly port: number;
  /** `http://host:port`, with a loopback host when it listens on every interface. */
  readonly url: string;
  /** Adds routes; a route added later for the same method and path replaces none (the first wins). */
  mount(...routes: HttpRoute[]): void;
  /** `METHOD /path` for every route, for the start-up line. */
  routes(): string[];
  /** From now on `/health` and `/ready` answer 503 `stopping`, so a load balancer stops sending traffic. */
  markStopping(): void;
  /** Stops taking connections and closes idle ones; resolves when the server is closed. */
  close(): Promise<void>;
}

export interface HttpServerOptions {
  readonly services: Services;
  readonly port: number;
  /** Where to listen: every interface when not set. */
  readonly host?: string;
  readonly log?: Logger;
}

/**
 * The process's one HTTP server, in every mode: `/health` (liveness and a database read) and `/ready`
 * (database reachable, schema current, not stopping) always, and whatever the platforms and the web view
 * mount: Slack's events and OAuth pages, Discord's interactions, shared debate pages. Node's own server
 * with a route table rather than a framework: Bolt's receiver and the Discord endpoint each need the raw
 * request (to check a signature over the exact bytes), so a framework would only pass them through.
 */
export async function startHttpServer(options: HttpServerOptions): Promise<HttpServer> {
  const { services } = options;
  const log = options.log ?? services.log;
  let stopping = false;
  const table: HttpRoute[] = [healthRoute(services, () => stopping), readyRoute(services, () => stopping)];

  const server: Server = createServer((req, res) => {
    const method = (req.method ?? 'GET').toUpperCase();
    let path: string;
    try {
      path = new URL(req.url ?? '/', 'http://localhost').pathname;
    } catch {
      res.writeHead(400).end();
      return;
    }
    const route = find(table, method === 'HEAD' ? ['HEAD', 'GET'] : [method], path);
    if (!route) {
      const allowed = table.some((r) => matches(r, path));
      res.writeHead(allowed ? 405 : 404, { 'content-type': 'text/plain; charset=utf-8', 'cache-control': 'no-store' });
      res.end(allowed ? 'Method not allowed\n' : 'Not found\n');
      return;
    }
    Promise.resolve()
      .then(() => route.handle(req, res, path))
      .catch((error: unknown) => {
        log.error({ err: error, path }, 'http: a handler failed');
        if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain; charset=utf-8' }).end('Internal error\n');
        else res.end();
      });
  });
  // A slow or half-open client must not hold a connection for ever.
  server.headersTimeout = 15_000;
  server.requestTimeout = 30_000;

  await new Promise<void>((resolve, reject) => {
    const onError = (error: NodeJS.ErrnoException) => {
      server.close();
      if (error.code === 'EADDRINUSE')
        reject(new StartupError(`PORT ${options.port} is already in use: choose another port (PORT=…) for cruxbot's HTTP server.`));
      else if (error.code === 'EACCES') reject(new StartupError(`PORT ${options.port} needs more privileges: use a port above 1023.`));
      else if (error.code === 'EADDRNOTAVAIL') reject(new StartupError(`HOST ${options.host} is not an address of this machine.`));
      else reject(error);
    };
    server.once('error', onError);
    server.listen({ port: options.port, ...(options.host ? { host: options.host } : {}) }, () => {
      server.off('error', onError);
      resolve();
    });
  });
  server.on('error', (error) => log.error({ err: error }, 'http: server error'));

  const port = (server.address() as AddressInfo).port;
  const host = !options.host || options.host === '0.0.0.0' || options.host === '::' ? '127.0.0.1' : options.host;
  return {
    port,
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    mount: (...routes) => void table.push(...routes),
    routes: () => table.map((r) => `${r.method} ${r.path}`),
    markStopping: () => void (stopping = true),
    close: () =>
      new Promise<void>((resolve) => {
        stopping = true;
        server.close(() => resolve());
        server.closeIdleConnections();
      }),
  };
}

function matches(route: HttpRoute, path: string): boolean {
  return route.path.endsWith('/*') ? path.startsWith(route.path.slice(0, -1)) : route.path === path;
}

function find(table: readonly HttpRoute[], methods: readonly string[], path: string): HttpRoute | undefined {
  return table.find((r) => methods.includes(r.method) && matches(r, path));
}

/**
 * `GET /health`: the status, version, uptime, platforms serving and a database read, as JSON; 200 while
 * all is well, 503 while shutting down or when the database cannot be read (for load balancers).
 */
function healthRoute(services: Services, stopping: () => boolean): HttpRoute {
  return {
    method: 'GET',
    path: '/health',
    handle: async (_req, res) => {
      const { httpStatus, report } = await checkHealth(services, stopping() || services.inflight.closing);
      res.writeHead(httpStatus, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(report));
    },
  };
}

/**
 * `GET /ready`: whether this instance should get traffic now: the database answers, its schema is the one
 * this code knows, and no shutdown has begun. 200 `{"ready": true}`, else 503 with the reason.
 */
function readyRoute(services: Services, stopping: () => boolean): HttpRoute {
  return {
    method: 'GET',
    path: '/ready',
    handle: async (_req, res) => {
      const { report } = await checkHealth(services, stopping() || services.inflight.closing);
      const reason = report.status === 'stopping' ? 'stopping' : report.database.ok ? undefined : `database: ${report.database.error}`;
      res.writeHead(reason ? 503 : 200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(JSON.stringify(reason ? { ready: false, reason } : { ready: true }));
    },
  };
}
