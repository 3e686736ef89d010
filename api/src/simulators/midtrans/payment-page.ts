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
export function paymentPage(transaction: SimulatedTransaction, openedBySnapJs = false): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><meta name="viewport" content="width=device-width">
<title>Midtrans simulator</title></head><body style="font-family:sans-serif;max-width:28rem;margin:2rem auto">
<h1>Midtrans simulator</h1>${openedBySnapJs ? '<p data-opened-by="snap.js">Opened by snap.js</p>' : ''}<p>Order <code>${escape(transaction.orderId)}</code>: <strong>${amount(transaction.grossAmount)}</strong></p>
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

/**
 * The simulator's snap.js: `snap.pay(token, options)` as the merchant page calls it (GATEWAYS.md 2.2). Real Snap
 * opens its payment page in a popup iframe; the simulator opens its own payment page in the window instead (its
 * "Back to the merchant" then returns like Snap's finish redirect), and refuses a page that loaded it without
 * `data-client-key`, as Snap does. The payment page says it was opened by snap.js, so a test can tell this path
 * from the server's redirect.
 */
export const SNAP_JS = `(function () {
  var script = document.currentScript;
  var origin = new URL(script.src).origin;
  var clientKey = script.getAttribute('data-client-key');
  window.snap = {
    pay: function (token, options) {
      if (!clientKey) throw new Error('snap.js: data-client-key is missing');
      var url = origin + '/snap/v3/redirection/' + encodeURIComponent(token) + '?opened_by=snap.js';
      window.location.assign(url);
    },
  };
})();
`;
