import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Token and secret handling, all from node:crypto (no home-made primitives):
 * random bearer tokens stored as SHA-256, HMAC for low-entropy codes, AES-256-GCM for
 * secrets we must read back (TOTP seeds).
 */

export type TokenKind = 'bzs' | 'bzt' | 'bzc';

/** `bzs_` session, `bzt_` API token, `bzc_` login challenge: 256 random bits each. */
export function newToken(kind: TokenKind): string {
  return `${kind}_${randomBytes(32).toString('base64url')}`;
}

/** Tokens carry 256 bits of entropy, so a plain SHA-256 is a safe, fast lookup key. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/** `bzi_` invitation, `bzr_` password reset: one-time links, never bearer credentials. */
export type LinkKind = 'bzi' | 'bzr';

export function newLinkToken(kind: LinkKind): string {
  return `${kind}_${randomBytes(32).toString('base64url')}`;
}

export function tokenKind(token: string): TokenKind | undefined {
  const prefix = token.slice(0, 4);
  return prefix === 'bzs_' || prefix === 'bzt_' || prefix === 'bzc_' ? (prefix.slice(0, 3) as TokenKind) : undefined;
}

export class SecretBox {
  private readonly sealKey: Buffer;
  private readonly codeKey: Buffer;

  constructor(masterKey: string) {
    // Separate keys per purpose, derived from ENCRYPTION_KEY.
    this.sealKey = Buffer.from(hkdfSync('sha256', masterKey, 'bizone', 'totp-seal', 32));
    this.codeKey = Buffer.from(hkdfSync('sha256', masterKey, 'bizone', 'recovery-code', 32));
  }

  seal(plaintext: string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.sealKey, iv);
    const body = Buffer.concat([cipher.update(plaintext, 'utf8'), cipher.final()]);
    return `v1:${Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64')}`;
  }

  open(sealed: string): string {
    const raw = Buffer.from(sealed.slice(3), 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.sealKey, raw.subarray(0, 12));
    decipher.setAuthTag(raw.subarray(12, 28));
    return Buffer.concat([decipher.update(raw.subarray(28)), decipher.final()]).toString('utf8');
  }

  /** Recovery codes have ~50 bits: a keyed hash keeps a stolen table from being brute-forced offline. */
  hashCode(code: string): string {
    return createHmac('sha256', this.codeKey).update(normalizeCode(code)).digest('hex');
  }
}

const CODE_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

/** `k7m2-9qxd`: easy to read aloud and type, case-insensitive. */
export function newRecoveryCode(): string {
  const chars = Array.from(randomBytes(8), (byte) => CODE_ALPHABET[byte % CODE_ALPHABET.length]).join('');
  return `${chars.slice(0, 4)}-${chars.slice(4)}`;
}

export function normalizeCode(code: string): string {
  return code.trim().toLowerCase().replace(/[\s-]/g, '');
}
