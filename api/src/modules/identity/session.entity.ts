import { Entity, ManyToOne, type Opt, Property, Unique } from '@mikro-orm/core';
import { BaseEntity, CrossWorkspace } from '../../db/base.entity';
import { User } from './user.entity';
import { Workspace } from './workspace.entity';

/** A signed-in browser. Only the SHA-256 of its token is stored. */
@Entity({ tableName: 'session' })
@CrossWorkspace('a session belongs to a user; its workspace is only the one the user is looking at')
export class Session extends BaseEntity {
  @ManyToOne(() => User)
  user!: User;

  @ManyToOne(() => Workspace, { nullable: true })
  workspace?: Workspace | null;

  @Property({ length: 64, hidden: true })
  @Unique()
  tokenHash!: string;

  @Property({ type: 'timestamptz' })
  lastSeenAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null;

  @Property({ length: 64, nullable: true })
  ip?: string | null;

  @Property({ length: 300, nullable: true })
  userAgent?: string | null;
}
