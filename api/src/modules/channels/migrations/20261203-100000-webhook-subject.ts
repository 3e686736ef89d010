import { Migration } from '@mikro-orm/migrations';

/**
 * Who each stored Meta body names, as keyed hashes (webhook-subjects.ts), written in the transaction that applies the
 * body: an erasure finds the bodies naming a number by the index instead of reading every stored body. Bodies applied
 * before this index existed (`subjects_indexed` false) are still read by the erasure, through a partial index that
 * empties as the retention purge takes them.
 */
export class Migration20261203100000WebhookSubject extends Migration {
  override async up(): Promise<void> {
    this.addSql(`
      create table "whatsapp_webhook_subject" (
        "subject_hash" char(64) not null,
        "webhook_id" uuid not null references "whatsapp_webhook" ("id") on delete cascade,
        primary key ("subject_hash", "webhook_id")
      );`);
    // A body's delete (applied and erased, or purged) cascades by this index.
    this.addSql(`create index "whatsapp_webhook_subject_webhook_index" on "whatsapp_webhook_subject" ("webhook_id");`);
    this.addSql(`alter table "whatsapp_webhook" add column "subjects_indexed" boolean not null default false;`);
    this.addSql(
      `create index "whatsapp_webhook_unindexed_index" on "whatsapp_webhook" ("id") where "applied_at" is not null and not "subjects_indexed";`,
    );
  }
}
