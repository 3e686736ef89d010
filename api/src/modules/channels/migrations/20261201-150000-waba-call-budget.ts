import { Migration } from '@mikro-orm/migrations';

/**
 * Meta's management API allows a WABA about 200 calls an hour (GATEWAYS.md 1.2): one row per
 * WABA counts the calls of the current hour-long window, and holds the time until which Meta
 * told us to back off (codes 4 / 80007). Not a workspace's: a WABA may be connected by several.
 */
export class Migration20261201150000WabaCallBudget extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "waba_call_budget" (
        "waba_id" varchar(40) not null primary key,
        "window_start" timestamptz not null,
        "calls" int not null,
        "blocked_until" timestamptz null
      );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "waba_call_budget";`);
  }
}
