import { afterEach, describe, expect, it } from 'vitest';
import { StartupError } from '../../src/core/errors.ts';
import { startHttpServer, type HttpServer } from '../../src/http/server.ts';
import { createTestBot, type TestBot } from '../support/harness.ts';

let bot: TestBot | undefined;
const servers: HttpServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.close()));
  await bot?.close();
  bot = undefined;
});

async function serve(): Promise<HttpServer> {
  bot = createTestBot();
  const server = await startHttpServer({ services: bot.services, port: 0, host: '127.0.0.1' });
  servers.push(server);
  return server;
}

describe("the process's one HTTP server", () => {
  it('answers /health and /ready from the first moment, and 404 or 405 for what it does not serve', async () => {
    const server = await serve();
    expect(server.url).toBe(`http://127.0.0.1:${server.port}`);
    expect(server.routes()).toEqual(['GET /health', 'GET /ready']);
    const health = await fetch(`${server.url}/health`);
    expect(health.status).toBe(200);
    expect(await health.json()).toMatchObject({ status: 'ok', database: { ok: true } });
    expect(await (await fetch(`${server.url}/ready`)).json()).toEqual({ ready: true });
    // HEAD is served by the GET route, for probes that ask for headers only.
    expect((await fetch(`${server.url}/ready`, { method: 'HEAD' })).status).toBe(200);
    expect((await fetch(`${server.url}/nowhere`)).status).toBe(404);
    expect((await fetch(`${server.url}/health`, { method: 'POST' })).status).toBe(405);
  });

  it('serves the routes platforms mount, exact or by prefix, and a failing handler costs one 500, not the server', async () => {
    const server = await serve();
    server.mount(
      { method: 'POST', path: '/hook', handle: (_req, res) => void res.writeHead(204).end() },
      { method: 'GET', path: '/d/*', handle: (_req, res, path) => void res.end(`page ${path.slice(3)}`) },
      {
        method: 'GET',
        path: '/broken',
        handle: () => {
          throw new Error('boom');
        },
      },
    );
    expect((await fetch(`${server.url}/hook`, { method: 'POST' })).status).toBe(204);
    expect(await (await fetch(`${server.url}/d/abc?x=1`)).text()).toBe('page abc');
    expect((await fetch(`${server.url}/dx`)).status).toBe(404);
    expect((await fetch(`${server.url}/broken`)).status).toBe(500);
    expect((await fetch(`${server.url}/health`)).status).toBe(200);
  });

  it('a port in use is a sentence naming the setting', async () => {
    const server = await serve();
    const error = await startHttpServer({ services: bot!.services, port: server.port, host: '127.0.0.1' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StartupError);
    expect((error as Error).message).toBe(`PORT ${server.port} is already in use: choose another port (PORT=…) for cruxbot's HTTP server.`);
  });

  it('says stopping on /ready once a shutdown begins, before it stops listening', async () => {
    const server = await serve();
    server.markStopping();
    const ready = await fetch(`${server.url}/ready`);
    expect(ready.status).toBe(503);
    expect(await ready.json()).toEqual({ ready: false, reason: 'stopping' });
    await server.close();
    await expect(fetch(`${server.url}/health`)).rejects.toThrow();
  });
});
