import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A reply the bot sent: a public message, a private one, or a post to a request's response URL. */
export interface Delivery {
  readonly via: 'chat.postMessage' | 'chat.postEphemeral' | 'response_url';
  /** The channel a message was posted to (Web API methods). */
  readonly channel?: string;
  /** The id in the response URL's path (`/response/<id>`). */
  readonly responseId?: string;
  /** The reply's words: its sections and fallback text. */
  readonly text: string;
  /** When it arrived, on `performance.now()`'s clock. */
  readonly at: number;
}

/**
 * A local stand-in for Slack's Web API and response URLs, for the load tool: it answers the methods
 * the bot calls as Slack would (enough for it to carry on), keeps only counts, and reports every reply
 * as it arrives. Unlike the tests' fake it records no bodies and has no Socket Mode, so it stays small
 * under thousands of requests and needs nothing beyond Node.
 */
export class FakeSlackWebApi {
  /** Calls per Web API method (and `response_url`), for the report. */
  readonly counts = new Map<string, number>();
  /** The words of every chat.update, by the message it edited (`<channel> <ts>`): how many times a poll's message changed. */
  readonly updates = new Map<string, string[]>();
  private readonly listeners: ((delivery: Delivery) => void)[] = [];
  private ts = 1_700_000_000;
  private files = 0;
  private base = '';

  private constructor(private readonly server: Server) {}

  static async start(): Promise<FakeSlackWebApi> {
    const server = createServer();
    const fake = new FakeSlackWebApi(server);
    server.on('request', (req, res) => void fake.handle(req, res));
    // Keep-alive sockets stay open between the bot's calls, as they would to Slack.
    server.keepAliveTimeout = 30_000;
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    fake.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    return fake;
  }

  /** The Web API base for `SLACK_API_URL`. */
  get apiUrl(): string {
    return `${this.base}/api/`;
  }

  responseUrl(id: string): string {
    return `${this.base}/response/${encodeURIComponent(id)}`;
  }

  onDelivery(listener: (delivery: Delivery) => void): void {
    this.listeners.push(listener);
  }

  async close(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const at = performance.now();
    const [, kind = '', name = ''] = new URL(req.url ?? '/', this.base).pathname.split('/');
    const method = kind === 'api' ? name : kind === 'response' ? 'response_url' : kind === 'upload' ? 'file_upload' : 'unknown';
    this.counts.set(method, (this.counts.get(method) ?? 0) + 1);
    const body = parseBody(Buffer.concat(chunks).toString('utf8'), req.headers['content-type'] ?? '');

    if (kind === 'api') {
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify(this.answer(method, body)));
    } else {
      res.writeHead(kind === 'response' || kind === 'upload' ? 200 : 404, { 'content-type': 'text/plain' });
      res.end(kind === 'response' || kind === 'upload' ? 'ok' : 'not found');
    }

    if (method === 'chat.postMessage' || method === 'chat.postEphemeral') {
      this.report({ via: method, channel: String(body.channel ?? ''), text: wordsOf(body), at });
    } else if (method === 'chat.update') {
      const key = `${String(body.channel ?? '')} ${String(body.ts ?? '')}`;
      this.updates.set(key, [...(this.updates.get(key) ?? []), wordsOf(body)]);
    } else if (method === 'response_url') {
      this.report({ via: 'response_url', responseId: decodeURIComponent(name), text: wordsOf(body), at });
    }
  }

  private report(delivery: Delivery): void {
    for (const listener of this.listeners) listener(delivery);
  }

  /** Slack's answers, enough for the bot to carry on. */
  private answer(method: string, body: Record<string, unknown>): Record<string, unknown> {
    switch (method) {
      case 'auth.test':
        return { ok: true, user_id: 'UBOT', bot_id: 'BBOT', team_id: 'TLOAD', team: 'Load Test', url: 'https://cruxbot-load.slack.com/' };
      case 'chat.postMessage': {
        // Posting to a person opens the app's DM with them, which has its own channel id.
        const channel = String(body.channel ?? '');
        return { ok: true, channel: /^[UW]/.test(channel) ? `D${channel}` : channel, ts: this.nextTs() };
      }
      case 'chat.update':
        return { ok: true, channel: body.channel, ts: body.ts };
      case 'chat.postEphemeral':
        return { ok: true, message_ts: this.nextTs() };
      case 'chat.getPermalink':
        return { ok: true, permalink: `https://cruxbot-load.slack.com/archives/${String(body.channel)}/p1` };
      case 'users.info':
        return { ok: true, user: { id: body.user, name: String(body.user).toLowerCase(), profile: { display_name: String(body.user) } } };
      case 'views.open':
      case 'views.publish':
      case 'views.update':
        return { ok: true, view: { id: 'VLOAD' } };
      case 'files.getUploadURLExternal': {
        const id = `F${++this.files}`;
        return { ok: true, upload_url: `${this.base}/upload/${id}`, file_id: id };
      }
      case 'files.completeUploadExternal':
        return { ok: true, files: [] };
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

/** The Web API client sends forms (blocks as a JSON string); response URLs get JSON. */
function parseBody(text: string, contentType: string): Record<string, unknown> {
  try {
    if (contentType.includes('application/json')) return JSON.parse(text) as Record<string, unknown>;
    const body: Record<string, unknown> = {};
    for (const [key, value] of new URLSearchParams(text)) body[key] = key === 'blocks' ? JSON.parse(value) : value;
    return body;
  } catch {
    return {};
  }
}

/** The sections' text (where `:warning:` marks an error) and the fallback, as one string. */
function wordsOf(body: Record<string, unknown>): string {
  const sections = Array.isArray(body.blocks)
    ? (body.blocks as { text?: { text?: unknown } }[]).map((b) => (typeof b.text?.text === 'string' ? b.text.text : ''))
    : [];
  return [...sections, typeof body.text === 'string' ? body.text : ''].filter(Boolean).join('\n');
}
