import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { parseSecretKey, seal, sealedKeyId, unseal } from '../../src/core/sealed.ts';

const key = () => parseSecretKey(randomBytes(32).toString('hex'))!;

describe('secrets sealed at rest (AES-256-GCM)', () => {
  it('opens what it sealed, and the sealed text gives neither the secret nor the key', () => {
    const k = key();
    const sealed = seal(k, 'xoxb-very-secret', 'team:T1');
    expect(sealed).not.toContain('xoxb');
    expect(sealed).not.toContain(k.bytes.toString('hex'));
    expect(sealedKeyId(sealed)).toBe(k.id);
    expect(unseal([k], sealed, 'team:T1')).toBe('xoxb-very-secret');
    // A fresh nonce each time: the same secret never seals to the same text.
    expect(seal(k, 'xoxb-very-secret', 'team:T1')).not.toBe(sealed);
  });

  it('refuses a changed value, a value moved to another row, and a key that is not set', () => {
    const k = key();
    const sealed = seal(k, 'xoxb-very-secret', 'team:T1');
    const parts = sealed.split('.');
    const flipped = [...parts.slice(0, 4), Buffer.from('xoxb-very-secreX').toString('base64url')].join('.');
    expect(() => unseal([k], flipped, 'team:T1')).toThrow(/does not open: it was changed, or belongs to another row/);
    expect(() => unseal([k], sealed, 'team:T2')).toThrow(/belongs to another row/);
    expect(() => unseal([key()], sealed, 'team:T1')).toThrow(/which is not set/);
    expect(() => unseal([k], 'plain text', 'team:T1')).toThrow(/not a sealed value/);
  });

  it('reads a key as 64 hex characters or base64 of 32 bytes, and nothing shorter', () => {
    expect(parseSecretKey('ab'.repeat(32))?.bytes.length).toBe(32);
    expect(parseSecretKey(randomBytes(32).toString('base64'))?.bytes.length).toBe(32);
    expect(parseSecretKey(randomBytes(16).toString('base64'))).toBeUndefined();
    expect(parseSecretKey('correct horse battery staple')).toBeUndefined();
  });
});
