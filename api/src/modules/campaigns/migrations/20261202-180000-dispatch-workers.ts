import { Migration } from '@mikro-orm/migrations';

/**
 * Spreading channels over workers (issue 21 point 2): each worker process's heartbeat, by the platform clock, so an
 * acquire can compare how many leases each live worker holds; and when a worker last declined a free lease, so a
 * lighter worker's heartbeat picks the channel up. Not tenant data: a worker serves every workspace (like the lease).
 */
export class Migration20261202180000DispatchWorkers extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "dispatch_worker" (
        "holder" varchar(200) not null primary key,
        "seen_at" timestamptz not null
      );`);
    this.addSql(`alter table "dispatch_lease" add column "declined_at" timestamptz null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "dispatch_lease" drop column if exists "declined_at";`);
    this.addSql(`drop table if exists "dispatch_worker";`);
  }
}
