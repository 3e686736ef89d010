import { createHmac, hkdfSync } from 'node:crypto';

/**
 * The keyed hash that stands for a number wherever the number itself must not be kept: HMAC-SHA256
 * under a key derived (HKDF) from ENCRYPTION_KEY, over a scope and the E.164 number. Without the key
 * the hash does not reveal the number (a phone number has too few digits to survive a plain hash).
 * Erased suppressions are scoped by workspace; campaigns' count of a portfolio's recipients in
 * Meta's 24 h window by portfolio.
 */
export class PhoneHasher {
  private readonly key: Buffer;

  constructor(encryptionKey: string) {
    this.key = Buffer.from(hkdfSync('sha256', encryptionKey, 'bizone-contacts', 'erased-phone-hash', 32));
  }

  /** `scope`: a workspace id (erased suppressions) or a Meta business portfolio id (campaigns). */
  hash(scope: string, e164: string): string {
    return createHmac('sha256', this.key).update(`${scope}:${e164}`).digest('hex');
  }
}
