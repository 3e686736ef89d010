import { Migration } from '@mikro-orm/migrations';

/** Invitations to a workspace and password-reset links: one-time secrets stored as SHA-256. */
export class Migration20261201120000OneTimeLinks extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "invitation" (
        "id" uuid not null primary key,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        "workspace_id" uuid not null references "workspace" ("id") on delete cascade,
        "email" varchar(254) not null,
        "role_id" uuid not null references "role" ("id"),
        "token_hash" varchar(64) not null,
        "invited_by_id" uuid not null references "user" ("id") on delete cascade,
        "expires_at" timestamptz not null,
        "accepted_at" timestamptz null,
        "accepted_by_id" uuid null references "user" ("id") on delete set null,
        "revoked_at" timestamptz null
      );`);
    this.addSql(`alter table "invitation" add constraint "invitation_token_hash_unique" unique ("token_hash");`);
    this.addSql(
      `create index "invitation_workspace_id_created_at_index" on "invitation" ("workspace_id", "created_at");`,
    );
    // The rule "one open invitation per address and workspace", held by the database.
    this.addSql(`
      create unique index "invitation_open_unique" on "invitation" ("workspace_id", "email")
      where "accepted_at" is null and "revoked_at" is null;`);
    this.addSql(`
      create table "password_reset_link" (
        "id" uuid not null primary key,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        "user_id" uuid not null references "user" ("id") on delete cascade,
        "token_hash" varchar(64) not null,
        "issued_by_id" uuid not null references "user" ("id") on delete cascade,
        "workspace_id" uuid null references "workspace" ("id") on delete set null,
        "expires_at" timestamptz not null,
        "used_at" timestamptz null,
        "revoked_at" timestamptz null
      );`);
    this.addSql(
      `alter table "password_reset_link" add constraint "password_reset_link_token_hash_unique" unique ("token_hash");`,
    );
    this.addSql(`create index "password_reset_link_user_id_index" on "password_reset_link" ("user_id");`);
  }
}
