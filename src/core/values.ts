/** Parsing of the option value types that are shared across commands (claim ids, slugs, users). */

const CLAIM_ID = /^(?:[cC]#?|#)?(\d{1,9})$/;

/** `C12`, `c12`, `#12` or `12` → 12; anything else → undefined. */
export function parseClaimId(input: string): number | undefined {
  const match = CLAIM_ID.exec(input.trim());
  if (!match) return undefined;
  const n = Number(match[1]);
  return n >= 1 ? n : undefined;
}

export function formatClaimId(n: number): string {
  return `C${n}`;
}

export const SLUG_PATTERN = /^[a-z0-9](?:[a-z0-9-]{0,38}[a-z0-9])?$/;

/**
 * A user option: a Discord mention `<@123>`, a Slack mention `<@U123|name>`, or a bare id or name.
 * Returns the id.
 */
export function parseUserRef(input: string): string | undefined {
  const trimmed = input.trim();
  const mention = /^<@!?([A-Za-z0-9]+)(?:\|[^>]*)?>$/.exec(trimmed);
  if (mention) return mention[1];
  const bare = /^@?([\p{L}\p{N}._-]{1,64})$/u.exec(trimmed);
  return bare?.[1];
}

const TRUE_WORDS = new Set(['true', 'yes', 'y', 'on', '1']);
const FALSE_WORDS = new Set(['false', 'no', 'n', 'off', '0']);

export function parseBoolean(input: string): boolean | undefined {
  const word = input.trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return true;
  if (FALSE_WORDS.has(word)) return false;
  return undefined;
}

// C0/C1 control characters (but newline and tab), the bidi embedding, override and isolate marks, a
// byte-order mark, and halves of surrogate pairs: invisible, able to spoof what a text says, and (lone
// surrogates) refused by the platforms' APIs. They have no place in stored or shown text.
const UNSAFE_CHARACTERS =
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069\uFEFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text without the characters above; CRLF and CR as LF. Otherwise unchanged (not trimmed). */
export function withoutInvisible(input: string): string {
  return input.replace(/\r\n?/g, '\n').replace(UNSAFE_CHARACTERS, '');
}

/** At most `max` UTF-16 units of `text`, one fewer rather than half of a surrogate pair (an emoji). */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = max > 0 && /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, Math.max(0, end));
}

/** User text as stored: Unicode NFC, no control or bidi-override characters, CRLF as LF, trimmed. */
export function cleanText(input: string): string {
  return withoutInvisible(input.normalize('NFC')).trim();
}

/** Text on one line, cut to `max` characters with an ellipsis: for tables and card lines. */
export function shortText(value: string, max: number): string {
  const one = value.replace(/\s+/g, ' ');
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}
