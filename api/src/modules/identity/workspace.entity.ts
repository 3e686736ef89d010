import { Entity, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity';

/** A business: everything it owns carries its id. */
@Entity({ tableName: 'workspace' })
export class Workspace extends BaseEntity {
  @Property({ length: 120 })
  name!: string;

  @Property({ length: 64 })
  @Unique()
  slug!: string;
}
