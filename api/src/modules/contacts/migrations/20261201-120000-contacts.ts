import { Migration } from '@mikro-orm/migrations';

/**
 * The address book. Search at a million contacts per workspace rests on these indexes:
 * trigram GIN on name and phone (fragments anywhere in the value), GIN on tags and on
 * attributes (containment), and B-trees for keyset pages in each sort order.
 */
export class Migration20261201120000Contacts extends Migration {
  override async up(): Promise<void> {
    // Trusted since PostgreSQL 13: a database owner may create it without superuser.
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`
      create table "contact" (
        "id" uuid not null primary key,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        "workspace_id" uuid not null references "workspace" ("id") on delete cascade,
        "phone" varchar(16) not null,
        "name" varchar(200) null,
        "tags" text[] not null default '{}',
        "attributes" jsonb not null default '{}',
        "source" varchar(16) not null,
        "wa_id" varchar(32) null,
        "wa_user_id" varchar(128) null,
        "consent_source" varchar(32) null,
        "consent_at" timestamptz null,
        "consent_evidence" jsonb null,
        "opted_out_at" timestamptz null,
        "opted_out_source" varchar(32) null,
        "marketing_opt_out_at" timestamptz null,
        "marketing_opt_out_source" varchar(32) null
      );`);
    this.addSql(`create unique index "contact_phone_unique" on "contact" ("workspace_id", "phone");`);
    this.addSql(`create index "contact_page_index" on "contact" ("workspace_id", "id");`);
    this.addSql(`create index "contact_name_page_index" on "contact" ("workspace_id", "name", "id");`);
    this.addSql(`create index "contact_name_trgm_index" on "contact" using gin ("name" gin_trgm_ops);`);
    this.addSql(`create index "contact_phone_trgm_index" on "contact" using gin ("phone" gin_trgm_ops);`);
    this.addSql(`create index "contact_tags_index" on "contact" using gin ("tags");`);
    this.addSql(`create index "contact_attributes_index" on "contact" using gin ("attributes" jsonb_path_ops);`);
    this.addSql(`create index "contact_wa_id_index" on "contact" ("workspace_id", "wa_id") where "wa_id" is not null;`);
    this.addSql(
      `create index "contact_wa_user_id_index" on "contact" ("workspace_id", "wa_user_id") where "wa_user_id" is not null;`,
    );

    this.addSql(`
      create table "contact_event" (
        "id" uuid not null primary key,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        "workspace_id" uuid not null references "workspace" ("id") on delete cascade,
        "contact_id" uuid not null references "contact" ("id") on delete cascade,
        "kind" varchar(32) not null,
        "source" varchar(32) not null,
        "actor_id" uuid null references "user" ("id") on delete set null,
        "details" jsonb null
      );`);
    this.addSql(`create index "contact_event_contact_index" on "contact_event" ("workspace_id", "contact_id", "id");`);
    this.addSql(`create index "contact_event_created_index" on "contact_event" ("created_at");`);

    this.addSql(`
      create table "contact_erased_suppression" (
        "id" uuid not null primary key,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        "workspace_id" uuid not null references "workspace" ("id") on delete cascade,
        "phone_hash" char(64) not null,
        "opted_out_at" timestamptz null,
        "opted_out_source" varchar(32) null,
        "marketing_opt_out_at" timestamptz null,
        "marketing_opt_out_source" varchar(32) null
      );`);
    this.addSql(
      `create unique index "contact_erased_suppression_unique" on "contact_erased_suppression" ("workspace_id", "phone_hash");`,
    );

    this.addSql(`
      create table "segment" (
        "id" uuid not null primary key,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        "workspace_id" uuid not null references "workspace" ("id") on delete cascade,
        "name" varchar(80) not null,
        "filter" jsonb not null
      );`);
    this.addSql(`create unique index "segment_name_unique" on "segment" ("workspace_id", lower("name"));`);

    this.addSql(`
      create table "contact_settings" (
        "id" uuid not null primary key,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        "workspace_id" uuid not null references "workspace" ("id") on delete cascade,
        "opt_out_keywords" text[] not null
      );`);
    this.addSql(`create unique index "contact_settings_workspace_unique" on "contact_settings" ("workspace_id");`);

    this.addSql(`
      create table "contact_import" (
        "id" uuid not null primary key,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        "workspace_id" uuid not null references "workspace" ("id") on delete cascade,
        "created_by_id" uuid null references "user" ("id") on delete set null,
        "status" varchar(16) not null,
        "file_name" varchar(200) not null,
        "file_bytes" int not null,
        "file" bytea null,
        "delimiter" varchar(1) not null,
        "columns" text[] not null,
        "options" jsonb null,
        "total_rows" int not null default 0,
        "processed_rows" int not null default 0,
        "created_rows" int not null default 0,
        "updated_rows" int not null default 0,
        "skipped_rows" int not null default 0,
        "rejected_rows" int not null default 0,
        "failure_key" varchar(80) null,
        "failure_params" jsonb null,
        "finished_at" timestamptz null
      );`);
    this.addSql(`create index "contact_import_workspace_index" on "contact_import" ("workspace_id", "id");`);

    this.addSql(`
      create table "contact_import_reject" (
        "id" uuid not null primary key,
        "workspace_id" uuid not null references "workspace" ("id") on delete cascade,
        "import_id" uuid not null references "contact_import" ("id") on delete cascade,
        "line" int not null,
        "reason" varchar(60) not null,
        "value" varchar(200) null
      );`);
    this.addSql(`create index "contact_import_reject_index" on "contact_import_reject" ("import_id", "line");`);

    // Rows of an import on their way in (COPY here, then one set-based insert): unlogged, as
    // they never outlive the import's transaction.
    this.addSql(`
      create unlogged table "contact_import_staging" (
        "import_id" uuid not null,
        "line" int not null,
        "id" uuid not null,
        "phone" varchar(16) not null,
        "name" varchar(200) null,
        "tags" jsonb not null,
        "attributes" jsonb not null,
        "phone_hash" char(64) not null
      );`);
    this.addSql(`create index "contact_import_staging_index" on "contact_import_staging" ("import_id");`);

    this.addSql(`
      create table "contact_bulk_job" (
        "id" uuid not null primary key,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        "workspace_id" uuid not null references "workspace" ("id") on delete cascade,
        "created_by_id" uuid null references "user" ("id") on delete set null,
        "action" varchar(16) not null,
        "filter" jsonb not null,
        "tag" varchar(60) null,
        "status" varchar(16) not null,
        "total_rows" int not null default 0,
        "processed_rows" int not null default 0,
        "finished_at" timestamptz null
      );`);

    this.addSql(`
      create table "contact_export" (
        "id" uuid not null primary key,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        "workspace_id" uuid not null references "workspace" ("id") on delete cascade,
        "created_by_id" uuid null references "user" ("id") on delete set null,
        "filter" jsonb not null,
        "expires_at" timestamptz not null
      );`);
  }
}
