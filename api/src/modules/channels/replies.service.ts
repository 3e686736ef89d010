import type { EntityManager } from '@mikro-orm/postgresql';
import { query } from '../../db/sql';
import type { ContactsService } from '../contacts';
import { CONTACT_REPLIES, type ReplyRow } from './replies.sql';

/** A contact's inbound WhatsApp replies, read-only. */
export class RepliesService {
  constructor(private readonly contacts: ContactsService) {}

  async page(
    em: EntityManager,
    workspaceId: string,
    contactId: string,
    options: { first: number; after?: string | null },
  ): Promise<{ items: ReplyRow[]; hasNextPage: boolean }> {
    await this.contacts.get(em, workspaceId, contactId);
    const rows = await query(em, CONTACT_REPLIES, [workspaceId, contactId, options.after ?? null, options.first + 1]);
    return { items: rows.slice(0, options.first), hasNextPage: rows.length > options.first };
  }
}
