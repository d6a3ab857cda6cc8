import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

/** One request the fake received: a Web API method, a response URL post, or a file upload. */
export interface RecordedCall {
  readonly method: string;
  /** Form fields (JSON-looking values parsed) or the JSON body. */
  readonly body: Record<string, any>;
  readonly token?: string;
  readonly raw: Buffer;
  /** What the fake answered (Web API methods). */
  response?: Record<string, any>;
}

type MethodHandler = (body: Record<string, any>, call: RecordedCall) => Record<string, unknown> | Promise<Record<string, unknown>>;

/**
 * A local stand-in for Slack: the Web API (`/api/<method>`), response URLs (`/response/<id>`), file
 * upload URLs (`/upload/<id>`) and the Socket Mode WebSocket (`/socket`), on 127.0.0.1 with port 0.
 * It records every request, answers like Slack by default, and lets a test override any method.
 */
export class FakeSlack {
  readonly calls: RecordedCall[] = [];
  readonly sockets: WebSocket[] = [];
  /** Messages the app sent over the WebSocket (envelope acknowledgements). */
  readonly socketMessages: Record<string, any>[] = [];
  private readonly handlers = new Map<string, MethodHandler>();
  private readonly waiters: { test: (call: RecordedCall) => boolean; resolve: (call: RecordedCall) => void }[] = [];
  private readonly socketWaiters: { test: (m: Record<string, any>) => boolean; resolve: (m: Record<string, any>) => void }[] = [];
  private readonly connectionWaiters: ((ws: WebSocket) => void)[] = [];
  private ts = 1_700_000_000;
  private files = 0;
  private server!: Server;
  private wss!: WebSocketServer;
  base = '';

  /** Display names users.info gives, by user id. */
  readonly users = new Map<string, string>([
    ['W111', 'Ana'],
    ['W222', 'Bob'],
  ]);
  /** Profile time zones users.info gives (`tz`), by user id. */
  readonly zones = new Map<string, string>();
  /** People users.info calls workspace admins (`is_admin`). */
  readonly admins = new Set<string>();
  /** User groups by id, for usergroups.list and usergroups.users.list. */
  readonly userGroups = new Map<string, { readonly handle: string; readonly users: readonly string[] }>();

  static async start(): Promise<FakeSlack> {
    const fake = new FakeSlack();
    fake.server = createServer((req, res) => void fake.handle(req, res));
    fake.wss = new WebSocketServer({ noServer: true });
    fake.server.on('upgrade', (req, socket, head) => {
      fake.wss.handleUpgrade(req, socket, head, (ws) => fake.accept(ws));
    });
    await new Promise<void>((resolve) => fake.server.listen(0, '127.0.0.1', resolve));
    fake.base = `http://127.0.0.1:${(fake.server.address() as AddressInfo).port}`;
    return fake;
  }

  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  responseUrl(id = 'r1'): string {
    return `${this.base}/response/${id}`;
  }

  /** Answer `method` with this instead of the default. */
  on(method: string, handler: MethodHandler): void {
    this.handlers.set(method, handler);
  }

  callsTo(method: string): RecordedCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** The first request (already received, or yet to come) that matches. */
  waitFor(method: string, test: (call: RecordedCall) => boolean = () => true): Promise<RecordedCall> {
    const match = (call: RecordedCall) => call.method === method && test(call);
    const seen = this.calls.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.waiters.push({ test: match, resolve }));
  }

  /** The next WebSocket connection from the app (Socket Mode). */
  nextSocket(): Promise<WebSocket> {
    const open = this.sockets.find((ws) => ws.readyState === ws.OPEN);
    if (open) return Promise.resolve(open);
    return new Promise((resolve) => this.connectionWaiters.push(resolve));
  }

  waitForSocketMessage(test: (m: Record<string, any>) => boolean): Promise<Record<string, any>> {
    const seen = this.socketMessages.find(test);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve) => this.socketWaiters.push({ test, resolve }));
  }

  async close(): Promise<void> {
    for (const ws of this.sockets) ws.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private accept(ws: WebSocket): void {
    this.sockets.push(ws);
    ws.on('message', (data) => {
      const message = JSON.parse(String(data)) as Record<string, any>;
      this.socketMessages.push(message);
      for (const waiter of this.socketWaiters.splice(0)) {
        if (waiter.test(message)) waiter.resolve(message);
        else this.socketWaiters.push(waiter);
      }
    });
    // Slack greets every new connection; the client is "connected" only after this.
    ws.send(JSON.stringify({ type: 'hello', num_connections: 1, connection_info: { app_id: 'A111' } }));
    for (const wake of this.connectionWaiters.splice(0)) wake(ws);
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const raw = Buffer.concat(chunks);
    const url = new URL(req.url ?? '/', this.base);
    const [, kind = '', name = ''] = url.pathname.split('/');
    const auth = req.headers.authorization;
    const token = auth?.startsWith('Bearer ') ? auth.slice(7) : undefined;
    const body = parseBody(raw, req.headers['content-type'] ?? '');
    const method =
      kind === 'api' ? name : kind === 'response' ? 'response_url' : kind === 'upload' ? 'file_upload' : `unknown:${url.pathname}`;
    const call: RecordedCall = { method, body, ...(token ? { token } : {}), raw };
    this.calls.push(call);

    let status = 200;
    let answer: Record<string, unknown> | string;
    if (kind === 'api') {
      const handler = this.handlers.get(method);
      answer = handler ? await handler(body, call) : this.answer(method, body);
    } else if (kind === 'response' || kind === 'upload') {
      answer = 'ok';
    } else {
      status = 404;
      answer = 'not found';
    }
    if (typeof answer !== 'string') call.response = answer;
    res.writeHead(status, { 'content-type': typeof answer === 'string' ? 'text/plain' : 'application/json' });
    res.end(typeof answer === 'string' ? answer : JSON.stringify(answer));
    // Waiters hear of a call once it has been answered, as the app would see it.
    for (const waiter of this.waiters.splice(0)) {
      if (waiter.test(call)) waiter.resolve(call);
      else this.waiters.push(waiter);
    }
  }

  /** Slack's default answers, enough for the app to carry on. */
  private answer(method: string, body: Record<string, any>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'T111', team: 'Test Team', url: 'https://cruxbot-test.slack.com/' };
      case 'chat.postMessage': {
        const channel = String(body.channel).startsWith('U') || String(body.channel).startsWith('W') ? `D${body.channel}` : body.channel;
        return { ok: true, channel, ts: this.nextTs(), message: { text: body.text } };
      }
      case 'chat.update':
        return { ok: true, channel: body.channel, ts: body.ts };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'chat.getPermalink':
        return {
          ok: true,
          permalink: `https://cruxbot-test.slack.com/archives/${body.channel}/p${String(body.message_ts).replace('.', '')}`,
        };
      case 'users.info': {
        const name = this.users.get(body.user);
        const is_admin = this.admins.has(body.user);
        return name
          ? {
              ok: true,
              user: {
                id: body.user,
                name: name.toLowerCase(),
                real_name: `${name} Real`,
                profile: { display_name: name },
                is_admin,
                ...(this.zones.has(body.user) ? { tz: this.zones.get(body.user) } : {}),
                is_owner: false,
              },
            }
          : { ok: false, error: 'user_not_found' };
      }
      case 'usergroups.list':
        return { ok: true, usergroups: [...this.userGroups].map(([id, g]) => ({ id, team_id: 'T111', handle: g.handle, name: g.handle })) };
      case 'usergroups.users.list': {
        const group = this.userGroups.get(body.usergroup);
        return group ? { ok: true, users: group.users } : { ok: false, error: 'no_such_subteam' };
      }
      case 'views.open':
      case 'views.publish':
      case 'views.update':
        return { ok: true, view: { id: 'V111' } };
      case 'files.getUploadURLExternal': {
        const id = `F${++this.files}`;
        return { ok: true, upload_url: `${this.base}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal':
        return { ok: true, files: (body.files as { id: string }[]).map((f) => ({ id: f.id })) };
      case 'apps.connections.open':
        return { ok: true, url: `${this.base.replace('http', 'ws')}/socket` };
      case 'conversations.history':
      case 'conversations.replies':
        return { ok: true, messages: [], has_more: false, response_metadata: { next_cursor: '' } };
      default:
        return { ok: false, error: 'unknown_method' };
    }
  }

  private nextTs(): string {
    this.ts += 1;
    return `${this.ts}.000100`;
  }
}

function parseBody(raw: Buffer, contentType: string): Record<string, any> {
  const text = raw.toString('utf8');
  if (contentType.includes('application/json')) {
    try {
      return JSON.parse(text) as Record<string, any>;
    } catch {
      return {};
    }
  }
  if (contentType.includes('application/x-www-form-urlencoded')) {
    const body: Record<string, any> = {};
    for (const [key, value] of new URLSearchParams(text)) {
      body[key] = /^[[{]/.test(value) ? safeJson(value) : value;
    }
    return body;
  }
  return { bytes: raw.length };
}

function safeJson(value: string): unknown {
  try {
    return JSON.parse(value);
  } catch {
    return value;
  }
}
