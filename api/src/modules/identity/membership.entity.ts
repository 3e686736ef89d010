import { Entity, ManyToOne, Unique } from '@mikro-orm/core';
import { BaseEntity, WorkspaceScoped } from '../../db/base.entity';
import { Role } from './role.entity';
import { User } from './user.entity';
import { Workspace } from './workspace.entity';

/** A user's place in a workspace, with one role. */
@Entity({ tableName: 'membership' })
@WorkspaceScoped()
@Unique({ properties: ['workspace', 'user'] })
export class Membership extends BaseEntity {
  @ManyToOne(() => Workspace)
  workspace!: Workspace;

  @ManyToOne(() => User)
  user!: User;

  @ManyToOne(() => Role)
  role!: Role;
}
