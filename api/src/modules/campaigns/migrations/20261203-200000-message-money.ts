import { Migration } from '@mikro-orm/migrations';

/**
 * A message's money history (issue 17 points 1 and 3). Each message keeps the ledger entry that charged it (its
 * batch's CAPTURE, n x price) and the one that refunded it (the REFUND of its pass). Plain uuids, no foreign key
 * to `ledger_entry`: that table is the wallet module's and append-only (an entry is never deleted, so the key
 * would protect nothing), and the dispatcher writes the id on the batch's rows before the wallet inserts the entry
 * in the same transaction (an immediate key would refuse it; a deferred one would check every row of every batch
 * at commit, on the send path).
 *
 * `message_refund` makes "refunded once per message and attempt" a mechanism: a refund first inserts the
 * message's (id, attempt) here, `on conflict do nothing returning`, and only the rows it inserted are summed into
 * its one REFUND entry, so two refund paths (a failed status, the 30-day job) or a replay that both reach a
 * message refund it once. A 131049 retry is attempt 2: refunded again only if it is charged again and fails.
 */
export class Migration20261203200000MessageMoney extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "campaign_message" add column "charge_entry_id" uuid null, add column "refund_entry_id" uuid null;`,
    );
    this.addSql(`
      create table "message_refund" (
        "message_id" uuid not null references "campaign_message" ("id") on delete cascade,
        "attempt" smallint not null,
        "workspace_id" uuid not null references "workspace" ("id") on delete cascade,
        "amount" bigint not null check ("amount" > 0),
        "charge_entry_id" uuid null,
        "refund_entry_id" uuid not null,
        "created_at" timestamptz not null,
        primary key ("message_id", "attempt")
      );`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "message_refund";`);
    this.addSql(
      `alter table "campaign_message" drop column if exists "charge_entry_id", drop column if exists "refund_entry_id";`,
    );
  }
}
