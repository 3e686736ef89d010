import { Migration } from '@mikro-orm/migrations';

/**
 * The message ids of erased contacts, by keyed hash only (`erased.` + the hash is what the messages
 * and statuses now carry): Meta keeps sending statuses for the original wamid, and the webhook
 * recognises one by hashing its id. A hash names no workspace, number or message, so the table is
 * no tenant's (no workspace column to scope by) and no personal data.
 */
export class Migration20261202170000ErasedMessageId extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create table "erased_message_id" ("hash" char(64) not null primary key);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "erased_message_id";`);
  }
}
