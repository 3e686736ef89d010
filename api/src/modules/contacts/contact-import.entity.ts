import { ArrayType, Entity, ManyToOne, type Opt, Property } from '@mikro-orm/core';
import { WorkspaceEntity } from '../../db/base.entity';
import { User } from '../identity';

/**
 * One CSV upload and its import. The file lives here (shared by every API and worker process)
 * only until the import ends; then only the counts and the report of rejected rows remain.
 */
@Entity({ tableName: 'contact_import' })
export class ContactImport extends WorkspaceEntity {
  @ManyToOne(() => User, { nullable: true })
  createdBy?: User | null;

  @Property({ length: 16 })
  status!: string;

  @Property({ length: 200 })
  fileName!: string;

  @Property()
  fileBytes!: number;

  @Property({ type: 'blob', nullable: true, lazy: true })
  file?: Buffer | null;

  @Property({ length: 1 })
  delimiter!: string;

  @Property({ type: ArrayType })
  columns!: string[];

  @Property({ type: 'json', nullable: true })
  options?: Record<string, unknown> | null;

  @Property() totalRows: Opt<number> = 0;
  @Property() processedRows: Opt<number> = 0;
  @Property() createdRows: Opt<number> = 0;
  @Property() updatedRows: Opt<number> = 0;
  @Property() skippedRows: Opt<number> = 0;
  @Property() rejectedRows: Opt<number> = 0;

  @Property({ length: 80, nullable: true })
  failureKey?: string | null;

  @Property({ type: 'json', nullable: true })
  failureParams?: Record<string, string | number> | null;

  @Property({ type: 'timestamptz', nullable: true })
  finishedAt?: Date | null;
}

/** A bulk action over a whole filter, run as one job with progress. */
@Entity({ tableName: 'contact_bulk_job' })
export class ContactBulkJob extends WorkspaceEntity {
  @ManyToOne(() => User, { nullable: true })
  createdBy?: User | null;

  @Property({ length: 32 })
  action!: string;

  @Property({ type: 'json' })
  filter!: Record<string, unknown>;

  @Property({ length: 60, nullable: true })
  tag?: string | null;

  @Property({ length: 16 })
  status!: string;

  @Property() totalRows: Opt<number> = 0;
  @Property() processedRows: Opt<number> = 0;

  @Property({ type: 'timestamptz', nullable: true })
  finishedAt?: Date | null;
}

/** A requested export of a filter; the download streams it when fetched (within the hour). */
@Entity({ tableName: 'contact_export' })
export class ContactExport extends WorkspaceEntity {
  @ManyToOne(() => User, { nullable: true })
  createdBy?: User | null;

  @Property({ type: 'json' })
  filter!: Record<string, unknown>;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;
}
