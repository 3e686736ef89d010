import { ArrayType, Entity, ManyToOne, type Opt, Property } from '@mikro-orm/core';
import { BaseEntity, CrossWorkspace } from '../../db/base.entity';
import type { Permission } from './permissions';
import { Workspace } from './workspace.entity';

/**
 * A named set of permissions. Built-in roles are global rows (no workspace, fixed keys);
 * custom roles belong to one workspace. Queries take both kinds explicitly.
 */
@Entity({ tableName: 'role' })
@CrossWorkspace('built-in roles are global rows shared by every workspace; queries name both kinds explicitly')
export class Role extends BaseEntity {
  @ManyToOne(() => Workspace, { nullable: true })
  workspace?: Workspace | null;

  @Property({ length: 40 })
  key!: string;

  @Property({ length: 60 })
  name!: string;

  @Property()
  builtIn: Opt<boolean> = false;

  @Property({ type: ArrayType })
  permissions: Permission[] = [];
}
