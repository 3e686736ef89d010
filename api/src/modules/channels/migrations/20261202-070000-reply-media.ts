import { Migration } from '@mikro-orm/migrations';

/**
 * What an inbound media or location message was, kept on the reply beyond its raw copy (the retention purge empties
 * `payload`): Meta's media id and mime type stay; the file name and the place, the person's words like a caption
 * (which is the reply's text), go with the text at the purge. The place is jsonb `{latitude, longitude}`: Meta's
 * coordinates as it sent them, and no float column in the schema (migrations.test).
 */
export class Migration20261202070000ReplyMedia extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "contact_reply"
         add column "media_id" varchar(100) null,
         add column "mime_type" varchar(100) null,
         add column "file_name" varchar(255) null,
         add column "location" jsonb null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "contact_reply"
         drop column if exists "media_id", drop column if exists "mime_type", drop column if exists "file_name",
         drop column if exists "location";`,
    );
  }
}
