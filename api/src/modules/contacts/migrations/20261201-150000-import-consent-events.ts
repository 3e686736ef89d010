import { Migration } from '@mikro-orm/migrations';

/**
 * Each staged row of an import carries the id of the consent history entry it will get: ids are
 * UUIDv7 made in line order, like the contact's own, so the history stays ordered by id.
 */
export class Migration20261201150000ImportConsentEvents extends Migration {
  override async up(): Promise<void> {
    // Staging rows live only inside one import's transaction, so the table is empty between imports.
    this.addSql(`alter table "contact_import_staging" add column "consent_event_id" uuid not null;`);
  }
}
