import { Migration } from '@mikro-orm/migrations';

/**
 * The daily refund of messages with no final status 30 days after Meta accepted them (the charge policy): the
 * accepted and still charged messages by when they were accepted, so the job reads only what is due. Partial: a
 * message leaves it when its status moves on (delivered, read, failed) or when it is refunded.
 */
export class Migration20261203090000UnansweredRefund extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "campaign_message_unanswered_index" on "campaign_message" ("sent_at") where "status" = 'SENT' and "charged" > 0;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "campaign_message_unanswered_index";`);
  }
}
