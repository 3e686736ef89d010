import { translate, type Language } from '../../core/messages';
import { rupiah } from '../../core/money';
import type { PaymentOrderView } from './payments.service';

const LOCALES: Record<Language, string> = { en: 'en-GB', id: 'id-ID' };

/**
 * A receipt's words and sums in the reader's language: the top-up line (and PPN when it was
 * added on top), subtotal before PPN, tax and total paid, the time in Asia/Jakarta (the
 * workspace time zone until workspaces carry their own).
 */
export function printable(order: PaymentOrderView, issuedAt: Date, language: Language) {
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
    issuedAtText: new Intl.DateTimeFormat(LOCALES[language], {
      timeZone: 'Asia/Jakarta',
      dateStyle: 'long',
      timeStyle: 'short',
    }).format(issuedAt),
    lines,
    subtotal,
    tax: order.taxAmount,
    total: order.amount,
  };
}
