import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

function derive(encryptionKey: string): { keyId: string; key: Buffer } {
  const key = Buffer.from(hkdfSync('sha256', encryptionKey, 'bizone', 'channel-access-token', 32));
  // A public fingerprint of the derived key: it identifies the key without revealing it.
  return { key, keyId: createHash('sha256').update(key).digest('hex').slice(0, 12) };
}

/**
 * A sealed value this box cannot open: sealed under a key it no longer has (a rotation without
 * ENCRYPTION_KEY_PREVIOUS), or altered. Only replacing the secret helps.
 */
export class UnreadableSecretError extends Error {
  constructor(readonly keyId: string | undefined) {
    super(`secret sealed with key ${keyId ?? '?'}, which this installation cannot open`);
    this.name = 'UnreadableSecretError';
  }
}

/**
 * Channel secrets at rest (access tokens, reply-forwarding signing secrets): AES-256-GCM from
 * node:crypto under a key derived from ENCRYPTION_KEY. Every sealed value names the key that
 * sealed it (`ct1.<keyId>.<base64>`), so after a rotation `npm run channels:rotate-key` finds the
 * rows still under the old key, and opening with the wrong key fails instead of returning
 * garbage (GCM's tag). Values under ENCRYPTION_KEY_PREVIOUS still open, so the portal keeps
 * working between setting the new key and the re-encryption finishing.
 */
export class TokenBox {
  readonly keyId: string;
  readonly previousKeyId: string | undefined;
  private readonly keys = new Map<string, Buffer>();

  constructor(encryptionKey: string, previousEncryptionKey?: string) {
    const current = derive(encryptionKey);
    this.keyId = current.keyId;
    this.keys.set(current.keyId, current.key);
    if (previousEncryptionKey) {
      const previous = derive(previousEncryptionKey);
      this.previousKeyId = previous.keyId;
      if (!this.keys.has(previous.keyId)) this.keys.set(previous.keyId, previous.key);
    }
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.get(this.keyId)!, iv);
    cipher.setAAD(Buffer.from(this.keyId));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `ct1.${this.keyId}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  /** The key id a sealed value was sealed with (undefined when it is not one of ours). */
  static keyIdOf(sealed: string): string | undefined {
    const [version, keyId] = sealed.split('.');
    return version === 'ct1' && keyId ? keyId : undefined;
  }

  /** Whether this box can open the value (sealed under the current or the previous key). */
  canOpen(sealed: string): boolean {
    const keyId = TokenBox.keyIdOf(sealed);
    return !!keyId && this.keys.has(keyId);
  }

  /** The plaintext, or UnreadableSecretError when the key is not this box's or the value was altered. */
  open(sealed: string): string {
    const [version, keyId, payload] = sealed.split('.');
    const key = keyId ? this.keys.get(keyId) : undefined;
    if (version !== 'ct1' || !key || !payload) throw new UnreadableSecretError(keyId);
    const raw = Buffer.from(payload, 'base64');
    try {
      const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, 12));
      decipher.setAAD(Buffer.from(keyId!));
      decipher.setAuthTag(raw.subarray(12, 28));
      return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
    } catch {
      throw new UnreadableSecretError(keyId);
    }
  }
}
