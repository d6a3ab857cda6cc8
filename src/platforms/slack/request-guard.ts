import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, RequestListener, ServerResponse } from 'node:http';
import getRawBody from 'raw-body';
import type { Logger } from '../../core/logger.ts';
import type { StateStore } from '../../storage/ports.ts';

/** Slack allows five minutes of clock difference; beyond that a request is refused, in either direction. */
export const SLACK_TIMESTAMP_WINDOW_S = 5 * 60;
/** Bolt's own limit on a request body. */
const BODY_LIMIT = 10 * 1024 * 1024;

/** Why a request was refused, for the log (never echoed to the caller, who gets a bare 401). */
export type Refusal = 'unsigned' | 'timestamp' | 'stale' | 'future' | 'signature' | 'replay';

/**
 * Checks a Slack request before Bolt sees it: signed with the signing secret, its timestamp within five
 * minutes of now in either direction (Bolt alone accepts any future timestamp), and not a replay of a
 * request already handled (the signature is kept in the store for the window and a little more, so every
 * instance sees it). A request that passes is handed on with its body already read (Bolt reads
 * `req.rawBody` when it is there, and checks the signature again); one that fails gets 401 and nothing else.
 */
export function guardSlackRequests(
  inner: RequestListener,
  options: { signingSecret: string; state: StateStore; path: string; log: Logger; now?: () => number },
): RequestListener {
  const now = options.now ?? Date.now;
  return (req, res) => {
    const path = (req.url ?? '').split('?')[0];
    if (req.method !== 'POST' || path !== options.path) return inner(req, res);
    void (async () => {
      let body: Buffer;
      try {
        body = await getRawBody(req, { limit: BODY_LIMIT });
      } catch (error) {
        const status = (error as { status?: number }).status === 413 ? 413 : 400;
        res.writeHead(status).end();
        return;
      }
      const refusal = await check(req, body, options.signingSecret, options.state, now());
      if (refusal) {
        options.log.warn({ refusal, path }, `slack: a request was refused (${refusal})`);
        res.writeHead(401).end();
        return;
      }
      (req as IncomingMessage & { rawBody?: Buffer }).rawBody = body;
      try {
        inner(req, res);
      } catch (error) {
        options.log.error({ err: error }, 'slack: the receiver failed on a checked request');
        if (!res.headersSent) res.writeHead(500).end();
      }
    })().catch((error: unknown) => {
      options.log.error({ err: error }, 'slack: checking a request failed');
      if (!res.headersSent) (res as ServerResponse).writeHead(500).end();
    });
  };
}

async function check(req: IncomingMessage, body: Buffer, secret: string, state: StateStore, nowMs: number): Promise<Refusal | undefined> {
  const signature = req.headers['x-slack-signature'];
  const stamp = req.headers['x-slack-request-timestamp'];
  if (typeof signature !== 'string' || typeof stamp !== 'string') {
    // Slack's TLS check carries no signature and no payload; Bolt answers it.
    if (/^ssl_check=1(&|$)/.test(body.toString('latin1'))) return undefined;
    return 'unsigned';
  }
  if (!/^\d{1,12}$/.test(stamp)) return 'timestamp';
  const seconds = Number(stamp);
  const skew = seconds - Math.floor(nowMs / 1000);
  if (skew < -SLACK_TIMESTAMP_WINDOW_S) return 'stale';
  if (skew > SLACK_TIMESTAMP_WINDOW_S) return 'future';
  const expected = Buffer.from(`v0=${createHmac('sha256', secret).update(`v0:${stamp}:`).update(body).digest('hex')}`);
  const given = Buffer.from(signature);
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'signature';
  // Kept past the window, so a copy sent again at its edge is still known.
  const fresh = await state.firstTime(`slack-signature:${signature}`, 2 * SLACK_TIMESTAMP_WINDOW_S * 1000 + 60_000, nowMs);
  return fresh ? undefined : 'replay';
}
