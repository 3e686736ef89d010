import { Entity, ManyToOne, Property } from '@mikro-orm/core';
import type { Rupiah } from '../../core/money';
import { WorkspaceEntity } from '../../db/base.entity';
import { RupiahType } from '../../db/types/rupiah.type';
import { Wallet } from './wallet.entity';

/** Money reserved for a campaign: captured in batches, the rest released. */
@Entity({ tableName: 'wallet_hold' })
export class Hold extends WorkspaceEntity {
  @ManyToOne(() => Wallet)
  wallet!: Wallet;

  @Property({ length: 120 })
  reference!: string;

  @Property({ type: RupiahType })
  amount!: Rupiah;

  @Property({ type: RupiahType })
  remaining!: Rupiah;

  @Property({ type: RupiahType })
  captured!: Rupiah;

  /** OPEN while anything remains held; CLOSED after the last release. */
  @Property({ length: 10 })
  status!: 'OPEN' | 'CLOSED';
}
