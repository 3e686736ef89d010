import type { IdentityServices } from '../identity';
import { defineModule } from '../manifest';
import type { NotificationsService } from '../notifications';
import { BillingProfile } from './billing-profile.entity';
import { BillingResolver } from './billing.resolver';
import { BillingService } from './billing.service';
import * as billingSql from './billing.sql';
import { Hold } from './hold.entity';
import { LedgerEntry } from './ledger-entry.entity';
import { MidtransGateway, type PaymentGateway } from './midtrans/gateway';
import { MidtransNotification } from './midtrans-notification.entity';
import { Migration20261201100000Wallet } from './migrations/20261201-100000-wallet';
import { notificationRoute } from './notification.route';
import { PaymentOrder } from './payment-order.entity';
import { paymentOrderSearchSource, SEARCH_PAYMENT_ORDERS } from './payments.search';
import * as paymentsSql from './payments.sql';
import { PaymentsService } from './payments.service';
import { MessagePrice } from './price.entity';
import { Receipt } from './receipt.entity';
import { Wallet } from './wallet.entity';
import { WalletResolver } from './wallet.resolver';
import * as walletSql from './wallet.sql';
import { WalletService } from './wallet.service';

export interface WalletServices {
  wallet: WalletService;
  payments: PaymentsService;
  billing: BillingService;
  gateway: PaymentGateway;
  reconcileEveryMs: number;
}

export const RECONCILE_JOB = 'wallet.reconcile';

export const walletModule = defineModule<
  'wallet',
  WalletServices,
  { identity: IdentityServices; notifications: { notifications: NotificationsService } }
>({
  name: 'wallet',
  requires: ['identity', 'notifications'],
  entities: [Wallet, LedgerEntry, Hold, PaymentOrder, MidtransNotification, MessagePrice, BillingProfile, Receipt],
  migrations: [{ name: 'Migration20261201100000Wallet', class: Migration20261201100000Wallet }],
  statements: [
    ...Object.values(walletSql),
    ...Object.values(paymentsSql),
    ...Object.values(billingSql),
    SEARCH_PAYMENT_ORDERS,
  ],
  searchSources: [paymentOrderSearchSource],
  resolvers: [WalletResolver, BillingResolver],
  services: ({ config, clock, logger }, { notifications }) => {
    const wallet = new WalletService(clock, notifications.notifications);
    const { midtrans } = config;
    const gateway = new MidtransGateway({
      isProduction: midtrans.env === 'production',
      serverKey: midtrans.serverKey,
      clientKey: midtrans.clientKey,
      snapBaseUrl: midtrans.snapBaseUrl,
      apiBaseUrl: midtrans.apiBaseUrl,
      notificationUrl: midtrans.notificationUrl,
      timeoutMs: midtrans.timeoutMs,
    });
    const payments = new PaymentsService(
      wallet,
      gateway,
      notifications.notifications,
      clock,
      logger.child({ module: 'wallet' }),
      {
        serverKey: midtrans.serverKey,
        merchantId: midtrans.merchantId,
        allowedPaymentTypes: midtrans.allowedPaymentTypes,
        expiryMinutes: midtrans.expiryMinutes,
        minimum: config.topup.minimum,
        maximum: config.topup.maximum,
        tax: config.ppn,
        finishUrl: `${config.publicUrl.replace(/\/$/, '')}/wallet`,
      },
    );
    const billing = new BillingService(clock, config.pricePerMessage);
    return { wallet, payments, billing, gateway, reconcileEveryMs: midtrans.reconcileEveryMs };
  },
  // Every minute by default (wall clock); which orders are due follows the injected Clock.
  jobs: ({ payments, reconcileEveryMs }, { orm }) => [
    {
      name: RECONCILE_JOB,
      repeatEveryMs: reconcileEveryMs,
      handler: async () => void (await payments.reconcileDue(orm.em.fork())),
    },
  ],
  routes: ({ payments }, { orm }) => [notificationRoute(orm.em, payments)],
});
