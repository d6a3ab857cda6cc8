import { EventEmitter } from 'node:events';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { guildCreate, parseBody } from './fake-discord-parts.ts';

/**
 * A local stand-in for Discord: the REST API under `/api/v10` and the gateway (a `ws` server at
 * `/gateway`) on one 127.0.0.1 port. The real discord.js `Client` logs in to it, receives the
 * dispatches a test sends, and its REST calls are recorded for the test to read.
 */

export const APP_ID = '1100000000000000001';
export const BOT_ID = '1100000000000000002';
export const GUILD_ID = '1200000000000000001';
export const CHANNEL_ID = '1300000000000000001';
/** A role the server has besides @everyone (GUILD_CREATE lists it). */
export const MODERATORS_ROLE = { id: '1250000000000000001', name: 'Moderators' } as const;

export interface RecordedRequest {
  readonly method: string;
  /** The path after `/api/v10`, decoded: `/interactions/1/tok/callback`. */
  readonly path: string;
  readonly query: URLSearchParams;
  /** The JSON body (or `payload_json` of a multipart body); undefined when there was none. */
  readonly body: any;
  /** Files of a multipart body. */
  readonly files: readonly { readonly field: string; readonly name: string; readonly size: number; readonly text: string }[];
  readonly auth: string | undefined;
}

export interface FakeDiscordOptions {
  /** Application flags sent in READY (1 << 19: the Message Content intent, for apps in under 100 servers). */
  readonly applicationFlags?: number;
  /** Messages a channel holds, newest last, for `GET /channels/:id/messages`. */
  readonly history?: Record<string, readonly any[]>;
}

type Handler = (request: RecordedRequest) => { status: number; body?: unknown } | undefined;

export class FakeDiscord {
  readonly requests: RecordedRequest[] = [];
  /** Every identify (op 2) the gateway received. */
  readonly identifies: any[] = [];
  /** Files served at `/cdn/<name>` (attachments a user "uploaded"). */
  readonly cdn = new Map<string, Uint8Array>();
  readonly cdnHits: string[] = [];
  private readonly events = new EventEmitter();
  private readonly sockets = new Set<WebSocket>();
  private readonly overrides: Handler[] = [];
  private sequence = 0;
  private messageCounter = 0;
  private server!: Server;
  private wss!: WebSocketServer;
  port = 0;

  constructor(private readonly options: FakeDiscordOptions = {}) {}

  get apiUrl(): string {
    return `http://127.0.0.1:${this.port}/api`;
  }

  async start(): Promise<this> {
    this.wss = new WebSocketServer({ noServer: true });
    this.wss.on('connection', (socket) => this.onGateway(socket));
    this.server = createServer((req, res) => void this.onHttp(req, res));
    this.server.on('upgrade', (req, socket, head) => {
      if (!req.url?.startsWith('/gateway')) return socket.destroy();
      this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    return this;
  }

  async stop(): Promise<void> {
    for (const socket of this.sockets) socket.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  /** Answers matching requests differently (first handler that returns a response wins). */
  override(handler: Handler): void {
    this.overrides.unshift(handler);
  }

  /** Sends a gateway dispatch to every connected client. */
  dispatch(event: string, data: unknown): void {
    const frame = JSON.stringify({ op: 0, t: event, s: ++this.sequence, d: data });
    for (const socket of this.sockets) socket.send(frame);
  }

  interaction(payload: unknown): void {
    this.dispatch('INTERACTION_CREATE', payload);
  }

  /** Resolves with the first recorded request (past or future) that matches. */
  waitFor(description: string, match: (r: RecordedRequest) => boolean, timeoutMs = 15_000): Promise<RecordedRequest> {
    const seen = this.requests.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const onRequest = (request: RecordedRequest) => {
        if (!match(request)) return;
        clearTimeout(timer);
        this.events.off('request', onRequest);
        resolve(request);
      };
      // A generous ceiling so a broken adapter fails with a readable list instead of a bare test timeout.
      const timer = setTimeout(() => {
        this.events.off('request', onRequest);
        const log = this.requests.map((r) => `${r.method} ${r.path}`).join('\n  ');
        reject(new Error(`fake Discord never received ${description}; it saw:\n  ${log || '(nothing)'}`));
      }, timeoutMs);
      this.events.on('request', onRequest);
    });
  }

  /** The interaction callback (type 4, 5, 6, 7, 8 or 9) for an interaction id. */
  callback(interactionId: string): Promise<RecordedRequest> {
    return this.waitFor(
      `a callback for interaction ${interactionId}`,
      (r) => r.method === 'POST' && r.path.startsWith(`/interactions/${interactionId}/`),
    );
  }

  /** The edit of the original response (`PATCH /webhooks/:app/:token/messages/@original`). */
  originalEdit(token: string): Promise<RecordedRequest> {
    return this.waitFor(
      `an edit of @original for ${token}`,
      (r) => r.method === 'PATCH' && r.path === `/webhooks/${APP_ID}/${token}/messages/@original`,
    );
  }

  /** Follow-up messages sent for an interaction token, in order. */
  followUps(token: string): RecordedRequest[] {
    return this.requests.filter((r) => r.method === 'POST' && r.path === `/webhooks/${APP_ID}/${token}`);
  }

  /** Waits for the nth (1-based) follow-up of an interaction token. */
  followUp(token: string, n = 1): Promise<RecordedRequest> {
    return this.waitFor(`follow-up ${n} for ${token}`, () => this.followUps(token).length >= n).then(() => this.followUps(token)[n - 1]!);
  }

  requestsTo(token: string): RecordedRequest[] {
    return this.requests.filter((r) => r.path.includes(`/${token}`));
  }

  // The gateway: hello, heartbeat acks, READY and GUILD_CREATE after identify.
  private onGateway(socket: WebSocket): void {
    this.sockets.add(socket);
    socket.on('close', () => this.sockets.delete(socket));
    socket.send(JSON.stringify({ op: 10, d: { heartbeat_interval: 41_250 } }));
    socket.on('message', (raw) => {
      const frame = JSON.parse(String(raw)) as { op: number; d: any };
      if (frame.op === 1) socket.send(JSON.stringify({ op: 11 }));
      if (frame.op === 2) {
        this.identifies.push(frame.d);
        socket.send(JSON.stringify({ op: 0, t: 'READY', s: ++this.sequence, d: this.ready() }));
        socket.send(JSON.stringify({ op: 0, t: 'GUILD_CREATE', s: ++this.sequence, d: guildCreate() }));
      }
    });
  }

  private ready() {
    return {
      v: 10,
      user: { id: BOT_ID, username: 'cruxbot', discriminator: '0', global_name: null, avatar: null, bot: true, flags: 0 },
      guilds: [{ id: GUILD_ID, unavailable: true }],
      session_id: 'fake-session',
      resume_gateway_url: `ws://127.0.0.1:${this.port}/gateway`,
      shard: [0, 1],
      application: { id: APP_ID, flags: this.options.applicationFlags ?? 0 },
    };
  }

  // REST
  private async onHttp(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', `http://127.0.0.1:${this.port}`);
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);

    if (url.pathname.startsWith('/cdn/')) {
      const name = decodeURIComponent(url.pathname.slice(5));
      this.cdnHits.push(name);
      const data = this.cdn.get(name);
      res.writeHead(data ? 200 : 404, { 'content-type': 'application/octet-stream' }).end(data ?? 'not found');
      return;
    }

    const { body, files } = await parseBody(req.headers['content-type'], raw);
    const request: RecordedRequest = {
      method: req.method ?? 'GET',
      path: decodeURIComponent(url.pathname.replace(/^\/api\/v\d+/, '')),
      query: url.searchParams,
      body,
      files,
      auth: req.headers.authorization,
    };
    this.requests.push(request);
    const answer = this.overrides.map((h) => h(request)).find(Boolean) ?? this.route(request);
    if (answer.body === undefined) res.writeHead(answer.status).end();
    else res.writeHead(answer.status, { 'content-type': 'application/json' }).end(JSON.stringify(answer.body));
    this.events.emit('request', request);
  }

  private route(r: RecordedRequest): { status: number; body?: unknown } {
    const { method, path } = r;
    if (method === 'GET' && path === '/gateway/bot') {
      return {
        status: 200,
        body: {
          url: `ws://127.0.0.1:${this.port}/gateway`,
          shards: 1,
          session_start_limit: { total: 1000, remaining: 1000, reset_after: 0, max_concurrency: 1 },
        },
      };
    }
    if (method === 'GET' && path === '/applications/@me') {
      return { status: 200, body: { id: APP_ID, name: 'cruxbot', flags: this.options.applicationFlags ?? 0, bot_public: false } };
    }
    if (method === 'GET' && path === `/guilds/${GUILD_ID}`) return { status: 200, body: guildCreate() };
    let m: RegExpExecArray | null;
    if (method === 'POST' && (m = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path))) {
      const type = r.body?.type as number;
      if (r.query.get('with_response') !== 'true') return { status: 204 };
      const message = [4, 7].includes(type) ? this.message(CHANNEL_ID, r.body?.data) : undefined;
      return { status: 200, body: { interaction: { id: m[1], type: 2 }, resource: { type, ...(message ? { message } : {}) } } };
    }
    if ((m = /^\/webhooks\/\d+\/[^/]+(?:\/messages\/(.+))?$/.exec(path))) {
      if (method === 'DELETE') return { status: 204 };
      return { status: 200, body: this.message(CHANNEL_ID, r.body, m[1] === '@original' ? undefined : m[1]) };
    }
    if (method === 'GET' && (m = /^\/channels\/(\d+)$/.exec(path))) {
      return { status: 200, body: { id: m[1], type: 0, guild_id: GUILD_ID, name: 'general', position: 0, permission_overwrites: [] } };
    }
    if ((m = /^\/channels\/(\d+)\/messages(?:\/(\d+))?$/.exec(path))) {
      if (method === 'GET' && !m[2]) return { status: 200, body: this.historyPage(m[1]!, r.query) };
      if (method === 'POST' || method === 'PATCH') return { status: 200, body: this.message(m[1]!, r.body, m[2]) };
    }
    if (method === 'PUT' && /^\/applications\/\d+(?:\/guilds\/\d+)?\/commands$/.test(path)) {
      return {
        status: 200,
        body: (r.body as any[]).map((c, i) => ({ ...c, id: String(1400000000000000000n + BigInt(i)), application_id: APP_ID })),
      };
    }
    return { status: 404, body: { message: `fake Discord has no route for ${method} ${path}`, code: 0 } };
  }

  /** `before`/`after` paging like Discord's: at most `limit`, newest first. */
  private historyPage(channelId: string, query: URLSearchParams): any[] {
    const all = [...(this.options.history?.[channelId] ?? [])];
    const limit = Number(query.get('limit') ?? 50);
    const before = query.get('before');
    const after = query.get('after');
    if (after) {
      return all
        .filter((m) => BigInt(m.id) > BigInt(after))
        .slice(0, limit)
        .reverse();
    }
    return all
      .filter((m) => !before || BigInt(m.id) < BigInt(before))
      .slice(-limit)
      .reverse();
  }

  private message(channelId: string, body: any, id?: string): any {
    return {
      id: id ?? String(1500000000000000000n + BigInt(++this.messageCounter)),
      channel_id: channelId,
      guild_id: GUILD_ID,
      type: 0,
      content: body?.content ?? '',
      embeds: body?.embeds ?? [],
      components: body?.components ?? [],
      attachments: [],
      author: { id: BOT_ID, username: 'cruxbot', discriminator: '0', avatar: null, bot: true },
      timestamp: '2026-11-23T12:00:00.000000+00:00',
      edited_timestamp: null,
      flags: body?.flags ?? 0,
      mentions: [],
      mention_roles: [],
      mention_everyone: false,
      pinned: false,
      tts: false,
      webhook_id: APP_ID,
      application_id: APP_ID,
    };
  }
}
