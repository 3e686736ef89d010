import { Entity, ManyToOne, Unique } from '@mikro-orm/core';
import { WorkspaceEntity } from '../../db/base.entity';
import { Role } from './role.entity';
import { User } from './user.entity';

/** A user's place in a workspace, with one role. */
@Entity({ tableName: 'membership' })
@Unique({ properties: ['workspace', 'user'] })
export class Membership extends WorkspaceEntity {
  @ManyToOne(() => User)
  user!: User;

  @ManyToOne(() => Role)
  role!: Role;
}
