import { Migration } from '@mikro-orm/migrations';

/** `MARKETING_OPT_OUT` is 17 characters: a bulk opt-out over a filter could not store its job in varchar(16). */
export class Migration20261201190000BulkActionLength extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "contact_bulk_job" alter column "action" type varchar(32);`);
  }
}
