import { Migration } from '@mikro-orm/migrations';

/**
 * Campaigns, their recipients (one row per campaign and contact, the dispatcher's per-message
 * truth), the per-channel dispatch lease with its fencing token, and the unique recipients a
 * business portfolio reached in the rolling 24 h (its messaging limit).
 */
export class Migration20261201130000Campaigns extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "campaign" (
        "id" uuid not null primary key,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        "workspace_id" uuid not null references "workspace" ("id") on delete cascade,
        "name" varchar(120) not null,
        "status" varchar(12) not null default 'DRAFT',
        "pause_reason" varchar(60) null,
        "fail_reason" varchar(200) null,
        "channel_id" uuid null references "channel" ("id") on delete set null,
        "template_id" uuid null references "message_template" ("id") on delete set null,
        "template_name" varchar(512) null,
        "template_language" varchar(15) null,
        "template_category" varchar(20) null,
        "variables" jsonb not null default '[]',
        "audience" jsonb not null default '{"kind":"ALL"}',
        "scheduled_at" timestamptz null,
        "window_start" smallint null check ("window_start" between 0 and 1439),
        "window_end" smallint null check ("window_end" between 1 and 1440),
        "time_zone" varchar(40) not null default 'Asia/Jakarta',
        "price" bigint null check ("price" >= 0),
        "hold_id" uuid null,
        "total" int not null default 0,
        "retarget_of" uuid null references "campaign" ("id") on delete set null,
        "created_by" uuid null,
        "started_at" timestamptz null,
        "completed_at" timestamptz null,
        "last_claimed_at" timestamptz null
      );`);
    this.addSql(`create index "campaign_page_index" on "campaign" ("workspace_id", "id");`);
    // The dispatcher's round robin: the running campaigns of a channel, least recently served first.
    this.addSql(
      `create index "campaign_running_index" on "campaign" ("channel_id", "last_claimed_at") where "status" = 'RUNNING';`,
    );
    this.addSql(`create index "campaign_scheduled_index" on "campaign" ("scheduled_at") where "status" = 'SCHEDULED';`);
    this.addSql(`
      create table "campaign_message" (
        "id" uuid not null primary key,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        "workspace_id" uuid not null references "workspace" ("id") on delete cascade,
        "campaign_id" uuid not null references "campaign" ("id") on delete cascade,
        "contact_id" uuid null references "contact" ("id") on delete set null,
        "phone" varchar(16) null,
        "status" varchar(10) not null default 'QUEUED',
        "status_rank" smallint not null default 0,
        "attempt" smallint not null default 0,
        "fence" bigint null,
        "not_before" timestamptz null,
        "claimed_at" timestamptz null,
        "wamid" varchar(200) null,
        "error_code" int null,
        "charged" bigint not null default 0 check ("charged" >= 0),
        "sent_at" timestamptz null,
        "delivered_at" timestamptz null,
        "read_at" timestamptz null,
        "failed_at" timestamptz null,
        "unknown_deadline" timestamptz null
      );`);
    this.addSql(
      `create unique index "campaign_message_contact_unique" on "campaign_message" ("campaign_id", "contact_id");`,
    );
    // The claim: QUEUED rows of one campaign in id order (partial: the index shrinks as the campaign sends).
    this.addSql(
      `create index "campaign_message_queued_index" on "campaign_message" ("campaign_id", "id") where "status" = 'QUEUED';`,
    );
    // Counts and the recipients table by status.
    this.addSql(`create index "campaign_message_status_index" on "campaign_message" ("campaign_id", "status", "id");`);
    this.addSql(`create index "campaign_message_wamid_index" on "campaign_message" ("wamid");`);
    // Reconciliation of unknown outcomes past their deadline.
    this.addSql(
      `create index "campaign_message_unknown_index" on "campaign_message" ("unknown_deadline") where "status" = 'UNKNOWN';`,
    );
    this.addSql(`
      create table "dispatch_lease" (
        "channel_id" uuid not null primary key references "channel" ("id") on delete cascade,
        "holder" varchar(200) not null,
        "fence" bigint not null,
        "expires_at" timestamptz not null,
        "renewed_at" timestamptz not null
      );`);
    this.addSql(`
      create table "portfolio_recipient" (
        "portfolio_id" varchar(40) not null references "business_portfolio" ("id") on delete cascade,
        "phone" varchar(16) not null,
        "window_start" timestamptz not null,
        primary key ("portfolio_id", "phone")
      );`);
    this.addSql(
      `create index "portfolio_recipient_window_index" on "portfolio_recipient" ("portfolio_id", "window_start");`,
    );
    // Status webhooks applied to campaign messages: the rows that changed recently.
    this.addSql(`create index "message_status_updated_index" on "message_status" ("updated_at");`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "message_status_updated_index";`);
    this.addSql(`drop table if exists "portfolio_recipient";`);
    this.addSql(`drop table if exists "dispatch_lease";`);
    this.addSql(`drop table if exists "campaign_message";`);
    this.addSql(`drop table if exists "campaign";`);
  }
}
