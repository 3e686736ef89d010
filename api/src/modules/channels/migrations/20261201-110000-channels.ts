import { Migration } from '@mikro-orm/migrations';

/**
 * Channels (a WABA's phone number per workspace, unique across the installation because
 * webhooks are routed by it), business portfolios with their shared messaging limit, and the
 * local copy of message templates.
 */
export class Migration20261201110000Channels extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "business_portfolio" (
        "id" varchar(40) not null primary key,
        "messaging_limit" int not null default 250 check ("messaging_limit" = -1 or "messaging_limit" > 0),
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null
      );`);
    this.addSql(`
      create table "channel" (
        "id" uuid not null primary key,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        "workspace_id" uuid not null references "workspace" ("id") on delete cascade,
        "phone_number_id" varchar(40) not null,
        "waba_id" varchar(40) not null,
        "portfolio_id" varchar(40) null references "business_portfolio" ("id"),
        "name" varchar(100) not null,
        "display_number" varchar(30) null,
        "access_token_sealed" text not null,
        "token_key_id" varchar(20) not null,
        "throughput" int not null default 80 check ("throughput" > 0),
        "quality" varchar(10) null,
        "status" varchar(15) not null default 'CONNECTED',
        "status_reason" varchar(200) null,
        "subscribed" boolean not null default false,
        "checked_at" timestamptz null,
        "last_webhook_at" timestamptz null,
        "last_sent_at" timestamptz null
      );`);
    // Webhooks name only the phone number id: one channel per number in the whole installation.
    this.addSql(`create unique index "channel_phone_number_id_unique" on "channel" ("phone_number_id");`);
    this.addSql(`create index "channel_workspace_id_index" on "channel" ("workspace_id");`);
    this.addSql(`create index "channel_waba_id_index" on "channel" ("waba_id");`);
    this.addSql(`
      create table "message_template" (
        "id" uuid not null primary key,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        "workspace_id" uuid not null references "workspace" ("id") on delete cascade,
        "waba_id" varchar(40) not null,
        "meta_id" varchar(40) not null,
        "name" varchar(512) not null,
        "language" varchar(15) not null,
        "category" varchar(20) not null,
        "parameter_format" varchar(12) not null default 'POSITIONAL',
        "components" jsonb not null default '[]',
        "status" varchar(30) not null,
        "quality" varchar(10) null,
        "unsupported" varchar(30) null,
        "synced_at" timestamptz not null
      );`);
    this.addSql(
      `create unique index "message_template_identity_unique" on "message_template" ("workspace_id", "waba_id", "name", "language");`,
    );
    this.addSql(`create index "message_template_meta_id_index" on "message_template" ("meta_id");`);
    this.addSql(`create index "message_template_workspace_name_index" on "message_template" ("workspace_id", "name");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "message_template";`);
    this.addSql(`drop table if exists "channel";`);
    this.addSql(`drop table if exists "business_portfolio";`);
  }
}
