import type { SimulatedTransaction } from './midtrans-simulator';

const escape = (text: string) =>
  text.replace(/[&<>"']/g, (char) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[char]!);

const METHODS = ['gopay', 'shopeepay', 'bank_transfer', 'credit_card'];
const OUTCOMES: [string, string][] = [
  ['settlement', 'Paid (settlement)'],
  ['capture:accept', 'Card captured, fraud accept'],
  ['capture:challenge', 'Card captured, fraud challenge'],
  ['pending', 'Pending'],
  ['deny', 'Denied'],
  ['expire', 'Expired'],
  ['cancel', 'Cancelled'],
];

const amount = (value: number) => `Rp${new Intl.NumberFormat('id-ID').format(value)}`;

/** The simulator's stand-in for Snap's page: a person picks the method and the outcome. */
export function paymentPage(transaction: SimulatedTransaction): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><meta name="viewport" content="width=device-width">
<title>Midtrans simulator</title></head><body style="font-family:sans-serif;max-width:28rem;margin:2rem auto">
<h1>Midtrans simulator</h1><p>Order <code>${escape(transaction.orderId)}</code>: <strong>${amount(transaction.grossAmount)}</strong></p>
<form method="post"><label>Method <select name="method">${METHODS.map((method) => `<option>${method}</option>`).join('')}</select></label>
<label>Outcome <select name="outcome">${OUTCOMES.map(([value, label]) => `<option value="${value}">${label}</option>`).join('')}</select></label>
<button type="submit">Pay</button></form></body></html>`;
}

/**
 * After the payer's choice: like Snap, a way back to the merchant's finish URL (`callbacks.finish` of the request)
 * carrying `order_id`, `status_code` and `transaction_status`, which the dashboard's wallet page checks.
 */
export function resultPage(transaction: SimulatedTransaction, statusCode: string): string {
  const finish = (transaction.request.callbacks as { finish?: unknown } | undefined)?.finish;
  let back = '';
  if (typeof finish === 'string' && /^https?:\/\//.test(finish)) {
    const url = new URL(finish);
    url.searchParams.set('order_id', transaction.orderId);
    url.searchParams.set('status_code', statusCode);
    url.searchParams.set('transaction_status', transaction.status ?? 'pending');
    back = `<p><a href="${escape(url.toString())}">Back to the merchant</a></p>`;
  }
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Midtrans simulator</title></head>
<body style="font-family:sans-serif;max-width:28rem;margin:2rem auto"><h1>Payment ${escape(transaction.status ?? 'pending')}</h1>
<p>Order <code>${escape(transaction.orderId)}</code>. The notification was sent.</p>${back}</body></html>`;
}
