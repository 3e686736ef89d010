import { Entity, ManyToOne, Property } from '@mikro-orm/core';
import type { Rupiah } from '../../core/money';
import { WorkspaceEntity } from '../../db/base.entity';
import { RupiahType } from '../../db/types/rupiah.type';
import { Wallet } from './wallet.entity';

/** One change of a wallet, never updated or deleted (unique idempotency key per wallet). */
@Entity({ tableName: 'ledger_entry' })
export class LedgerEntry extends WorkspaceEntity {
  @ManyToOne(() => Wallet)
  wallet!: Wallet;

  @Property({ length: 20 })
  kind!: string;

  /** Signed change of the balance. */
  @Property({ type: RupiahType })
  amount!: Rupiah;

  /** Signed change of the held amount (holds, captures, releases). */
  @Property({ type: RupiahType })
  heldDelta!: Rupiah;

  @Property({ type: RupiahType })
  balanceAfter!: Rupiah;

  @Property({ type: RupiahType })
  heldAfter!: Rupiah;

  @Property({ length: 120 })
  reference!: string;

  @Property({ length: 200 })
  idempotencyKey!: string;

  @Property({ length: 120 })
  actor!: string;

  @Property({ type: 'json' })
  details!: Record<string, unknown>;
}
