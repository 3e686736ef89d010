import { Migration } from '@mikro-orm/migrations';

/**
 * Deleting a contact sets its messages' `contact_id` to null through the foreign key, whose trigger looks them up by
 * `contact_id`, once per deleted contact, even after the erasure hook has already forgotten them: without an index
 * each deletion read every message of every workspace (5,000 contacts with 200,000 messages: 69 s; a million-row
 * book with its campaigns would take days). The erasure's own passes (`campaigns.erasing-message-ids`,
 * `campaigns.forget-contacts`) use it too. The price: one more B-tree entry per row version (no update of a message
 * is HOT), measured in docs/BENCHMARKS.md.
 */
export class Migration20261203180000MessageByContact extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "campaign_message_contact_index" on "campaign_message" ("contact_id");`);
  }
}
