import { Entity, type Opt, PrimaryKey, Property } from '@mikro-orm/core';
import { CrossWorkspace } from '../../db/base.entity';

/**
 * A Meta business portfolio's messaging limit (unique recipients per rolling 24 h; -1:
 * unlimited). Since October 2025 the limit belongs to the portfolio and is shared by every
 * number in it, and one portfolio's numbers may be connected by several workspaces, so the
 * row belongs to no workspace; the dispatcher reads it under `for update` by portfolio id.
 */
@Entity({ tableName: 'business_portfolio' })
@CrossWorkspace(
  'a Meta business portfolio and its messaging limit are shared by every number in it, whichever workspace connected them',
)
export class BusinessPortfolio {
  @PrimaryKey({ length: 40 })
  id!: string;

  @Property({ type: 'int' })
  messagingLimit: Opt<number> = 250;

  @Property({ type: 'timestamptz' })
  createdAt: Opt<Date> = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Opt<Date> = new Date();
}
