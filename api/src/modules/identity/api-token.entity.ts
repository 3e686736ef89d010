import { ArrayType, Entity, ManyToOne, Property, Unique } from '@mikro-orm/core';
import { WorkspaceEntity } from '../../db/base.entity';
import type { Permission } from './permissions';
import { User } from './user.entity';

/** A credential for scripts and integrations; shown once, stored as its SHA-256. */
@Entity({ tableName: 'api_token' })
export class ApiToken extends WorkspaceEntity {
  @ManyToOne(() => User)
  createdBy!: User;

  @Property({ length: 80 })
  name!: string;

  /** The first characters, to recognise a token in lists and logs. */
  @Property({ length: 16 })
  prefix!: string;

  @Property({ length: 64, hidden: true })
  @Unique()
  tokenHash!: string;

  @Property({ type: ArrayType })
  permissions: Permission[] = [];

  @Property({ type: 'timestamptz', nullable: true })
  lastUsedAt?: Date | null;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;
}
