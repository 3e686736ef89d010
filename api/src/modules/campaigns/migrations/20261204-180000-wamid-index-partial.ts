import { Migration } from '@mikro-orm/migrations';

/**
 * `campaign_message_wamid_index` holds only messages that have a wamid. Every message version the send path writes is
 * a non-HOT update with an entry in each index; the claim's version (QUEUED -> SENDING) has no wamid yet, and its
 * entry in this index (a null key, never looked up) was pure cost. Lookups by wamid (`= $1`, `= any($1)`, a join on
 * `m.wamid = s.wamid`) imply `wamid is not null`, so the planner uses the partial index for each of them
 * (`api/test/campaigns/wamid-index.test.ts` checks the plans).
 */
export class Migration20261204180000WamidIndexPartial extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index if exists "campaign_message_wamid_index";`);
    this.addSql(
      `create index "campaign_message_wamid_index" on "campaign_message" ("wamid") where "wamid" is not null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "campaign_message_wamid_index";`);
    this.addSql(`create index "campaign_message_wamid_index" on "campaign_message" ("wamid");`);
  }
}
