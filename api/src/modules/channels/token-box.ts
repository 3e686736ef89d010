import { createCipheriv, createDecipheriv, createHash, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Channel access tokens at rest: AES-256-GCM from node:crypto under a key derived from
 * ENCRYPTION_KEY. Every sealed value names the key that sealed it (`ct1.<keyId>.<base64>`),
 * so after a rotation the re-encryption command can tell which rows still use the old key,
 * and opening with the wrong key fails instead of returning garbage (GCM's tag).
 */
export class TokenBox {
  readonly keyId: string;
  private readonly key: Buffer;

  constructor(encryptionKey: string) {
    this.key = Buffer.from(hkdfSync('sha256', encryptionKey, 'bizone', 'channel-access-token', 32));
    // A public fingerprint of the derived key: it identifies the key without revealing it.
    this.keyId = createHash('sha256').update(this.key).digest('hex').slice(0, 12);
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(this.keyId));
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `ct1.${this.keyId}.${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  /** The key id a sealed value was sealed with (undefined when it is not one of ours). */
  static keyIdOf(sealed: string): string | undefined {
    const [version, keyId] = sealed.split('.');
    return version === 'ct1' && keyId ? keyId : undefined;
  }

  open(sealed: string): string {
    const [version, keyId, payload] = sealed.split('.');
    if (version !== 'ct1' || keyId !== this.keyId || !payload) {
      throw new Error(`access token sealed with key ${keyId ?? '?'}, not the current key ${this.keyId}`);
    }
    const raw = Buffer.from(payload, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, raw.subarray(0, 12));
    decipher.setAAD(Buffer.from(keyId));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }
}
