import { createHmac, hkdfSync } from 'node:crypto';

/** The scope of erased message ids: no workspace or portfolio id can be spelt so. */
const MESSAGE_ID_SCOPE = 'message-id';

/**
 * The keyed hash that stands for a number wherever the number itself must not be kept: HMAC-SHA256
 * under a key derived (HKDF) from ENCRYPTION_KEY, over a scope and the E.164 number. Without the key
 * the hash does not reveal the number (a phone number has too few digits to survive a plain hash).
 * Erased suppressions are scoped by workspace; campaigns' count of a portfolio's recipients in
 * Meta's 24 h window by portfolio; Meta's message ids of erased contacts by `message-id`.
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

  /**
   * What an erased contact's message id (Meta's wamid, base64 of a record holding the recipient's
   * number) becomes: `erased.` + its keyed hash. The same wamid always gives the same id, so a
   * status Meta sends later for the original still finds its message.
   */
  erasedMessageId(wamid: string): string {
    return `erased.${this.hash(MESSAGE_ID_SCOPE, wamid)}`;
  }
}
