import { Migration } from '@mikro-orm/migrations';

/**
 * Deleting a contact sets its messages' `contact_id` to null through the foreign key, whose trigger looks them up by
 * `contact_id`, once per deleted contact, even after the erasure hook has already forgotten them: without an index
 * led by it each deletion read every message of every workspace (5,000 contacts with 200,000 messages: 69 s; a
 * million-row book with its campaigns would take days). The erasure's own passes (`campaigns.erasing-message-ids`,
 * `campaigns.forget-contacts`) use it too.
 *
 * The one-row-per-contact-per-campaign unique index is turned around (contact, campaign) rather than a second index
 * added: every message version the send path writes (claim, outcome, statuses: non-HOT updates) pays an entry in
 * each index, and a separate contact index measured +5 % PostgreSQL CPU per message. The snapshot's
 * `on conflict (campaign_id, contact_id)` infers the index by its columns, in any order; lookups by campaign use
 * `campaign_message_status_index`.
 */
export class Migration20261203180000MessageByContact extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index if exists "campaign_message_contact_unique";`);
    this.addSql(
      `create unique index "campaign_message_contact_unique" on "campaign_message" ("contact_id", "campaign_id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "campaign_message_contact_unique";`);
    this.addSql(
      `create unique index "campaign_message_contact_unique" on "campaign_message" ("campaign_id", "contact_id");`,
    );
  }
}
