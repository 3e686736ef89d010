import { Migration } from '@mikro-orm/migrations';

/** The workspace's time zone (issue 13, point 15): WIB for every existing workspace. */
export class Migration20261201100000WorkspaceTimeZone extends Migration {
  override async up(): Promise<void> {
    // Literal values, not the enum: a migration says what the database held at that moment.
    this.addSql(`
      alter table "workspace"
        add column "time_zone" varchar(40) not null default 'Asia/Jakarta'
          constraint "workspace_time_zone_check" check ("time_zone" in ('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'));`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "workspace" drop column "time_zone";`);
  }
}
