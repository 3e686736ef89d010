import { createHmac, hkdfSync } from 'node:crypto';

/** The scope of erased message ids: no workspace or portfolio id can be spelt so. */
const MESSAGE_ID_SCOPE = 'message-id';

const derive = (encryptionKey: string) =>
  Buffer.from(hkdfSync('sha256', encryptionKey, 'bizone-contacts', 'erased-phone-hash', 32));

/**
 * The keyed hash that stands for a number wherever the number itself must not be kept: HMAC-SHA256
 * under a key derived (HKDF) from ENCRYPTION_KEY, over a scope and the E.164 number. Without the key
 * the hash does not reveal the number (a phone number has too few digits to survive a plain hash).
 * Erased suppressions are scoped by workspace; campaigns' count of a portfolio's recipients in
 * Meta's 24 h window by portfolio; Meta's message ids of erased contacts by `message-id`.
 *
 * A hash cannot be re-keyed (there is nothing left to hash again), so after a rotation the hashes
 * recorded under ENCRYPTION_KEY_PREVIOUS are still recognised: every lookup asks for a value's hash
 * under each key (`hashes`, `erasedMessageIds`); new ones are recorded under the current key only.
 */
export class PhoneHasher {
  /** The current key first, then the previous one when a rotation left one. */
  private readonly keys: Buffer[];

  constructor(encryptionKey: string, previousEncryptionKey?: string) {
    this.keys = [derive(encryptionKey)];
    if (previousEncryptionKey && previousEncryptionKey !== encryptionKey) this.keys.push(derive(previousEncryptionKey));
  }

  /** Whether a previous key is still recognised (ENCRYPTION_KEY_PREVIOUS is set). */
  get hasPreviousKey(): boolean {
    return this.keys.length > 1;
  }

  /** `scope`: a workspace id (erased suppressions) or a Meta business portfolio id (campaigns). Current key. */
  hash(scope: string, e164: string): string {
    return this.hashUnder(this.keys[0]!, scope, e164);
  }

  /** The hash under each key, the current one first: what a lookup of something recorded earlier matches. */
  hashes(scope: string, e164: string): string[] {
    return this.keys.map((key) => this.hashUnder(key, scope, e164));
  }

  /** The hash under the current key and under the previous one (null without one): statements' two parameters. */
  currentAndPrevious(scope: string, e164: string): [string, string | null] {
    const [current, previous] = this.hashes(scope, e164);
    return [current!, previous ?? null];
  }

  /**
   * What an erased contact's message id (Meta's wamid, base64 of a record holding the recipient's
   * number) becomes: `erased.` + its keyed hash. The same wamid always gives the same id, so a
   * status Meta sends later for the original still finds its message.
   */
  erasedMessageId(wamid: string): string {
    return `erased.${this.hash(MESSAGE_ID_SCOPE, wamid)}`;
  }

  /** The erased id a wamid has under each key, the current one first (one recorded before a rotation too). */
  erasedMessageIds(wamid: string): string[] {
    return this.hashes(MESSAGE_ID_SCOPE, wamid).map((hash) => `erased.${hash}`);
  }

  private hashUnder(key: Buffer, scope: string, value: string): string {
    return createHmac('sha256', key).update(`${scope}:${value}`).digest('hex');
  }
}
