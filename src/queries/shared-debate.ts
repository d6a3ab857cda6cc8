import type { Debate } from '../domain/debates.ts';
import { hashShareToken, isLive, SHARE_TOKEN_PATTERN, type ShareLink } from '../domain/share-links.ts';
import type { Reader } from '../storage/ports.ts';

/**
 * The debate a share token opens, or undefined: a token that is malformed, unknown, revoked or expired,
 * or whose debate is gone, opens nothing, and the caller cannot tell which (every case is the same 404).
 * The token names its workspace; nothing else from the request does.
 */
export async function sharedDebate(
  store: Pick<Reader, 'shareLinks' | 'debates'>,
  token: string,
  now: string,
): Promise<{ debate: Debate; link: ShareLink } | undefined> {
  if (!SHARE_TOKEN_PATTERN.test(token)) return undefined;
  const link = await store.shareLinks.byTokenHash(hashShareToken(token));
  if (!link || !isLive(link, now)) return undefined;
  const debate = await store.debates.byId(link.workspace, link.debateId);
  return debate ? { debate, link } : undefined;
}
