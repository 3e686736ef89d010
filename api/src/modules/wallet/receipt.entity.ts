import { Entity, OneToOne, Property, Unique } from '@mikro-orm/core';
import { WorkspaceEntity } from '../../db/base.entity';
import { PaymentOrder } from './payment-order.entity';

/** The numbered receipt of a paid order (one per order; numbers gapless per year). */
@Entity({ tableName: 'receipt' })
export class Receipt extends WorkspaceEntity {
  @OneToOne(() => PaymentOrder, { owner: true })
  paymentOrder!: PaymentOrder;

  /** Null for the moment between the payment's commit and its numbering (PaymentsService.numberReceipts). */
  @Property({ length: 40, nullable: true })
  @Unique()
  number?: string | null;
}
