import type { EntityManager } from '@mikro-orm/postgresql';
import { execute } from '../../db/sql';
import type { PhoneHasher } from '../contacts';
import { DELETE_WEBHOOKS_NAMING, DELETE_WEBHOOKS_OF_SUBJECTS, RECORD_WEBHOOK_SUBJECTS } from './webhook.sql';

/** The keys under which Meta's bodies name a person: a number, a WhatsApp id, a business-scoped user id. */
const SUBJECT_KEYS = new Set(['wa_id', 'user_id', 'recipient_id', 'from']);
/** Message ids (base64 of a record holding the recipient's number) name a person wherever they appear. */
const WAMID_PREFIX = 'wamid.';
/** The hash scope: no workspace, portfolio or other scope is spelt so. */
const SCOPE = 'webhook-subject';
/** Rows per insert, however many statuses a batch of bodies carries (bounded parameter arrays). */
const RECORD_BATCH = 10_000;

/** What one parsed body names: every string under a subject key, and every wamid. */
export function subjectsOf(body: unknown): Set<string> {
  const found = new Set<string>();
  const walk = (value: unknown, key: string | undefined) => {
    if (typeof value === 'string') {
      if ((key !== undefined && SUBJECT_KEYS.has(key)) || value.startsWith(WAMID_PREFIX)) found.add(value);
    } else if (Array.isArray(value)) {
      for (const item of value) walk(item, key);
    } else if (value !== null && typeof value === 'object') {
      for (const [name, item] of Object.entries(value)) walk(item, name);
    }
  };
  walk(body, undefined);
  return found;
}

/**
 * The subject index of Meta's stored bodies (UU PDP erasure): keyed hashes (PhoneHasher, scope `webhook-subject`) of
 * who each body names, recorded when it is applied (the erasure deletes applied bodies only; the store before the 200
 * stays one insert), so an erasure finds the bodies naming a number by the index instead of reading every body.
 * Without the installation's key a hash reveals nothing; the rows go with their body (on delete cascade).
 */
export class WebhookSubjects {
  constructor(private readonly hasher: PhoneHasher) {}

  /** In the applying transaction, before anything there may delete the bodies. */
  async record(tx: EntityManager, bodies: readonly (readonly [id: string, subjects: Set<string>])[]): Promise<void> {
    const rows = bodies.flatMap(([id, subjects]) =>
      [...subjects].map((subject) => [this.hasher.hash(SCOPE, subject), id] as const),
    );
    for (let start = 0; start < rows.length; start += RECORD_BATCH) {
      const batch = rows.slice(start, start + RECORD_BATCH);
      await execute(tx, RECORD_WEBHOOK_SUBJECTS, [batch.map(([hash]) => hash), batch.map(([, id]) => id)]);
    }
  }

  /**
   * Deletes the applied bodies that name one of these tokens (numbers without `+`, WhatsApp ids, wamids), by the
   * index under every key (a rotation's previous one too), and, while any is left, the bodies applied before the
   * index existed by reading them.
   */
  async deleteNaming(tx: EntityManager, tokens: readonly string[]): Promise<void> {
    if (tokens.length === 0) return;
    const hashes = [...new Set(tokens)].flatMap((token) => this.hasher.hashes(SCOPE, token));
    await execute(tx, DELETE_WEBHOOKS_OF_SUBJECTS, [hashes]);
    await execute(tx, DELETE_WEBHOOKS_NAMING, [[...new Set(tokens)]]);
  }
}
