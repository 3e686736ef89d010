import type { EntityManager } from '@mikro-orm/postgresql';
import type { Clock } from '../../core/clock';
import type { Logger } from '../../core/logger';
import type { Rupiah } from '../../core/money';
import type { WorkspaceIdentity } from '../identity';
import type { NotificationsService } from '../notifications';
import type { PaymentGateway } from './midtrans/gateway';
import { NotificationIntake, type NotificationResult } from './notification-intake';
import { PaymentConfirmation } from './payment-confirmation';
import { pageOrders, readOrder, type PaymentOrderView } from './payment-orders';
import { nextCheckAt } from './payment-schedule';
import type { OrderRow } from './payments.sql';
import { ReceiptNumbering } from './receipt-numbering';
import { PaymentReconciliation } from './reconciliation';
import type { TaxPolicy } from './tax';
import { TopupService } from './topups.service';
import type { WalletService } from './wallet.service';

export type { OrderStatus, PaymentOrderView } from './payment-orders';
export type { NotificationResult } from './notification-intake';

export interface PaymentsOptions {
  serverKey: string;
  merchantId: string;
  allowedPaymentTypes: string[];
  expiryMinutes: number;
  minimum: Rupiah;
  maximum: Rupiah;
  tax: TaxPolicy;
  /** Where Snap's finish button leads (the dashboard's wallet page). */
  finishUrl: string;
}

/**
 * Top-ups through Midtrans Snap and everything Midtrans tells us about them: one entry point
 * for the resolver, the notification route and the reconciliation job, over parts with one job
 * each (TopupService starts a top-up, NotificationIntake takes a notification, PaymentConfirmation
 * applies a confirmed status, PaymentReconciliation checks due orders, ReceiptNumbering numbers
 * receipts).
 */
export class PaymentsService {
  private readonly topups: TopupService;
  private readonly receipts: ReceiptNumbering;
  private readonly confirmation: PaymentConfirmation;
  private readonly intake: NotificationIntake;
  private readonly reconciliation: PaymentReconciliation;

  constructor(
    wallet: WalletService,
    gateway: PaymentGateway,
    notifications: NotificationsService,
    private readonly clock: Clock,
    logger: Logger,
    options: PaymentsOptions,
  ) {
    this.topups = new TopupService(gateway, clock, logger, options);
    this.receipts = new ReceiptNumbering(clock, logger);
    this.confirmation = new PaymentConfirmation(wallet, gateway, notifications, this.receipts, clock, logger);
    this.intake = new NotificationIntake(this.confirmation, clock, options);
    this.reconciliation = new PaymentReconciliation(
      this.confirmation,
      this.receipts,
      gateway,
      notifications,
      clock,
      logger,
    );
  }

  createTopup(
    em: EntityManager,
    caller: WorkspaceIdentity,
    amount: Rupiah,
    customer: { name: string; email?: string },
  ) {
    return this.topups.createTopup(em, caller, amount, customer);
  }

  order(em: EntityManager, workspaceId: string, orderId: string): Promise<PaymentOrderView | undefined> {
    return readOrder(em, workspaceId, orderId);
  }

  page(em: EntityManager, workspaceId: string, options: { after?: string; statuses?: string[]; limit: number }) {
    return pageOrders(em, workspaceId, options);
  }

  receipt(em: EntityManager, workspaceId: string, orderId: string) {
    return this.receipts.receipt(em, workspaceId, orderId);
  }

  handleNotification(em: EntityManager, rawBody: Buffer): Promise<NotificationResult> {
    return this.intake.handle(em, rawBody);
  }

  confirmAndApply(em: EntityManager, workspaceId: string, orderId: string, deadlineMs?: number): Promise<string> {
    return this.confirmation.confirmAndApply(em, workspaceId, orderId, { deadlineMs });
  }

  numberReceipts(em: EntityManager): Promise<number> {
    return this.receipts.numberReceipts(em);
  }

  /** 1, 5, 15 and 60 minutes after creation, then hourly, and a last check after Midtrans' expiry plus the margin. */
  nextCheckAt(order: Pick<OrderRow, 'created_at' | 'expires_at'>): Date {
    return nextCheckAt(order, this.clock.now());
  }

  reconcileDue(em: EntityManager, limit = 100): Promise<number> {
    return this.reconciliation.reconcileDue(em, limit);
  }

  reconcileOne(em: EntityManager, workspaceId: string, orderId: string): Promise<string> {
    return this.reconciliation.reconcileOne(em, workspaceId, orderId);
  }
}
