import { createHash } from 'node:crypto';
import { UsageError } from '../core/errors.ts';
import { md } from '../core/markup.ts';

/**
 * A link that shows one debate's read-only page to whoever has it. The token itself is never stored:
 * the row keeps its SHA-256, so the database alone opens no page.
 */
export interface ShareLink {
  readonly id: number;
  readonly workspace: string;
  readonly debateId: number;
  readonly createdBy: string;
  readonly createdByName: string;
  readonly createdAt: string;
  /** When it stops working; undefined: never (until revoked). */
  readonly expiresAt?: string;
  readonly revokedAt?: string;
  readonly revokedBy?: string;
}

export interface NewShareLink {
  readonly workspace: string;
  readonly debateId: number;
  readonly tokenHash: string;
  readonly createdBy: string;
  readonly createdByName: string;
  readonly createdAt: string;
  readonly expiresAt?: string;
}

/** Whether the link opens its page at `now` (ISO time): not revoked, not expired. */
export const isLive = (link: ShareLink, now: string): boolean =>
  link.revokedAt === undefined && (link.expiresAt === undefined || link.expiresAt > now);

/** The longest a link may live: a link is for sending a debate to someone, not for publishing it. */
export const SHARE_MAX_DAYS = 365;
export const SHARE_DEFAULT = '30d';

const UNIT_MS = { h: 3_600_000, d: 86_400_000, w: 7 * 86_400_000 } as const;

/**
 * `7d`, `12h`, `2w` or `never` → milliseconds (undefined for never). Anything else, or more than a year,
 * is a usage error that says what would work.
 */
export function parseShareExpiry(input: string): number | undefined {
  const value = input.trim().toLowerCase();
  if (value === 'never') return undefined;
  const match = /^(\d{1,4})\s*([hdw])$/.exec(value);
  const ms = match ? Number(match[1]) * UNIT_MS[match[2] as keyof typeof UNIT_MS] : NaN;
  if (!(ms > 0) || ms > SHARE_MAX_DAYS * UNIT_MS.d) {
    throw new UsageError(
      md`\`expires:${input}\` is not a duration cruxbot knows: give hours, days or weeks up to a year, such as \`expires:12h\`, \`expires:7d\`, \`expires:2w\`, or \`expires:never\`.`,
      undefined,
      'share.expires',
    );
  }
  return ms;
}

/** A token is 128 random bits, written as 22 base64url characters. */
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** What the database keeps instead of the token: its SHA-256, in hex. */
export const hashShareToken = (token: string): string => createHash('sha256').update(token, 'utf8').digest('hex');
