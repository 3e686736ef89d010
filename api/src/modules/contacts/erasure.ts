import { createHmac, hkdfSync } from 'node:crypto';

/**
 * The keyed hash an erased number leaves behind: HMAC-SHA256 under a key derived (HKDF) from
 * ENCRYPTION_KEY, over the workspace and the E.164 number. Without the key the hash does not
 * reveal the number (a phone number has too few digits to survive a plain hash).
 */
export class PhoneHasher {
  private readonly key: Buffer;

  constructor(encryptionKey: string) {
    this.key = Buffer.from(hkdfSync('sha256', encryptionKey, 'bizone-contacts', 'erased-phone-hash', 32));
  }

  hash(workspaceId: string, e164: string): string {
    return createHmac('sha256', this.key).update(`${workspaceId}:${e164}`).digest('hex');
  }
}
