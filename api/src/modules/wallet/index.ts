/** The wallet module's public face: the one writer of balances, for the broadcast engine and others. */
export { walletModule, RECONCILE_JOB, type WalletServices } from './wallet.module';
export { WalletService, type ReversalHandler, type WalletSummary, type LedgerKind } from './wallet.service';
export { PaymentsService } from './payments.service';
export { BillingService, TEMPLATE_CATEGORIES, type TemplateCategory, type PriceView } from './billing.service';
export { midtransSignature } from './midtrans/signature';
export { NOTIFICATION_PATH } from './notification.route';
