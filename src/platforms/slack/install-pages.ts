import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Installation } from '@slack/bolt';
import { SLACK_SCOPES } from './manifest.ts';

const escape = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

const page = (title: string, body: string) =>
  `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">` +
  `<meta name="robots" content="noindex"><title>${escape(title)}</title>` +
  `<style>body{font:16px/1.5 system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;color:#1d1c1d}` +
  `a.add{display:inline-block;background:#4a154b;color:#fff;padding:.6rem 1.2rem;border-radius:6px;text-decoration:none;font-weight:600}` +
  `li{margin:.2rem 0}code{background:#f4f4f4;padding:0 .2rem}</style></head><body>${body}</body></html>`;

/** `GET /slack/install`: what cruxbot will be allowed to do, each scope with why, and the button. */
export function installPage(url: string): string {
  const scopes = SLACK_SCOPES.map((s) => `<li><code>${escape(s.scope)}</code>: ${escape(s.why)}</li>`).join('');
  return page(
    'Add cruxbot to Slack',
    `<h1>Add cruxbot to Slack</h1><p>cruxbot captures a thread's claims, links them into a crux map, and polls your team's credences.</p>` +
      `<p>It asks for these permissions:</p><ul>${scopes}</ul><p><a class="add" href="${escape(url)}">Add to Slack</a></p>`,
  );
}

/** After Slack's consent screen: installed, and what to type first. */
export function installed(
  installation: Installation<'v1' | 'v2', boolean>,
  _options: unknown,
  _req: IncomingMessage,
  res: ServerResponse,
): void {
  const team = installation.team?.name ?? installation.enterprise?.name ?? 'your workspace';
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(
    page(
      'cruxbot is installed',
      `<h1>cruxbot is installed in ${escape(team)}</h1><p>In a channel, type <code>/debate new</code> to start a debate, or <code>/help</code> for every command.</p>`,
    ),
  );
}

/** A refused or forged install: nothing stored, and a way to start again. */
export function installFailed(error: { code?: string }, _options: unknown, _req: IncomingMessage, res: ServerResponse): void {
  res.writeHead(400, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
  res.end(
    page(
      'cruxbot was not installed',
      `<h1>cruxbot was not installed</h1><p>${escape(error.code ?? 'The install could not be completed')}. <a href="/slack/install">Start again</a>.</p>`,
    ),
  );
}
