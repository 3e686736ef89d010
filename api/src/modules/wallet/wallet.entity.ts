import { Entity, Property, Unique } from '@mikro-orm/core';
import type { Rupiah } from '../../core/money';
import { WorkspaceEntity } from '../../db/base.entity';
import { RupiahType } from '../../db/types/rupiah.type';

/**
 * A workspace's prepaid balance. Only WalletService writes it, under `select ... for update`
 * of this row, together with the ledger entry that explains the change: `balance` is always
 * the sum of the ledger's amounts and `held` the sum of its held deltas.
 */
@Entity({ tableName: 'wallet' })
@Unique({ properties: ['workspace'] })
export class Wallet extends WorkspaceEntity {
  @Property({ type: RupiahType })
  balance!: Rupiah;

  @Property({ type: RupiahType })
  held!: Rupiah;

  @Property({ type: RupiahType })
  lowBalanceThreshold!: Rupiah;
}
