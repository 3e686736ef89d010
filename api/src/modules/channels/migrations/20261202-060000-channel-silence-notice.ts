import { Migration } from '@mikro-orm/migrations';

/**
 * When the members were last told that a channel hears no webhooks (`CHANNEL_NO_WEBHOOKS`, once per silence), and
 * an index on the last send for the job's pass over channels that sent.
 */
export class Migration20261202060000ChannelSilenceNotice extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "channel" add column "silence_notified_at" timestamptz null;`);
    this.addSql(
      `create index "channel_last_sent_index" on "channel" ("last_sent_at") where "last_sent_at" is not null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "channel_last_sent_index";`);
    this.addSql(`alter table "channel" drop column if exists "silence_notified_at";`);
  }
}
