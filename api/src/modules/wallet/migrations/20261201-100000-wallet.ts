import { Migration } from '@mikro-orm/migrations';

/**
 * The wallet: one row per workspace (the row every balance change locks), the append-only
 * ledger whose sums are the balance and the held amount, holds, payment orders, every
 * Midtrans notification body as received, prices with their history, billing profiles and
 * receipt numbers.
 */
export class Migration20261201100000Wallet extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "wallet" (
        "id" uuid not null primary key,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        "workspace_id" uuid not null unique references "workspace" ("id") on delete cascade,
        "balance" bigint not null default 0,
        "held" bigint not null default 0 check ("held" >= 0),
        "low_balance_threshold" bigint not null default 0 check ("low_balance_threshold" >= 0)
      );`);
    this.addSql(`
      create table "ledger_entry" (
        "id" uuid not null primary key,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        "workspace_id" uuid not null references "workspace" ("id") on delete cascade,
        "wallet_id" uuid not null references "wallet" ("id") on delete cascade,
        "kind" varchar(20) not null,
        "amount" bigint not null,
        "held_delta" bigint not null default 0,
        "balance_after" bigint not null,
        "held_after" bigint not null,
        "reference" varchar(120) not null,
        "idempotency_key" varchar(200) not null,
        "actor" varchar(120) not null,
        "details" jsonb not null default '{}'
      );`);
    // The guard against applying one event twice: the same key is one entry, whoever races.
    this.addSql(
      `create unique index "ledger_entry_idempotency_unique" on "ledger_entry" ("wallet_id", "idempotency_key");`,
    );
    this.addSql(`create index "ledger_entry_page_index" on "ledger_entry" ("workspace_id", "id");`);
    this.addSql(`
      create table "wallet_hold" (
        "id" uuid not null primary key,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        "workspace_id" uuid not null references "workspace" ("id") on delete cascade,
        "wallet_id" uuid not null references "wallet" ("id") on delete cascade,
        "reference" varchar(120) not null,
        "amount" bigint not null check ("amount" > 0),
        "remaining" bigint not null check ("remaining" >= 0),
        "captured" bigint not null default 0 check ("captured" >= 0),
        "status" varchar(10) not null
      );`);
    this.addSql(`create index "wallet_hold_open_index" on "wallet_hold" ("workspace_id") where "status" = 'OPEN';`);
    this.addSql(`
      create table "payment_order" (
        "id" uuid not null primary key,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        "workspace_id" uuid not null references "workspace" ("id") on delete cascade,
        "order_id" varchar(50) not null unique,
        "gross_amount" bigint not null check ("gross_amount" > 0),
        "credit_amount" bigint not null check ("credit_amount" > 0),
        "tax_amount" bigint not null default 0,
        "status" varchar(12) not null,
        "midtrans_status" varchar(30) null,
        "payment_type" varchar(40) null,
        "flagged" boolean not null default false,
        "flag_reason" varchar(60) null,
        "credited" bigint not null default 0,
        "reversed" bigint not null default 0,
        "snap_token" varchar(200) null,
        "redirect_url" varchar(500) null,
        "expires_at" timestamptz not null,
        "next_check_at" timestamptz null,
        "checks" int not null default 0,
        "paid_at" timestamptz null,
        "created_by" uuid null
      );`);
    this.addSql(`create index "payment_order_page_index" on "payment_order" ("workspace_id", "id");`);
    this.addSql(
      `create index "payment_order_check_index" on "payment_order" ("next_check_at") where "next_check_at" is not null;`,
    );
    // Not a tenant table: a body is stored before (and whether or not) it matches an order.
    this.addSql(`
      create table "midtrans_notification" (
        "id" uuid not null primary key,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        "order_id" varchar(200) null,
        "workspace_id" uuid null references "workspace" ("id") on delete set null,
        "body" text not null,
        "outcome" varchar(40) not null,
        "http_status" int null
      );`);
    this.addSql(
      `create index "midtrans_notification_order_index" on "midtrans_notification" ("order_id", "created_at");`,
    );
    this.addSql(`
      create table "message_price" (
        "id" uuid not null primary key,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        "workspace_id" uuid null references "workspace" ("id") on delete cascade,
        "category" varchar(20) not null,
        "amount" bigint not null check ("amount" > 0),
        "valid_from" timestamptz not null,
        "set_by" uuid null
      );`);
    this.addSql(
      `create index "message_price_lookup_index" on "message_price" ("category", "workspace_id", "valid_from");`,
    );
    this.addSql(`
      create table "billing_profile" (
        "id" uuid not null primary key,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        "workspace_id" uuid not null unique references "workspace" ("id") on delete cascade,
        "legal_name" varchar(200) not null,
        "npwp" varchar(16) null,
        "address" varchar(500) not null,
        "invoice_email" varchar(254) not null
      );`);
    this.addSql(`
      create table "receipt" (
        "id" uuid not null primary key,
        "created_at" timestamptz not null,
        "updated_at" timestamptz not null,
        "workspace_id" uuid not null references "workspace" ("id") on delete cascade,
        "payment_order_id" uuid not null unique references "payment_order" ("id") on delete cascade,
        "number" varchar(40) null unique
      );`);
    // Gapless per year: numbers are given right after the payment commits, in batches, under the counter row's
    // lock (so the lock is never held by a payment's transaction, which would serialize every top-up).
    this.addSql(`create table "receipt_counter" ("year" int not null primary key, "last" int not null);`);
  }
}
