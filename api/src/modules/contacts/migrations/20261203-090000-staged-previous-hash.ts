import { Migration } from '@mikro-orm/migrations';

/**
 * After an ENCRYPTION_KEY rotation an erased suppression may be recorded under the previous key: each staged row of
 * an import carries its number's hash under that key too (null without a previous key), so the load recognises both.
 */
export class Migration20261203090000StagedPreviousHash extends Migration {
  override async up(): Promise<void> {
    // Staging rows live only inside one import's transaction, so the table is empty between imports.
    this.addSql(`alter table "contact_import_staging" add column "previous_phone_hash" char(64) null;`);
  }
}
