import { Migration } from '@mikro-orm/migrations';

/**
 * Forwarding inbound replies to a workspace's own webhook: the setting (URL, signing secret
 * sealed like channel tokens) and an outbox of replies to deliver. A row joins the outbox in
 * the transaction that stores the reply; the `channels.forward-replies` job delivers it with
 * retries and backoff, so Meta's webhook never waits on a workspace's server.
 */
export class Migration20261201140000ReplyForwarding extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "reply_forwarding" (
        "workspace_id" uuid not null primary key references "workspace" ("id") on delete cascade,
        "url" varchar(2000) not null,
        "enabled" boolean not null default false,
        "secret_sealed" text not null,
        "updated_at" timestamptz not null
      );`);
    this.addSql(`
      create table "reply_forward" (
        "id" uuid not null primary key,
        "workspace_id" uuid not null references "workspace" ("id") on delete cascade,
        "reply_id" uuid not null unique references "contact_reply" ("id") on delete cascade,
        "attempts" int not null default 0,
        "next_attempt_at" timestamptz not null,
        "delivered_at" timestamptz null,
        "gave_up_at" timestamptz null,
        "last_error" varchar(300) null
      );`);
    this.addSql(
      `create index "reply_forward_due_index" on "reply_forward" ("next_attempt_at") where "delivered_at" is null and "gave_up_at" is null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "reply_forward";`);
    this.addSql(`drop table if exists "reply_forwarding";`);
  }
}
