import { Migration } from '@mikro-orm/migrations';

/**
 * 131049 retries waiting for their day (issue 19 point 4): few rows, found by the tick across every workspace
 * and by a channel's loop among its completed campaigns, so a small partial index on when they are due.
 */
export class Migration20261201170000MarketingRetry extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "campaign_message_retry_index" on "campaign_message" ("not_before")
       where "status" = 'QUEUED' and "error_code" = 131049;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "campaign_message_retry_index";`);
  }
}
