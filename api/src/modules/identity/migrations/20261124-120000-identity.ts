import { Migration } from '@mikro-orm/migrations';

/** Accounts, memberships and roles, sessions, 2FA, API tokens, login throttling and the audit log. */
export class Migration20261124120000Identity extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "user" (
        "id" uuid primary key,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        "email" varchar(254) not null constraint "user_email_unique" unique,
        "name" varchar(120) not null,
        "language" varchar(2) not null default 'id' check ("language" in ('en', 'id')),
        "password_hash" text not null,
        "is_platform_admin" boolean not null default false,
        "must_change_password" boolean not null default false,
        "totp_secret" text null,
        "totp_pending_secret" text null,
        "totp_last_step" bigint null,
        "totp_enabled_at" timestamptz null,
        "last_login_at" timestamptz null,
        constraint "user_email_lowercase" check ("email" = lower("email"))
      );`);

    this.addSql(`
      create table "role" (
        "id" uuid primary key,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        "workspace_id" uuid null references "workspace" ("id") on delete cascade,
        "key" varchar(40) not null,
        "name" varchar(60) not null,
        "built_in" boolean not null default false,
        "permissions" text[] not null default '{}'
      );`);
    // Built-in role keys are global; a custom role's key is unique in its workspace.
    this.addSql(`create unique index "role_builtin_key_unique" on "role" ("key") where "workspace_id" is null;`);
    this.addSql(
      `create unique index "role_workspace_key_unique" on "role" ("workspace_id", "key") where "workspace_id" is not null;`,
    );
    // The built-in roles as they shipped, as literal values: a change to a role is a new migration.
    this.addSql(
      `insert into "role" ("id", "created_at", "updated_at", "workspace_id", "key", "name", "built_in", "permissions")
       values (gen_random_uuid(), now(), now(), null, 'owner', 'Owner', true, '{WORKSPACE_MANAGE,MEMBERS_READ,MEMBERS_MANAGE,ROLES_MANAGE,TOKENS_MANAGE,AUDIT_READ,CONTACTS_READ,CONTACTS_WRITE,TEMPLATES_READ,TEMPLATES_WRITE,CAMPAIGNS_READ,CAMPAIGNS_WRITE,CAMPAIGNS_SEND,CHANNELS_READ,CHANNELS_MANAGE,WALLET_READ,WALLET_TOPUP,PAYMENTS_READ}');`,
    );
    this.addSql(
      `insert into "role" ("id", "created_at", "updated_at", "workspace_id", "key", "name", "built_in", "permissions")
       values (gen_random_uuid(), now(), now(), null, 'admin', 'Admin', true, '{WORKSPACE_MANAGE,MEMBERS_READ,MEMBERS_MANAGE,ROLES_MANAGE,TOKENS_MANAGE,AUDIT_READ,CONTACTS_READ,CONTACTS_WRITE,TEMPLATES_READ,TEMPLATES_WRITE,CAMPAIGNS_READ,CAMPAIGNS_WRITE,CAMPAIGNS_SEND,CHANNELS_READ,CHANNELS_MANAGE,WALLET_READ,WALLET_TOPUP,PAYMENTS_READ}');`,
    );
    this.addSql(
      `insert into "role" ("id", "created_at", "updated_at", "workspace_id", "key", "name", "built_in", "permissions")
       values (gen_random_uuid(), now(), now(), null, 'operator', 'Operator', true, '{CONTACTS_READ,CONTACTS_WRITE,TEMPLATES_READ,TEMPLATES_WRITE,CAMPAIGNS_READ,CAMPAIGNS_WRITE,CAMPAIGNS_SEND,CHANNELS_READ,WALLET_READ}');`,
    );
    this.addSql(
      `insert into "role" ("id", "created_at", "updated_at", "workspace_id", "key", "name", "built_in", "permissions")
       values (gen_random_uuid(), now(), now(), null, 'finance', 'Finance', true, '{WALLET_READ,WALLET_TOPUP,PAYMENTS_READ,CAMPAIGNS_READ}');`,
    );
    this.addSql(
      `insert into "role" ("id", "created_at", "updated_at", "workspace_id", "key", "name", "built_in", "permissions")
       values (gen_random_uuid(), now(), now(), null, 'viewer', 'Viewer', true, '{CONTACTS_READ,TEMPLATES_READ,CAMPAIGNS_READ,CHANNELS_READ,WALLET_READ}');`,
    );

    this.addSql(`
      create table "membership" (
        "id" uuid primary key,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        "workspace_id" uuid not null references "workspace" ("id") on delete cascade,
        "user_id" uuid not null references "user" ("id") on delete cascade,
        "role_id" uuid not null references "role" ("id"),
        constraint "membership_workspace_id_user_id_unique" unique ("workspace_id", "user_id")
      );`);
    this.addSql(`create index "membership_user_id_index" on "membership" ("user_id");`);

    this.addSql(`
      create table "session" (
        "id" uuid primary key,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        "user_id" uuid not null references "user" ("id") on delete cascade,
        "workspace_id" uuid null references "workspace" ("id") on delete set null,
        "token_hash" varchar(64) not null constraint "session_token_hash_unique" unique,
        "last_seen_at" timestamptz not null,
        "expires_at" timestamptz not null,
        "revoked_at" timestamptz null,
        "ip" varchar(64) null,
        "user_agent" varchar(300) null
      );`);
    this.addSql(`create index "session_user_id_index" on "session" ("user_id");`);

    this.addSql(`
      create table "api_token" (
        "id" uuid primary key,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        "workspace_id" uuid not null references "workspace" ("id") on delete cascade,
        "created_by_id" uuid not null references "user" ("id") on delete cascade,
        "name" varchar(80) not null,
        "prefix" varchar(16) not null,
        "token_hash" varchar(64) not null constraint "api_token_token_hash_unique" unique,
        "permissions" text[] not null default '{}',
        "last_used_at" timestamptz null,
        "revoked_at" timestamptz null
      );`);
    this.addSql(`create index "api_token_workspace_id_index" on "api_token" ("workspace_id");`);

    this.addSql(`
      create table "audit_log" (
        "id" uuid primary key,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        "workspace_id" uuid null references "workspace" ("id") on delete cascade,
        "actor_id" uuid null references "user" ("id") on delete set null,
        "actor_token_id" uuid null references "api_token" ("id") on delete set null,
        "action" varchar(60) not null,
        "target" varchar(200) null,
        "ip" varchar(64) null,
        "details" jsonb null
      );`);
    this.addSql(
      `create index "audit_log_workspace_id_created_at_index" on "audit_log" ("workspace_id", "created_at" desc, "id" desc);`,
    );

    this.addSql(`
      create table "recovery_code" (
        "id" uuid primary key default gen_random_uuid(),
        "user_id" uuid not null references "user" ("id") on delete cascade,
        "code_hash" varchar(64) not null,
        "used_at" timestamptz null,
        "created_at" timestamptz not null default now(),
        constraint "recovery_code_user_id_code_hash_unique" unique ("user_id", "code_hash")
      );`);

    this.addSql(`
      create table "login_challenge" (
        "id" uuid primary key default gen_random_uuid(),
        "user_id" uuid not null references "user" ("id") on delete cascade,
        "token_hash" varchar(64) not null constraint "login_challenge_token_hash_unique" unique,
        "expires_at" timestamptz not null,
        "attempts" integer not null default 0,
        "ip" varchar(64) null,
        "user_agent" varchar(300) null
      );`);

    // Failed sign-ins per e-mail address (whether or not an account exists) and per client IP.
    this.addSql(`
      create table "login_throttle" (
        "key" varchar(300) primary key,
        "failures" integer not null,
        "first_failure_at" timestamptz not null,
        "locked_until" timestamptz null
      );`);
  }

  override async down(): Promise<void> {
    for (const table of [
      'login_throttle',
      'login_challenge',
      'recovery_code',
      'audit_log',
      'api_token',
      'session',
      'membership',
      'role',
      'user',
    ]) {
      this.addSql(`drop table if exists "${table}" cascade;`);
    }
  }
}
