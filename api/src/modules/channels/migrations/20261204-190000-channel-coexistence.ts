import { Migration } from '@mikro-orm/migrations';

/**
 * Whether the number is a coexistence number (also on the WhatsApp Business app, `is_on_biz_app`): Meta fixes those
 * at 20 msg/s (GATEWAYS.md 1.2), so a THROUGHPUT_UPGRADE event must not raise them. Until now only the throughput
 * said so, and 20 was only ever a coexistence number's (`throughputOf`).
 */
export class Migration20261204190000ChannelCoexistence extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "channel" add column if not exists "coexistence" boolean not null default false;`);
    this.addSql(`update "channel" set "coexistence" = true where "throughput" = 20;`);
  }
}
