import { Migration } from '@mikro-orm/migrations';

/**
 * The launch snapshot in chunks (issue 19 benchmark c): `startCampaign` counts the audience, places the one hold and
 * writes the first chunk of recipients in its own short transaction; the rest is written chunk by chunk, in contact id
 * order, by the channel's dispatch loop while it already sends. This row is the snapshot's persisted cursor: what was
 * counted (`total`, the hold's size), how far it got (`after`, `inserted`) and the audience frozen at launch, so a
 * crash at any moment leaves a campaign whose snapshot the next loop completes, never one snapshotted twice. Its own
 * table, not columns of `campaign`: a chunk locks this row for its whole insert, and the dispatcher's claim updates
 * the campaign row (`last_claimed_at`) all the time.
 */
export class Migration20261201200000LaunchSnapshot extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "campaign_snapshot" (
        "campaign_id" uuid not null primary key references "campaign" ("id") on delete cascade,
        "workspace_id" uuid not null references "workspace" ("id") on delete cascade,
        "audience" jsonb not null,
        "marketing" boolean not null,
        "total" int not null check ("total" > 0),
        "inserted" int not null check ("inserted" >= 0 and "inserted" <= "total"),
        "after" uuid null,
        "complete" boolean not null default false,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null
      );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "campaign_snapshot";`);
  }
}
