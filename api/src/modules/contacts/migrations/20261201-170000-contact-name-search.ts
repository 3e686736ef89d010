import { Migration } from '@mikro-orm/migrations';

/**
 * The global search's exact and prefix pass over contact names: a B-tree on the lowered name in the "C" collation,
 * so `lower(name) collate "C" like 'budi%'` is an index range and the same index gives the order, and a search
 * stops after its ten rows instead of ranking every name that contains the fragment (docs/BENCHMARKS.md).
 */
export class Migration20261201170000ContactNameSearch extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "contact_name_lower_index" on "contact" ("workspace_id", (lower("name") collate "C"), "id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index if exists "contact_name_lower_index";`);
  }
}
