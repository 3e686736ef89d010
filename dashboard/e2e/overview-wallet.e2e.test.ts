import type { Page } from 'playwright-core';
import en from '../app/locales/en.json';
import id from '../app/locales/id.json';
import { acceptAsNewAccount, callApi, createOwner, inviteMember, type TestOwner } from './support/api';
import { seriousAxeViolations } from './support/axe';
import { screenshot } from './support/browser';
import { signedInPage, usePortal } from './support/portal';
import { fillCampaigns } from './support/workspace';
import { waitFor } from './support/wait';

/**
 * The overview's wallet and payments as each role sees them. A workspace tops up Rp50.000 and sends three messages
 * at Rp500 (Rp48.500 left) under a low-balance threshold of Rp100.000: everyone who reads the wallet is warned; only
 * a role that may top up (Finance) gets the top-up button, only a role that reads payments (Finance) gets the recent
 * payments; an Operator sees the wallet and its warning and neither of the others. When Midtrans refunds the whole
 * top-up the wallet owes Rp1.500, and the warning becomes the debt one. In each language, at 1280 and 390 px.
 */

describe('the overview’s wallet and recent payments in the browser', () => {
  const portal = usePortal();

  const member = async (owner: TestOwner, role: 'finance' | 'operator', language: 'EN' | 'ID') =>
    acceptAsNewAccount(portal.stack, await inviteMember(portal.stack, owner, `${role}-${owner.email}`, role), {
      name: role === 'finance' ? 'Dewi Keuangan' : 'Rudi Operator',
      password: `Kata-sandi-${role}-2026-uji`,
      language,
    });

  it.each([
    ['en', 1280, en],
    ['id', 390, id],
  ] as const)(
    '%s: the warning everyone may read, the top-up and payments only Finance may (%i px)',
    async (lng, width, locale) => {
      const language = lng === 'en' ? 'EN' : 'ID';
      const owner = await createOwner(portal.stack, { language });
      await fillCampaigns(portal.stack, owner, 'Promo Akhir Tahun');
      const api = <T>(query: string, variables: Record<string, unknown> = {}) =>
        callApi<T>(portal.stack, query, variables, owner.sessionToken);
      await api('mutation ($amount: Rupiah!) { setLowBalanceThreshold(amount: $amount) { lowBalanceThreshold } }', {
        amount: 100_000,
      });
      const { paymentOrders } = await api<{ paymentOrders: { edges: { node: { orderId: string } }[] } }>(
        '{ paymentOrders(first: 5) { edges { node { orderId } } } }',
      );
      expect(paymentOrders.edges).toHaveLength(1);
      const orderId = paymentOrders.edges[0]!.node.orderId;
      const finance = await member(owner, 'finance', language);
      const operator = await member(owner, 'operator', language);
      const texts = locale.overview.wallet;
      const suffix = `${lng}${width === 1280 ? '' : `-${width}`}`;

      const open = async (sessionToken: string) => {
        const opened = await signedInPage(portal, sessionToken, lng, { width, height: 900 });
        await opened.page.goto(`${portal.stack.dashboardUrl}/dashboard`, { waitUntil: 'networkidle' });
        await opened.page.getByRole('heading', { level: 1, name: locale.dashboard.welcome }).waitFor();
        return opened;
      };
      const walletCard = (page: Page) => page.getByRole('region', { name: texts.title, exact: true });
      const paymentsHeading = (page: Page) =>
        page.getByRole('heading', { level: 2, name: locale.overview.payments.title, exact: true });
      const topUpLink = (page: Page) => walletCard(page).getByRole('link', { name: texts.topUp, exact: true });

      // Finance: the figures, the low-balance warning, the top-up button and the payment just made.
      {
        const { context, page, errors } = await open(finance);
        try {
          const card = walletCard(page);
          expect(await card.getByTestId('overview-available').locator('dd').textContent()).toBe('Rp48.500');
          expect(await card.getByTestId('overview-balance').locator('dd').textContent()).toBe('Rp48.500');
          const warning = card.getByRole('status').filter({ hasText: texts.lowTitle });
          expect(await warning.textContent()).toContain(texts.low.replace('{{threshold}}', 'Rp100.000'));
          expect(await card.getByText(texts.debtTitle).count()).toBe(0);
          expect(await topUpLink(page).getAttribute('href')).toBe('/wallet');
          await paymentsHeading(page).waitFor();
          const payments = page.getByRole('region', { name: locale.overview.payments.title, exact: true });
          expect(await payments.getByRole('row').filter({ hasText: orderId }).count()).toBe(1);
          expect(await payments.getByRole('row').filter({ hasText: orderId }).textContent()).toContain('Rp50.000');
          expect(await seriousAxeViolations(page)).toEqual([]);
          await screenshot(page, `overview-wallet-finance-${suffix}`);
          expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
          expect(errors).toEqual([]);
        } finally {
          await context.close();
        }
      }

      // Operator: reads the wallet (and is warned) but may neither top up nor read payments.
      {
        const { context, page, errors } = await open(operator);
        try {
          const card = walletCard(page);
          expect(await card.getByTestId('overview-available').locator('dd').textContent()).toBe('Rp48.500');
          await card.getByRole('status').filter({ hasText: texts.lowTitle }).waitFor();
          expect(await topUpLink(page).count()).toBe(0);
          expect(await paymentsHeading(page).count()).toBe(0);
          expect(await page.getByText(orderId).count()).toBe(0);
          // What the Operator does may: the campaigns it reads.
          await page.getByRole('heading', { level: 2, name: locale.overview.campaigns.title }).waitFor();
          expect(await seriousAxeViolations(page)).toEqual([]);
          await screenshot(page, `overview-wallet-operator-${suffix}`);
          expect(errors).toEqual([]);
        } finally {
          await context.close();
        }
      }

      // Midtrans refunds the whole top-up after Rp1.500 was spent: the wallet owes Rp1.500.
      const refund = await fetch(`${portal.stack.midtransUrl}/__simulator/midtrans/transactions/${orderId}/refund`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ amount: 50_000 }),
      });
      expect(refund.ok).toBe(true);
      await waitFor(
        async () =>
          Number((await api<{ wallet: { debt: number | string } }>('{ wallet { debt } }')).wallet.debt) === 1500,
        { timeoutMs: 10_000, describe: () => 'the refund never reached the wallet' },
      );
      {
        const { context, page, errors } = await open(finance);
        try {
          const card = walletCard(page);
          expect(await card.getByTestId('overview-available').locator('dd').textContent()).toBe('-Rp1.500');
          // A debt is announced at once, and replaces the low-balance warning.
          const alert = card.getByRole('alert').filter({ hasText: texts.debtTitle });
          expect(await alert.textContent()).toContain(texts.debt.replace('{{debt}}', 'Rp1.500'));
          expect(await card.getByText(texts.lowTitle).count()).toBe(0);
          expect(await topUpLink(page).getAttribute('href')).toBe('/wallet');
          expect(await seriousAxeViolations(page)).toEqual([]);
          await screenshot(page, `overview-wallet-debt-${suffix}`);
          expect(errors).toEqual([]);
        } finally {
          await context.close();
        }
      }
    },
  );
});
