import { Entity, Index, ManyToOne, Property } from '@mikro-orm/core';
import { BaseEntity, CrossWorkspace } from '../../db/base.entity';
import { ApiToken } from './api-token.entity';
import { User } from './user.entity';
import { Workspace } from './workspace.entity';

/** Security events: who did what, from where, when. Append-only. */
@Entity({ tableName: 'audit_log' })
@Index({ properties: ['workspace', 'createdAt'] })
@CrossWorkspace(
  'platform events (sign-ins before a workspace is known) have none; every read filters by workspace explicitly',
)
export class AuditLog extends BaseEntity {
  @ManyToOne(() => Workspace, { nullable: true })
  workspace?: Workspace | null;

  @ManyToOne(() => User, { nullable: true })
  actor?: User | null;

  @ManyToOne(() => ApiToken, { nullable: true })
  actorToken?: ApiToken | null;

  @Property({ length: 60 })
  action!: string;

  @Property({ length: 200, nullable: true })
  target?: string | null;

  @Property({ length: 64, nullable: true })
  ip?: string | null;

  @Property({ type: 'json', nullable: true })
  details?: Record<string, unknown> | null;
}
