import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Secrets at rest (Slack bot tokens): AES-256-GCM from Node's own crypto, a fresh 96-bit nonce per value,
 * and the row's key as associated data, so a sealed value copied onto another row does not open. A sealed
 * value names the key that sealed it by a short hash (never the key), so a rotation knows what is left.
 *
 *     v1.<key id>.<nonce>.<tag>.<ciphertext>      (base64url parts)
 */
export interface SecretKey {
  readonly id: string;
  readonly bytes: Buffer;
}

/** Why a key was refused, as the setting's message. */
export const KEY_FORMAT = 'must be 32 random bytes, as 64 hex characters or base64 (make one with: openssl rand -base64 32)';

/** Reads a key as the settings give it: 64 hex characters, or base64 of at least 32 bytes. Undefined when it is neither. */
export function parseSecretKey(text: string): SecretKey | undefined {
  const trimmed = text.trim();
  let bytes: Buffer | undefined;
  if (/^[0-9a-fA-F]{64}$/.test(trimmed)) bytes = Buffer.from(trimmed, 'hex');
  else if (/^[A-Za-z0-9+/_-]{43,}={0,2}$/.test(trimmed)) {
    const decoded = Buffer.from(trimmed.replace(/-/g, '+').replace(/_/g, '/'), 'base64');
    if (decoded.length >= 32) bytes = decoded.subarray(0, 32);
  }
  if (!bytes) return undefined;
  return { id: createHash('sha256').update('cruxbot-secret-key\0').update(bytes).digest('hex').slice(0, 12), bytes };
}

export function seal(key: SecretKey, plaintext: string, context: string): string {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key.bytes, nonce);
  cipher.setAAD(Buffer.from(context));
  const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
  return ['v1', key.id, nonce.toString('base64url'), cipher.getAuthTag().toString('base64url'), body.toString('base64url')].join('.');
}

/** The key id a sealed value names, or undefined when it is not one. */
export function sealedKeyId(sealed: string): string | undefined {
  const parts = sealed.split('.');
  return parts.length === 5 && parts[0] === 'v1' ? parts[1] : undefined;
}

export class SealError extends Error {
  override readonly name = 'SealError';
}

/** Opens a value sealed by one of `keys` (the current one first, then the previous during a rotation). */
export function unseal(keys: readonly SecretKey[], sealed: string, context: string): string {
  const parts = sealed.split('.');
  if (parts.length !== 5 || parts[0] !== 'v1') throw new SealError('not a sealed value');
  const key = keys.find((k) => k.id === parts[1]);
  if (!key) throw new SealError(`sealed with key ${parts[1]}, which is not set (CRUXBOT_SECRET_KEY, CRUXBOT_PREVIOUS_SECRET_KEY)`);
  try {
    const decipher = createDecipheriv('aes-256-gcm', key.bytes, Buffer.from(parts[2]!, 'base64url'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(parts[3]!, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(parts[4]!, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    throw new SealError(`a value sealed with key ${key.id} does not open: it was changed, or belongs to another row`);
  }
}
