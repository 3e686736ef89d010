import { Migration } from '@mikro-orm/migrations';

/**
 * The personal-data purge deletes Meta's stored bodies by age: an index on the time received
 * (the pending index covers only the unapplied ones), and one on status times for clearing
 * recipients' numbers.
 */
export class Migration20261201171000WebhookRetention extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "whatsapp_webhook_received_index" on "whatsapp_webhook" ("received_at");`);
    this.addSql(
      `create index "message_status_recipient_time_index" on "message_status" ("status_at") where "recipient_id" is not null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "message_status_recipient_time_index";`);
    this.addSql(`drop index if exists "whatsapp_webhook_received_index";`);
  }
}
