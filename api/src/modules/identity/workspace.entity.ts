import { Enum, Entity, type Opt, Property, Unique } from '@mikro-orm/core';
import { BaseEntity } from '../../db/base.entity';
import { DEFAULT_TIME_ZONE, WorkspaceTimeZone } from './time-zones';

/** A business: everything it owns carries its id. */
@Entity({ tableName: 'workspace' })
export class Workspace extends BaseEntity {
  @Property({ length: 120 })
  name!: string;

  @Property({ length: 64 })
  @Unique()
  slug!: string;

  /** Where the business is: every time the dashboard shows is in this zone (a check constraint holds the list). */
  @Enum({ items: () => WorkspaceTimeZone, length: 40 })
  timeZone: Opt<WorkspaceTimeZone> = DEFAULT_TIME_ZONE;
}
