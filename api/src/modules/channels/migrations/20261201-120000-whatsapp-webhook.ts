import { Migration } from '@mikro-orm/migrations';

/**
 * Meta's webhook bodies as received (stored before the 200, applied after), and the latest
 * status of every sent message by wamid, moved forward only, for the broadcast engine, and
 * inbound messages on their contact (a duplicate delivery is one row: wamid is unique).
 */
export class Migration20261201120000WhatsappWebhook extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "whatsapp_webhook" (
        "id" uuid not null primary key,
        "received_at" timestamptz not null default now(),
        "body" text not null,
        "applied_at" timestamptz null,
        "attempts" int not null default 0,
        "last_error" varchar(300) null
      );`);
    this.addSql(
      `create index "whatsapp_webhook_pending_index" on "whatsapp_webhook" ("received_at") where "applied_at" is null;`,
    );
    this.addSql(`
      create table "message_status" (
        "wamid" varchar(200) not null primary key,
        "workspace_id" uuid null references "workspace" ("id") on delete cascade,
        "phone_number_id" varchar(40) not null,
        "callback_data" varchar(512) null,
        "recipient_id" varchar(40) null,
        "status" varchar(12) not null,
        "rank" smallint not null,
        "status_at" timestamptz not null,
        "pricing" jsonb null,
        "errors" jsonb null,
        "updated_at" timestamptz not null default now()
      );`);
    this.addSql(`create index "message_status_callback_index" on "message_status" ("callback_data");`);
    this.addSql(`
      create table "contact_reply" (
        "id" uuid not null primary key,
        "workspace_id" uuid not null references "workspace" ("id") on delete cascade,
        "contact_id" uuid not null references "contact" ("id") on delete cascade,
        "channel_id" uuid null references "channel" ("id") on delete set null,
        "wamid" varchar(200) not null unique,
        "type" varchar(20) not null,
        "text" text null,
        "payload" jsonb not null,
        "received_at" timestamptz not null
      );`);
    this.addSql(
      `create index "contact_reply_contact_index" on "contact_reply" ("workspace_id", "contact_id", "received_at");`,
    );
  }
}
