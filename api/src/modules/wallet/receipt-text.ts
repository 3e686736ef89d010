import { DateTime } from 'luxon';
import { translate, type Language } from '../../core/messages';
import { rupiah } from '../../core/money';
import type { PaymentOrderView } from './payments.service';

const LOCALES: Record<Language, string> = { en: 'en-GB', id: 'id-ID' };

/**
 * When a receipt was issued, where the workspace is, the reader's way, with the zone's name as Indonesians
 * write it in both languages (WIB, WITA, WIT: Indonesian CLDR data, like the dashboard):
 * `1 December 2026 at 00:30 WIT`.
 */
export function issuedAtText(issuedAt: Date, language: Language, timeZone: string): string {
  const local = DateTime.fromJSDate(issuedAt, { zone: timeZone });
  const zoneName = local.setLocale('id-ID').toFormat('ZZZZ');
  return `${local.setLocale(LOCALES[language]).toLocaleString({ dateStyle: 'long', timeStyle: 'short' })} ${zoneName}`;
}

/**
 * A receipt's words and sums in the reader's language: the top-up line (and PPN when it was
 * added on top), subtotal before PPN, tax and total paid, the time in the workspace's zone.
 */
export function printable(order: PaymentOrderView, issuedAt: Date, language: Language, timeZone: string) {
  const subtotal = rupiah(order.amount - order.taxAmount);
  const exclusive = order.amount > order.creditAmount;
  const lines = [
    {
      description: translate(language, 'wallet.receipt.topupLine'),
      amount: exclusive ? order.creditAmount : order.amount,
    },
  ];
  if (exclusive) lines.push({ description: translate(language, 'wallet.receipt.ppnLine'), amount: order.taxAmount });
  return {
    title: translate(language, 'wallet.receipt.title'),
    issuedAtText: issuedAtText(issuedAt, language, timeZone),
    lines,
    subtotal,
    tax: order.taxAmount,
    total: order.amount,
  };
}
