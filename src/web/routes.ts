import type { ServerResponse } from 'node:http';
import { debatePage } from '../app/debate-page.ts';
import type { HttpRoute } from '../http/server.ts';
import { sharedDebate } from '../queries/shared-debate.ts';
import { PAGE_SCRIPT, PAGE_STYLE, type PageAsset } from '../render/page-assets.ts';
import type { Services } from '../services.ts';

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
  return [
    {
      method: 'GET',
      path: '/d/*',
      handle: async (_req, res, path) => {
        const rest = path.slice('/d/'.length);
        if (rest.startsWith('assets/')) return serveAsset(res, rest.slice('assets/'.length));
        const started = performance.now();
        try {
          const found = await sharedDebate(services.queries, rest, services.clock().toISOString());
          if (!found) return notFound(res);
          const html = await debatePage(services.queries, found.debate, { mode: 'linked', assetBase: 'assets', now: services.clock() });
          res.writeHead(200, {
            ...PAGE_HEADERS,
            'content-type': 'text/html; charset=utf-8',
            'server-timing': `page;dur=${(performance.now() - started).toFixed(1)}`,
          });
          res.end(html);
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
