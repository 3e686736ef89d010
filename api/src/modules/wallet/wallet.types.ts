import { Allow, ArrayMaxSize, IsOptional, IsUUID, Length, Matches, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import type { Rupiah } from '../../core/money';
import { PositiveRupiahScalar, RupiahScalar } from '../../graphql/scalars';
import { PageInfo } from '../../graphql/connections';

export enum PaymentOrderStatusEnum {
  PENDING = 'PENDING',
  CHALLENGE = 'CHALLENGE',
  PAID = 'PAID',
  EXPIRED = 'EXPIRED',
  CANCELLED = 'CANCELLED',
  FAILED = 'FAILED',
}
registerEnumType(PaymentOrderStatusEnum, { name: 'PaymentOrderStatus' });

export enum LedgerKindEnum {
  TOPUP = 'TOPUP',
  HOLD = 'HOLD',
  CAPTURE = 'CAPTURE',
  RELEASE = 'RELEASE',
  REFUND = 'REFUND',
  REVERSAL = 'REVERSAL',
  DEBIT = 'DEBIT',
  ADJUSTMENT = 'ADJUSTMENT',
}
registerEnumType(LedgerKindEnum, { name: 'LedgerKind' });

@ObjectType({ description: 'The workspace’s prepaid balance.' })
export class WalletView {
  @Field(() => RupiahScalar) balance!: Rupiah;
  @Field(() => RupiahScalar, { description: 'Reserved for running and scheduled campaigns.' }) held!: Rupiah;
  @Field(() => RupiahScalar, { description: 'balance - held; below zero only after an uncovered reversal.' })
  available!: Rupiah;
  @Field(() => RupiahScalar, { description: 'max(0, -available). While above zero, sending is refused.' })
  debt!: Rupiah;
  @Field(() => RupiahScalar, { description: 'A LOW_BALANCE notification when available falls under this (0: off).' })
  lowBalanceThreshold!: Rupiah;
}

@ObjectType()
export class PaymentOrder {
  @Field(() => ID) id!: string;
  @Field({ description: 'Midtrans order id, e.g. BZ-TOPUP-20261201-7K3M9QXD.' }) orderId!: string;
  @Field(() => PaymentOrderStatusEnum) status!: PaymentOrderStatusEnum;
  @Field(() => RupiahScalar, { description: 'What the payer pays (with PPN when tax is exclusive).' }) amount!: Rupiah;
  @Field(() => RupiahScalar, { description: 'What the wallet is credited when paid.' }) creditAmount!: Rupiah;
  @Field(() => RupiahScalar) taxAmount!: Rupiah;
  @Field(() => String, { nullable: true }) paymentType!: string | null;
  @Field({ description: 'Needs the platform admin’s attention (amount mismatch, paid after expiry...).' })
  flagged!: boolean;
  @Field(() => RupiahScalar, { description: 'Debited again by refunds, chargebacks or reversals.' }) reversed!: Rupiah;
  @Field(() => String, { nullable: true }) redirectUrl!: string | null;
  @Field() expiresAt!: Date;
  @Field(() => Date, { nullable: true }) paidAt!: Date | null;
  @Field() createdAt!: Date;
}

@ObjectType()
export class TopupResult {
  @Field(() => PaymentOrder) order!: PaymentOrder;
  @Field({ description: 'Opens Snap’s popup with the client key (snap.pay).' }) snapToken!: string;
  @Field({ description: 'Snap’s hosted page, the fallback when the popup cannot open.' }) redirectUrl!: string;
}

@ObjectType()
export class LedgerEntry {
  @Field(() => ID) id!: string;
  @Field(() => LedgerKindEnum) kind!: LedgerKindEnum;
  @Field(() => RupiahScalar, { description: 'Signed change of the balance.' }) amount!: Rupiah;
  @Field(() => RupiahScalar, { description: 'Signed change of the held amount.' }) heldDelta!: Rupiah;
  @Field(() => RupiahScalar) balanceAfter!: Rupiah;
  @Field({ description: 'Order id, campaign batch or hold this entry belongs to.' }) reference!: string;
  @Field() actor!: string;
  @Field() createdAt!: Date;
}

@ObjectType()
export class PaymentOrderEdge {
  @Field() cursor!: string;
  @Field(() => PaymentOrder) node!: PaymentOrder;
}

@ObjectType()
export class PaymentOrderConnection {
  @Field(() => [PaymentOrderEdge]) edges!: PaymentOrderEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ObjectType()
export class LedgerEntryEdge {
  @Field() cursor!: string;
  @Field(() => LedgerEntry) node!: LedgerEntry;
}

@ObjectType()
export class LedgerEntryConnection {
  @Field(() => [LedgerEntryEdge]) edges!: LedgerEntryEdge[];
  @Field(() => PageInfo) pageInfo!: PageInfo;
}

@ObjectType()
export class ReceiptLine {
  @Field() description!: string;
  @Field(() => RupiahScalar) amount!: Rupiah;
}

@ObjectType()
export class ReceiptParty {
  @Field() legalName!: string;
  @Field(() => String, { nullable: true }) npwp!: string | null;
  @Field() address!: string;
  @Field() invoiceEmail!: string;
}

@ObjectType({ description: 'A paid order’s receipt, in the reader’s language, ready to print.' })
export class Receipt {
  @Field({ description: 'e.g. BZ/2026/000042, gapless per year.' }) number!: string;
  @Field() issuedAt!: Date;
  @Field({
    description:
      'issuedAt in the workspace’s time zone, written the reader’s way, with the zone’s name (WIB, WITA, WIT).',
  })
  issuedAtText!: string;
  @Field({ description: '“Receipt” / “Kuitansi”.' }) title!: string;
  @Field(() => ReceiptParty, { nullable: true, description: 'The workspace’s billing profile, when it has one.' })
  billedTo!: ReceiptParty | null;
  @Field(() => [ReceiptLine]) lines!: ReceiptLine[];
  @Field(() => RupiahScalar, { description: 'Before PPN.' }) subtotal!: Rupiah;
  @Field(() => RupiahScalar) tax!: Rupiah;
  @Field(() => RupiahScalar, { description: 'What was paid.' }) total!: Rupiah;
  @Field(() => PaymentOrder) order!: PaymentOrder;
}

@InputType()
export class CreateTopupInput {
  @Field(() => PositiveRupiahScalar, { description: 'Whole rupiah, at least 50000, at most TOPUP_MAX_AMOUNT.' })
  // The scalar has validated it; class-validator refuses an input class without any decorator.
  @Allow()
  amount!: Rupiah;
}

@InputType()
export class PaymentOrderFilter {
  @Field(() => [PaymentOrderStatusEnum], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(6)
  statuses?: PaymentOrderStatusEnum[];
}

@InputType()
export class LedgerEntryFilter {
  @Field(() => [LedgerKindEnum], { nullable: true }) @IsOptional() @ArrayMaxSize(8) kinds?: LedgerKindEnum[];
  @Field(() => String, { nullable: true, description: 'First day (YYYY-MM-DD, inclusive) in the workspace time zone.' })
  @IsOptional()
  @Length(1, 10)
  from?: string | null;
  @Field(() => String, { nullable: true, description: 'Last day (YYYY-MM-DD, inclusive) in the workspace time zone.' })
  @IsOptional()
  @Length(1, 10)
  to?: string | null;
}

@ArgsType()
export class PageArgs {
  @Field(() => Int, { defaultValue: 20 }) @Min(1) @Max(100) first!: number;
  @Field(() => String, { nullable: true }) @IsOptional() @IsUUID('all') after?: string;
}

@ArgsType()
export class PaymentOrdersArgs extends PageArgs {
  @Field(() => PaymentOrderFilter, { nullable: true }) filter?: PaymentOrderFilter;
}

@ArgsType()
export class LedgerEntriesArgs extends PageArgs {
  @Field(() => LedgerEntryFilter, { nullable: true }) filter?: LedgerEntryFilter;
}

@ArgsType()
export class OrderIdArgs {
  @Field() @Length(1, 50) @Matches(/^[A-Za-z0-9\-_~.]+$/) orderId!: string;
}
