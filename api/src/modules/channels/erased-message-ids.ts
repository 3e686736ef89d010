import type { EntityManager } from '@mikro-orm/postgresql';
import { execute, query } from '../../db/sql';
import type { PhoneHasher } from '../contacts';
import { ERASED_MESSAGE_IDS_AMONG, RECORD_ERASED_MESSAGE_IDS, RENAME_ERASED_STATUSES } from './erased-message-ids.sql';
import type { WebhookSubjects } from './webhook-subjects';

const PREFIX = 'erased.';

/** Ids per statement when an erasure renames them (bounded parameter arrays, however many a contact had). */
const RENAME_BATCH = 5000;

/**
 * UU PDP erasure of Meta's message ids: a wamid is base64 of a record holding the recipient's number, so an erased
 * contact's messages and statuses keep `erased.` + a keyed hash of it instead (PhoneHasher, scope `message-id`).
 * Only the hash is recorded, so a status Meta sends later for the original wamid is recognised by hashing its id
 * and lands on the erased message, never bringing the number back.
 */
export class ErasedMessageIds {
  constructor(
    private readonly hasher: PhoneHasher,
    private readonly subjects: Pick<WebhookSubjects, 'deleteNaming'>,
  ) {}

  /** Whether an id is already an erased one (never hashed twice). */
  static isErased(messageId: string): boolean {
    return messageId.startsWith(PREFIX);
  }

  /**
   * Erases these wamids of a workspace's messages in the erasing transaction: recorded by hash, renamed on the
   * workspace's statuses. Answers each original's erased id, for the caller's own rows. A wamid already recorded
   * under the previous key (erased before a rotation) keeps that erased id: its message and statuses hold it.
   */
  async erase(tx: EntityManager, workspaceId: string, wamids: readonly string[]): Promise<Map<string, string>> {
    const fresh = [...new Set(wamids.filter((wamid) => !ErasedMessageIds.isErased(wamid)))];
    const known =
      fresh.length > 0 && this.hasher.hasPreviousKey ? await this.recognise(tx, fresh) : new Map<string, string>();
    const renamed = new Map<string, string>();
    for (const wamid of fresh) renamed.set(wamid, known.get(wamid) ?? this.hasher.erasedMessageId(wamid));
    const pairs = [...renamed];
    for (let start = 0; start < pairs.length; start += RENAME_BATCH) {
      const batch = pairs.slice(start, start + RENAME_BATCH);
      await execute(tx, RECORD_ERASED_MESSAGE_IDS, [batch.map(([, erased]) => erased.slice(PREFIX.length))]);
      await execute(tx, RENAME_ERASED_STATUSES, [
        workspaceId,
        batch.map(([wamid]) => wamid),
        batch.map(([, erased]) => erased),
      ]);
    }
    return renamed;
  }

  /**
   * Wamids Meta reported after their message's contact was erased, for a message that had none then (an UNKNOWN
   * send's first status): erased as an erasure does, and the applied bodies that carried them, with the number, go.
   * Rare (an erasure and an unconfirmed send of the same message).
   */
  async eraseReported(tx: EntityManager, workspaceId: string, wamids: readonly string[]): Promise<Map<string, string>> {
    const renamed = await this.erase(tx, workspaceId, wamids);
    await this.subjects.deleteNaming(tx, [...renamed.keys()]);
    return renamed;
  }

  /**
   * Of these wamids (a batch of statuses), the erased ones, with what they became. Each is hashed under every key
   * (the previous one still names what was erased before a rotation); one indexed read.
   */
  async recognise(tx: EntityManager, wamids: readonly string[]): Promise<Map<string, string>> {
    const candidates = new Map<string, { wamid: string; rank: number }>();
    for (const wamid of wamids) {
      if (ErasedMessageIds.isErased(wamid)) continue;
      this.hasher.erasedMessageIds(wamid).forEach((erased, rank) => {
        candidates.set(erased.slice(PREFIX.length), { wamid, rank });
      });
    }
    if (candidates.size === 0) return new Map();
    const found = (await query(tx, ERASED_MESSAGE_IDS_AMONG, [[...candidates.keys()]]))
      .map(({ hash }) => ({ hash, ...candidates.get(hash)! }))
      // Recorded under both keys (never by this code, but cheap to settle): the current key's.
      .sort((a, b) => b.rank - a.rank);
    return new Map(found.map(({ hash, wamid }) => [wamid, `${PREFIX}${hash}`]));
  }
}
