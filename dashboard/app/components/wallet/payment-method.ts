import type { TFunction } from 'i18next';
import type { Catalogue } from '../../i18n';

type PaymentMethod = keyof Catalogue['wallet']['receipt']['methods'];

/** Midtrans' `payment_type` codes the dashboard has a name for (the catalogues hold one for each). */
const METHODS: readonly PaymentMethod[] = [
  'bank_transfer',
  'echannel',
  'credit_card',
  'gopay',
  'shopeepay',
  'qris',
  'cstore',
  'akulaku',
  'kredivo',
  'bca_klikpay',
  'cimb_clicks',
  'danamon_online',
  'bri_epay',
  'uob_ezpay',
];

/**
 * How an order was paid, as the reader reads it. Midtrans reports a code (`bank_transfer`, `gopay`); one it adds
 * later still reads as words (`other_qris` → "Other qris") rather than as a code.
 */
export function paymentMethodName(code: string, t: TFunction): string {
  const method = METHODS.find((known) => known === code);
  if (method) return t(`wallet.receipt.methods.${method}`);
  const words = code.replace(/[_-]+/g, ' ').trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
