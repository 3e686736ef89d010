import { Migration } from '@mikro-orm/migrations';

/**
 * Deleting a contact cascades to its events through the foreign key, whose trigger looks them up by `contact_id`
 * alone, once per deleted contact: an index led by `workspace_id` cannot serve that, so each deletion read the whole
 * table (a bulk erasure of 5,000 contacts with 50,000 events took 11 s, and grew with the book). Led by `contact_id`,
 * the index still serves a contact's history (`contacts.events`: one contact, newest first).
 */
export class Migration20261203180000ContactEventByContact extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index if exists "contact_event_contact_index";`);
    this.addSql(`create index "contact_event_contact_index" on "contact_event" ("contact_id", "id");`);
  }
}
