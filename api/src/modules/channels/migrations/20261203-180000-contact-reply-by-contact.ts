import { Migration } from '@mikro-orm/migrations';

/**
 * Deleting a contact cascades to its replies through the foreign key, whose trigger looks them up by `contact_id`
 * alone, once per deleted contact: an index led by `workspace_id` cannot serve that, so a bulk erasure read the whole
 * table once per contact. Led by `contact_id`, the index still serves a contact's replies and a campaign's
 * (`replies.page`, `campaign-insights.replies`: by contact, ordered by time).
 */
export class Migration20261203180000ContactReplyByContact extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index if exists "contact_reply_contact_index";`);
    this.addSql(`create index "contact_reply_contact_index" on "contact_reply" ("contact_id", "received_at");`);
  }
}
