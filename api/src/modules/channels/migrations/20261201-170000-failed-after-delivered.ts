import { Migration } from '@mikro-orm/migrations';

/**
 * Meta may report `failed` after `delivered` (GATEWAYS.md 1.5): failed now ranks above delivered
 * (sent 1 < delivered 2 < failed 3 < read 4), and `delivered_at` keeps that the message reached
 * the phone (first delivered or read), so a failure after delivery never reads as "not delivered"
 * (the charge policy refunds only a failure with no prior delivered or read).
 */
export class Migration20261201170000FailedAfterDelivered extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "message_status" add column "delivered_at" timestamptz null;`);
    this.addSql(`update "message_status" set rank = 4 where status = 'read';`);
    this.addSql(`update "message_status" set rank = 3 where status = 'failed';`);
    this.addSql(`update "message_status" set delivered_at = status_at where status in ('delivered', 'read');`);
  }

  override async down(): Promise<void> {
    this.addSql(`update "message_status" set rank = 2 where status = 'failed';`);
    this.addSql(`update "message_status" set rank = 3 where status = 'read';`);
    this.addSql(`alter table "message_status" drop column "delivered_at";`);
  }
}
