import { Entity, ManyToOne, Property } from '@mikro-orm/core';
import type { Rupiah } from '../../core/money';
import { BaseEntity, CrossWorkspace } from '../../db/base.entity';
import { RupiahType } from '../../db/types/rupiah.type';
import { Workspace } from '../identity';

/**
 * The price of one message of a template category, from `validFrom` on; rows are never
 * changed, so they are the history. A row without a workspace is the installation's price.
 */
@Entity({ tableName: 'message_price' })
@CrossWorkspace('installation-wide prices have no workspace; per-workspace prices are looked up by workspace id')
export class MessagePrice extends BaseEntity {
  @ManyToOne(() => Workspace, { nullable: true })
  workspace?: Workspace | null;

  @Property({ length: 20 })
  category!: string;

  @Property({ type: RupiahType })
  amount!: Rupiah;

  @Property({ type: 'timestamptz' })
  validFrom!: Date;

  @Property({ type: 'uuid', nullable: true })
  setBy?: string | null;
}
