import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import en from '../app/locales/en.json';
import id from '../app/locales/id.json';
import { createOwner, platformAdminToken, signInBrowser } from './support/api';
import { screenshot } from './support/browser';
import { signedInPage, usePortal } from './support/portal';
import { arrive } from './support/wait';

/**
 * A top-up as a person makes it: the wallet page, a preset, the simulator's payment page (standing in for Snap's),
 * back to the wallet through Snap's finish link (which makes the dashboard check the order with Midtrans), the
 * balance, the order PAID and its receipt. Once in each language, each with a fresh workspace.
 */
// The API's own words for a refused range (its message catalogue), as the page shows them beside the field.
const apiMessages = {
  en: { toBeforeFrom: 'The end date comes before the start date.' },
  id: { toBeforeFrom: 'Tanggal akhir lebih awal dari tanggal mulai.' },
} as const;

const LANGUAGES = [
  { lng: 'en', locale: en, paidToast: 'Payment received' },
  { lng: 'id', locale: id, paidToast: 'Pembayaran diterima' },
] as const;

describe('the wallet in the browser', () => {
  const portal = usePortal();

  const figure = (page: Page, name: 'balance' | 'available' | 'held' | 'debt') =>
    page.getByTestId(`wallet-${name}`).locator('dd');

  it.each(LANGUAGES.map((language) => [language.lng, language] as const))(
    '%s: a Rp100.000 top-up through the payment page changes the balance, the order turns PAID, its receipt shows',
    async (_lng, { lng, locale, paidToast }) => {
      const owner = await createOwner(portal.stack, { language: lng === 'en' ? 'EN' : 'ID' });
      const { context, page, errors } = await signedInPage(portal, owner.sessionToken, lng);
      try {
        await page.goto(`${portal.stack.dashboardUrl}/wallet`, { waitUntil: 'networkidle' });
        await page.getByRole('heading', { level: 1, name: locale.wallet.title, exact: true }).waitFor();
        expect(await figure(page, 'balance').textContent()).toBe('Rp0');
        expect(await figure(page, 'available').textContent()).toBe('Rp0');
        // With no top-up yet, the orders say what to do, with a link to the top-up form.
        const noOrders = page.getByTestId('payment-orders-empty');
        await noOrders.getByText(locale.wallet.orders.empty).waitFor();
        expect(await noOrders.getByRole('link', { name: locale.wallet.orders.topUp }).getAttribute('href')).toBe(
          '/wallet#topup',
        );

        // The billing profile first, so the receipt is made out to it; a 14-digit NPWP is refused beside its field.
        await page.getByRole('link', { name: locale.wallet.billing.open }).click();
        await page.getByRole('heading', { level: 1, name: locale.wallet.billing.title, exact: true }).waitFor();
        await page.getByLabel(locale.wallet.billing.legalName).fill(`PT ${owner.workspaceName}`);
        await page.getByLabel(locale.wallet.billing.npwp).fill('01.234.567.8-901.23');
        await page.getByLabel(locale.wallet.billing.address).fill('Jl. Sudirman 1, Jakarta');
        await page.getByLabel(locale.wallet.billing.invoiceEmail).fill(owner.email);
        await page.getByRole('button', { name: locale.common.save }).click();
        await page.getByText(locale.wallet.billing.npwpFormat).waitFor();
        await page.getByLabel(locale.wallet.billing.npwp).fill('0123.4567.8901.2345');
        await page.getByRole('button', { name: locale.common.save }).click();
        await page.getByTestId('toast').getByText(locale.wallet.billing.saved).waitFor();
        await page.goto(`${portal.stack.dashboardUrl}/wallet`, { waitUntil: 'networkidle' });

        // A custom amount below the minimum is refused beside the field, and nothing is ordered.
        await page.getByLabel(locale.wallet.topup.custom).fill('10.000');
        await page.getByRole('button', { name: locale.wallet.topup.pay, exact: true }).click();
        await page.getByText(locale.wallet.topup.belowMinimum).waitFor();
        expect(new URL(page.url()).origin).toBe(portal.stack.dashboardUrl);

        // With JavaScript the page has loaded Snap's script (the simulator's, with the client key) and the preset
        // opens Snap through `snap.pay(token)`; the simulator's payment page stands in for Snap's popup.
        await page.waitForFunction(() => typeof (window as { snap?: { pay?: unknown } }).snap?.pay === 'function');
        await page.getByRole('button', { name: 'Rp100.000', exact: true }).click();
        // The simulator's page: the amount to pay, a method and an outcome.
        await page.getByRole('heading', { name: 'Midtrans simulator' }).waitFor();
        await page.getByText('Opened by snap.js', { exact: true }).waitFor();
        expect(await page.locator('strong').first().textContent()).toBe('Rp100.000');
        await page.locator('select[name="method"]').selectOption('bank_transfer');
        await page.locator('select[name="outcome"]').selectOption('settlement');
        await page.getByRole('button', { name: 'Pay' }).click();
        await page.getByRole('heading', { name: 'Payment settlement' }).waitFor();
        await page.getByRole('link', { name: 'Back to the merchant' }).click();

        // Back on the wallet, on a clean URL, told in the reader's language that the payment arrived.
        await page.getByRole('heading', { level: 1, name: locale.wallet.title, exact: true }).waitFor();
        await page.getByTestId('toast').getByText(paidToast).waitFor();
        expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/wallet');
        expect(await figure(page, 'balance').textContent()).toBe('Rp100.000');
        expect(await figure(page, 'available').textContent()).toBe('Rp100.000');
        expect(await figure(page, 'debt').textContent()).toBe('Rp0');
        const row = page.getByTestId('payment-orders').locator('tbody tr');
        expect(await row.count()).toBe(1);
        expect(await row.getByText(locale.wallet.orderStatus.PAID, { exact: true }).count()).toBe(1);
        expect(await row.getByText('Rp100.000', { exact: true }).count()).toBe(1);
        await screenshot(page, `wallet-topped-up-${lng}`);

        await row.getByRole('link', { name: locale.wallet.orders.viewReceipt }).click();
        await page.getByRole('heading', { level: 1, name: locale.wallet.receipt.title, exact: true }).waitFor();
        expect(await page.getByTestId('receipt-total').textContent()).toBe('Rp100.000');
        expect(await page.getByTestId('receipt').getByText(`PT ${owner.workspaceName}`).count()).toBe(1);
        expect(await page.getByTestId('receipt').getByText('NPWP 0123456789012345').count()).toBe(1);
        expect(await page.getByTestId('receipt-number').textContent()).toMatch(/^BZ\/\d{4}\/\d+$/);
        // Midtrans' `bank_transfer` in the reader's words.
        expect(await page.getByTestId('receipt-method').textContent()).toBe(
          locale.wallet.receipt.methods.bank_transfer,
        );
        await screenshot(page, `wallet-receipt-${lng}`);

        // The ledger has the credit, filtered by kind, and the month's statement downloads as CSV with the order.
        const orderId = (await page.locator('.receipt__meta dd.table__mono').textContent()) ?? '';
        expect(orderId).toMatch(/^BZ-TOPUP-/);
        await page.goto(`${portal.stack.dashboardUrl}/wallet/ledger`, { waitUntil: 'networkidle' });
        await page.getByLabel(locale.wallet.ledger.kind).selectOption('TOPUP');
        await page.getByRole('button', { name: locale.wallet.ledger.apply }).click();
        await page.waitForURL(/kind=TOPUP/);
        const entries = page.getByTestId('ledger').locator('tbody tr');
        expect(await entries.count()).toBe(1);
        expect(await entries.getByText('+Rp100.000', { exact: true }).count()).toBe(1);
        expect(await entries.getByText(orderId, { exact: true }).count()).toBe(1);
        await page.getByLabel(locale.wallet.ledger.kind).selectOption('CAPTURE');
        await page.getByRole('button', { name: locale.wallet.ledger.apply }).click();
        // Nothing of that kind: the page says so and offers every change again.
        await page.getByTestId('ledger-empty').getByText(locale.wallet.ledger.emptyFiltered).waitFor();
        await page.getByTestId('ledger-empty').getByRole('link', { name: locale.wallet.ledger.showAll }).click();
        await entries.getByText(orderId, { exact: true }).waitFor();
        expect(new URL(page.url()).search).toBe('');
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          page.getByRole('button', { name: locale.wallet.ledger.export }).click(),
        ]);
        const csv = readFileSync((await download.path())!, 'utf8');
        expect(download.suggestedFilename()).toMatch(/\.csv$/);
        expect(csv).toContain(orderId);
        expect(csv).toContain('100000');

        // By date: today in the workspace's time zone (Jakarta) holds the credit; a year long past holds nothing.
        const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Jakarta' }).format(new Date());
        const filter = page.getByTestId('ledger-filter');
        await filter.getByLabel(locale.wallet.ledger.kind).selectOption('');
        await filter.getByLabel(locale.wallet.ledger.from, { exact: true }).fill(today);
        await filter.getByLabel(locale.wallet.ledger.to, { exact: true }).fill(today);
        await filter.getByRole('button', { name: locale.wallet.ledger.apply }).click();
        await page.waitForURL(new RegExp(`from=${today}&to=${today}`));
        // The URL changes before the new rows are rendered: wait for the credit, then count.
        await entries.getByText(orderId, { exact: true }).waitFor();
        expect(await entries.count()).toBe(1);
        expect(await entries.getByText(orderId, { exact: true }).count()).toBe(1);
        await filter.getByLabel(locale.wallet.ledger.from, { exact: true }).fill('2020-01-01');
        await filter.getByLabel(locale.wallet.ledger.to, { exact: true }).fill('2020-12-31');
        await filter.getByRole('button', { name: locale.wallet.ledger.apply }).click();
        await page.getByTestId('ledger-empty').waitFor();
        // An end before the start is refused beside the end date, in the reader's language.
        await page.goto(`${portal.stack.dashboardUrl}/wallet/ledger?from=${today}&to=2020-01-01`, {
          waitUntil: 'networkidle',
        });
        await filter.getByText(apiMessages[lng].toBeforeFrom, { exact: true }).waitFor();
        await page.setViewportSize({ width: 390, height: 860 });
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
        await screenshot(page, `wallet-ledger-dates-${lng}-390`);
        await page.setViewportSize({ width: 1280, height: 860 });

        // Orders by status: PAID finds the top-up, EXPIRED finds none and says so.
        await page.goto(`${portal.stack.dashboardUrl}/wallet`, { waitUntil: 'networkidle' });
        const orders = page.getByTestId('orders-filter');
        await orders.getByLabel(locale.wallet.orders.status).selectOption('PAID');
        await orders.getByRole('button', { name: locale.wallet.ledger.apply }).click();
        await page.waitForURL(/status=PAID/);
        expect(await row.count()).toBe(1);
        await orders.getByLabel(locale.wallet.orders.status).selectOption('EXPIRED');
        await orders.getByRole('button', { name: locale.wallet.ledger.apply }).click();
        await arrive(
          page,
          /status=EXPIRED/,
          page.getByTestId('payment-orders-empty').getByText(locale.wallet.orders.emptyFiltered),
        );
        await screenshot(page, `wallet-orders-filtered-${lng}`);
        // The refused date above answered its page with the reason, not an error: nothing else went wrong.
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it('without JavaScript a top-up redirects to the payment page (the CSP lets the form go to Snap), and back', async () => {
    const owner = await createOwner(portal.stack, { language: 'ID' });
    const context = await portal.chromium.newContext({
      locale: 'id-ID',
      viewport: { width: 390, height: 860 },
      javaScriptEnabled: false,
    });
    try {
      await signInBrowser(context, portal.stack, owner.sessionToken, 'id');
      const page = await context.newPage();
      const blocked: string[] = [];
      page.on('console', (message) => {
        if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
      });
      await page.goto(`${portal.stack.dashboardUrl}/wallet`);
      await page.getByRole('button', { name: 'Rp250.000', exact: true }).click();
      await page.getByRole('heading', { name: 'Midtrans simulator' }).waitFor();
      // Reached by the server's redirect, not by snap.js (which never ran).
      expect(await page.getByText('Opened by snap.js').count()).toBe(0);
      expect(await page.locator('strong').first().textContent()).toBe('Rp250.000');
      await page.locator('select[name="outcome"]').selectOption('settlement');
      await page.getByRole('button', { name: 'Pay' }).click();
      await page.getByRole('link', { name: 'Back to the merchant' }).click();
      await page.getByRole('heading', { level: 1, name: id.wallet.title, exact: true }).waitFor();
      expect(await figure(page, 'balance').textContent()).toBe('Rp250.000');
      expect(blocked).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('the platform admin sets a marketing price, and it is in force and in the history', async () => {
    const { context, page } = await signedInPage(portal, await platformAdminToken(portal.stack), 'en');
    try {
      await page.goto(`${portal.stack.dashboardUrl}/admin/pricing`, { waitUntil: 'networkidle' });
      await page.getByRole('heading', { level: 1, name: en.wallet.pricing.title, exact: true }).waitFor();
      await page.getByLabel(en.wallet.pricing.category).selectOption('MARKETING');
      await page.getByLabel(en.wallet.pricing.amountRp).fill('12,5');
      await page.getByRole('button', { name: en.common.save }).click();
      await page.getByText(en.wallet.topup.wholeRupiah).waitFor();
      await page.getByLabel(en.wallet.pricing.amountRp).fill('650');
      await page.getByRole('button', { name: en.common.save }).click();
      await page.getByTestId('toast').getByText(en.wallet.pricing.saved).waitFor();
      const current = page.getByTestId('prices-current').locator('tbody tr', { hasText: en.wallet.category.MARKETING });
      expect(await current.getByText('Rp650', { exact: true }).count()).toBe(1);
      const history = page.getByTestId('prices-history').locator('tbody tr', { hasText: 'Rp650' });
      expect(await history.count()).toBe(1);
      await screenshot(page, 'admin-pricing-set-en');
    } finally {
      await context.close();
    }
  });
});
