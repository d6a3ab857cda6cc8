import type { IncomingMessage, ServerResponse } from 'node:http';
import { gzipSync } from 'node:zlib';
import { debatePage } from '../app/debate-page.ts';
import type { HttpRoute } from '../http/server.ts';
import { sharedDebate } from '../queries/shared-debate.ts';
import { PAGE_SCRIPT, PAGE_STYLE, type PageAsset } from '../render/page-assets.ts';
import type { Services } from '../services.ts';
import type { Debate } from '../domain/debates.ts';

/**
 * What the page allows itself: its own script and style sheet, images from itself or inline data (the
 * drift charts), nothing else; no frames, no forms, no base tag.
 */
export const PAGE_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

const PAGE_HEADERS = {
  'content-security-policy': PAGE_CSP,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'x-robots-tag': 'noindex, nofollow',
  'x-frame-options': 'DENY',
  'cross-origin-opener-policy': 'same-origin',
  // A revoked link must stop working at once: nothing keeps a copy.
  'cache-control': 'no-store',
} as const;

const ASSETS = new Map<string, PageAsset>([PAGE_SCRIPT, PAGE_STYLE].map((a) => [a.name, a]));

/**
 * `GET /d/<token>`: the read-only page of the debate the token was made for, and `/d/assets/…`, its
 * script and style sheet. A token that opens nothing (mistyped, tampered with, revoked, expired, its
 * debate deleted) gets one and the same 404, so a page cannot be found by trying.
 */
export function webRoutes(services: Services): HttpRoute[] {
  const pages = new PageCache();
  return [
    {
      method: 'GET',
      path: '/d/*',
      handle: async (req, res, path) => {
        const rest = path.slice('/d/'.length);
        if (rest.startsWith('assets/')) return serveAsset(res, rest.slice('assets/'.length));
        const started = performance.now();
        try {
          const found = await sharedDebate(services.queries, rest, services.clock().toISOString());
          if (!found) return notFound(res);
          const page = await pages.get(found.debate, services.clock(), async () =>
            await debatePage(services.queries, found.debate, { mode: 'linked', assetBase: 'assets', now: services.clock() }),
          );
          const gzip = acceptsGzip(req);
          res.writeHead(200, {
            ...PAGE_HEADERS,
            'content-type': 'text/html; charset=utf-8',
            vary: 'accept-encoding',
            ...(gzip ? { 'content-encoding': 'gzip' } : {}),
            'server-timing': `page;dur=${(performance.now() - started).toFixed(1)}`,
          });
          res.end(gzip ? page.gzip : page.html);
        } catch (error) {
          // Logged without the path: it holds the token.
          services.log.error({ err: error }, 'web: a shared page failed');
          if (!res.headersSent) res.writeHead(500, { ...PAGE_HEADERS, 'content-type': 'text/plain; charset=utf-8' });
          res.end('Something went wrong drawing this page.\n');
        }
      },
    },
  ];
}

const acceptsGzip = (req: IncomingMessage): boolean => /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? ''));

/**
 * A debate's page, kept for a few seconds: a link sent to a room is opened by many people at once, and a
 * 200-claim page takes far longer to make than to send. The token is checked on every request (a revoked
 * link stops at once); what a kept page may show is only ever older than now, never newer, so a poll that
 * starts hiding results hides nothing the chat was not showing everyone when the page was made.
 */
class PageCache {
  private readonly kept = new Map<string, { at: number; html: string; gzip: Buffer }>();
  private readonly making = new Map<string, Promise<{ html: string; gzip: Buffer }>>();

  async get(debate: Debate, now: Date, make: () => Promise<string>): Promise<{ html: string; gzip: Buffer }> {
    const key = `${debate.workspace}\u0000${debate.id}`;
    const kept = this.kept.get(key);
    if (kept && now.getTime() - kept.at < PAGE_KEPT_MS && now.getTime() >= kept.at) return kept;
    let making = this.making.get(key);
    if (!making) {
      making = make().then((html) => {
        const page = { at: now.getTime(), html, gzip: gzipSync(html) };
        this.kept.set(key, page);
        if (this.kept.size > 200) this.kept.delete(this.kept.keys().next().value!);
        return page;
      });
      this.making.set(key, making);
      making.finally(() => this.making.delete(key)).catch(() => undefined);
    }
    return await making;
  }
}

/** How long a made page is served again before it is made afresh. */
export const PAGE_KEPT_MS = 5_000;

function serveAsset(res: ServerResponse, name: string): void {
  const asset = ASSETS.get(name);
  if (!asset) return notFound(res);
  res.writeHead(200, {
    'content-type': asset.contentType,
    'x-content-type-options': 'nosniff',
    // The name carries the content's hash: a new version has a new name.
    'cache-control': 'public, max-age=31536000, immutable',
  });
  res.end(asset.text);
}

export const NOT_FOUND_HTML = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><meta name="robots" content="noindex, nofollow"><title>Not found · cruxbot</title></head>
<body><h1>This link does not open a debate</h1><p>It may be mistyped, or it was revoked or has expired. Ask whoever sent it for a new one (<code>/debate share</code> in the chat).</p></body></html>
`;

function notFound(res: ServerResponse): void {
  res.writeHead(404, { ...PAGE_HEADERS, 'content-type': 'text/html; charset=utf-8' });
  res.end(NOT_FOUND_HTML);
}
