import { Entity, Index, Property, Unique } from '@mikro-orm/core';
import { WorkspaceEntity } from '../../../db/base.entity';

/**
 * A file uploaded to the portal for a campaign's media header: its facts and its bytes (kept in PostgreSQL, the
 * one store every API and worker process shares, so any of them can upload it to Meta again for another number
 * or after Meta's 30 days). The bytes are lazy: listing or checking a file never reads them.
 */
@Entity({ tableName: 'campaign_media_file' })
export class CampaignMediaFile extends WorkspaceEntity {
  @Property({ length: 200 })
  fileName!: string;

  @Property({ length: 100 })
  mimeType!: string;

  @Property({ type: 'int' })
  bytes!: number;

  /** Hex SHA-256 of the content: shown to tell two uploads of one file apart, never trusted as a lookup key. */
  @Property({ length: 64 })
  sha256!: string;

  @Property({ type: 'blob', lazy: true })
  content!: Buffer;

  @Property({ type: 'uuid', nullable: true })
  createdBy?: string | null;
}

/**
 * Meta's media id for a file on one phone number (Meta's ids belong to the number that uploaded them): one row per
 * file and number, replaced when the id is too old to reuse. The unique index makes "uploaded once per number"
 * a fact of the table; the upload itself runs under the file row's lock.
 */
@Entity({ tableName: 'campaign_media_upload' })
@Unique({ name: 'campaign_media_upload_unique', properties: ['fileId', 'phoneNumberId'] })
@Index({ name: 'campaign_media_upload_workspace_index', properties: ['workspace'] })
export class CampaignMediaUpload extends WorkspaceEntity {
  @Property({ type: 'uuid' })
  fileId!: string;

  @Property({ length: 40 })
  phoneNumberId!: string;

  @Property({ length: 64 })
  metaMediaId!: string;

  @Property({ type: 'timestamptz' })
  uploadedAt!: Date;
}
