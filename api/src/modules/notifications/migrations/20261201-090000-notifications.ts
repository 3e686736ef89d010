import { Migration } from '@mikro-orm/migrations';

/** The notification inbox: one row per recipient, read state per person. */
export class Migration20261201090000Notifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "notification" (
        "id" uuid not null primary key,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        "workspace_id" uuid not null references "workspace" ("id") on delete cascade,
        "user_id" uuid not null references "user" ("id") on delete cascade,
        "type" varchar(60) not null,
        "params" jsonb not null,
        "read_at" timestamptz null
      );`);
    this.addSql(`create index "notification_inbox_index" on "notification" ("workspace_id", "user_id", "id");`);
    this.addSql(
      `create index "notification_unread_index" on "notification" ("workspace_id", "user_id") where "read_at" is null;`,
    );
  }
}
