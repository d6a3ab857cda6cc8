import { createHmac } from 'node:crypto';

export const SIGNING_SECRET = 'cruxbot-test-signing-secret';

/** Slack's v0 signature: HMAC-SHA256 of `v0:<timestamp>:<raw body>` with the signing secret. */
export function signature(body: string, timestamp: number, secret = SIGNING_SECRET): string {
  return `v0=${createHmac('sha256', secret).update(`v0:${timestamp}:${body}`).digest('hex')}`;
}

export interface SignedPost {
  readonly body: string;
  readonly contentType?: string;
  /** Seconds since the epoch; Slack's requests are "now", a stale one is older than five minutes. */
  readonly timestamp?: number;
  readonly secret?: string;
  /** Replace the computed signature (a forged request). */
  readonly signature?: string;
  /** More headers, as Slack sends them (e.g. `x-slack-retry-num` on a retried event). */
  readonly headers?: Readonly<Record<string, string>>;
}

/** POSTs a request to the app as Slack would, signed. */
export async function postSigned(url: string, o: SignedPost): Promise<{ status: number; text: string }> {
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': o.contentType ?? 'application/x-www-form-urlencoded',
      'x-slack-request-timestamp': String(timestamp),
      'x-slack-signature': o.signature ?? signature(o.body, timestamp, o.secret),
      ...o.headers,
    },
    body: o.body,
  });
  return { status: response.status, text: await response.text() };
}
