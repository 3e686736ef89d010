import { Migration } from '@mikro-orm/migrations';

/**
 * A reply with an opt-out keyword inside a sentence waits for a person: `review_pending_at` says since when, so
 * "awaiting review" is one more contact filter (it composes with search, tags, segments, bulk actions and counts),
 * not an anti-join over the history on every page. The partial index holds only the few contacts waiting.
 */
export class Migration20261202060000ContactReview extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "contact" add column "review_pending_at" timestamptz null;`);
    this.addSql(
      `create index "contact_review_pending_index" on "contact" ("workspace_id", "id") where "review_pending_at" is not null;`,
    );
  }
}
