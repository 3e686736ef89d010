import { Migration } from '@mikro-orm/migrations';

/**
 * Files for campaigns' media headers and Meta's media id of each per phone number (issue 18 point 3), and the
 * campaign's header media (a link or one of those files).
 */
export class Migration20261201200000CampaignMedia extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "campaign_media_file" (
        "id" uuid not null primary key,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        "workspace_id" uuid not null references "workspace" ("id") on delete cascade,
        "file_name" varchar(200) not null,
        "mime_type" varchar(100) not null,
        "bytes" int not null check ("bytes" > 0),
        "sha256" varchar(64) not null,
        "content" bytea not null,
        "created_by" uuid null
      );`);
    this.addSql(`create index "campaign_media_file_workspace_index" on "campaign_media_file" ("workspace_id");`);
    this.addSql(`
      create table "campaign_media_upload" (
        "id" uuid not null primary key,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        "workspace_id" uuid not null references "workspace" ("id") on delete cascade,
        "file_id" uuid not null references "campaign_media_file" ("id") on delete cascade,
        "phone_number_id" varchar(40) not null,
        "meta_media_id" varchar(64) not null,
        "uploaded_at" timestamptz not null
      );`);
    this.addSql(
      `create unique index "campaign_media_upload_unique" on "campaign_media_upload" ("file_id", "phone_number_id");`,
    );
    this.addSql(`create index "campaign_media_upload_workspace_index" on "campaign_media_upload" ("workspace_id");`);
    this.addSql(`alter table "campaign" add column "header_media" jsonb null;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "campaign" drop column if exists "header_media";`);
    this.addSql(`drop table if exists "campaign_media_upload";`);
    this.addSql(`drop table if exists "campaign_media_file";`);
  }
}
