import { Entity, Property, Unique } from '@mikro-orm/core';
import type { Rupiah } from '../../core/money';
import { WorkspaceEntity } from '../../db/base.entity';
import { RupiahType } from '../../db/types/rupiah.type';

export type PaymentOrderStatus = 'PENDING' | 'CHALLENGE' | 'PAID' | 'EXPIRED' | 'CANCELLED' | 'FAILED';

/** A top-up: committed PENDING before Midtrans is called, so a payment always finds its order. */
@Entity({ tableName: 'payment_order' })
export class PaymentOrder extends WorkspaceEntity {
  @Property({ length: 50 })
  @Unique()
  orderId!: string;

  /** What the payer pays (Snap's gross_amount). */
  @Property({ type: RupiahType })
  grossAmount!: Rupiah;

  /** What the wallet receives (gross minus PPN when tax is exclusive). */
  @Property({ type: RupiahType })
  creditAmount!: Rupiah;

  @Property({ type: RupiahType })
  taxAmount!: Rupiah;

  @Property({ length: 12 })
  status!: PaymentOrderStatus;

  @Property({ length: 30, nullable: true })
  midtransStatus?: string | null;

  @Property({ length: 40, nullable: true })
  paymentType?: string | null;

  @Property()
  flagged!: boolean;

  @Property({ length: 60, nullable: true })
  flagReason?: string | null;

  @Property({ type: RupiahType })
  credited!: Rupiah;

  @Property({ type: RupiahType })
  reversed!: Rupiah;

  @Property({ length: 200, nullable: true })
  snapToken?: string | null;

  @Property({ length: 500, nullable: true })
  redirectUrl?: string | null;

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  nextCheckAt?: Date | null;

  @Property()
  checks!: number;

  @Property({ type: 'timestamptz', nullable: true })
  paidAt?: Date | null;

  @Property({ type: 'uuid', nullable: true })
  createdBy?: string | null;
}
