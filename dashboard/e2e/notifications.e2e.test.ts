import type { Page } from 'playwright-core';
import en from '../app/locales/en.json';
import id from '../app/locales/id.json';
import { callApi, createOwner, signInBrowser } from './support/api';
import { collectPageErrors, screenshot } from './support/browser';
import { usePortal } from './support/portal';

/**
 * The notification center as a member meets it: a top-up settled by Midtrans while the member looks at another
 * page raises the bell's badge without a reload; the dropdown tells what happened in the reader's language;
 * opening it marks it read and leads to the wallet; the full page lists it and marks all read.
 */
const LANGUAGES = [
  { lng: 'en', locale: en, title: 'Top-up received', body: 'Rp150.000' },
  { lng: 'id', locale: id, title: 'Isi saldo diterima', body: 'Rp150.000' },
] as const;

describe('the notification center in the browser', () => {
  const portal = usePortal();

  async function settleTopup(sessionToken: string, amount: number): Promise<string> {
    const { createTopup } = await callApi<{ createTopup: { order: { orderId: string } } }>(
      portal.stack,
      'mutation ($input: CreateTopupInput!) { createTopup(input: $input) { order { orderId } } }',
      { input: { amount } },
      sessionToken,
    );
    const orderId = createTopup.order.orderId;
    // The simulator marks the order paid and sends Midtrans's signed notification to the API, as Midtrans would.
    const response = await fetch(`${portal.stack.midtransUrl}/__simulator/midtrans/transactions/${orderId}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ transaction_status: 'settlement', payment_type: 'gopay' }),
    });
    if (!response.ok) throw new Error(`the simulator refused to settle ${orderId}: ${response.status}`);
    return orderId;
  }

  const badge = (page: Page) => page.getByTestId('notification-badge');

  it.each(LANGUAGES.map((language) => [language.lng, language] as const))(
    '%s: a settled payment raises the badge without a reload; opening it marks it read and leads to the wallet',
    async (_lng, { lng, locale, title, body }) => {
      const owner = await createOwner(portal.stack, { language: lng === 'en' ? 'EN' : 'ID' });
      const context = await portal.chromium.newContext({
        locale: lng === 'en' ? 'en-US' : 'id-ID',
        viewport: { width: 390, height: 860 },
      });
      try {
        await signInBrowser(context, portal.stack, owner.sessionToken, lng);
        const page = await context.newPage();
        const errors = collectPageErrors(page);
        await page.goto(`${portal.stack.dashboardUrl}/settings/profile`, { waitUntil: 'networkidle' });
        await page.getByRole('heading', { level: 1, name: locale.profile.title, exact: true }).waitFor();
        expect(await badge(page).count()).toBe(0);
        let documents = 0;
        page.on('framenavigated', (frame) => {
          if (frame === page.mainFrame()) documents += 1;
        });

        const orderId = await settleTopup(owner.sessionToken, 150_000);
        // The poll brings it in: no navigation, no reload.
        await badge(page).waitFor({ timeout: 30_000 });
        expect(await badge(page).textContent()).toBe('1');
        expect(documents).toBe(0);

        await page.getByTestId('notification-bell').locator('summary').click();
        const item = page.getByTestId('notification-bell').getByTestId('notification').first();
        await item.getByText(title, { exact: true }).waitFor();
        expect(await item.textContent()).toContain(body);
        expect(await item.textContent()).toContain(orderId);
        await screenshot(page, `notification-bell-${lng}-390`);

        await item.getByRole('button').click();
        await page.getByRole('heading', { level: 1, name: locale.wallet.title, exact: true }).waitFor();
        expect(new URL(page.url()).pathname).toBe('/wallet');
        await page.waitForFunction(() => !document.querySelector('[data-testid="notification-badge"]'));

        // A second one, then the full page: both listed, one unread; "mark all read" clears the badge.
        await settleTopup(owner.sessionToken, 200_000);
        await badge(page).waitFor({ timeout: 30_000 });
        await page.setViewportSize({ width: 1280, height: 860 });
        await page.goto(`${portal.stack.dashboardUrl}/notifications`, { waitUntil: 'networkidle' });
        await page.getByRole('heading', { level: 1, name: locale.notificationCenter.title, exact: true }).waitFor();
        const rows = page.getByTestId('notifications').getByTestId('notification');
        expect(await rows.count()).toBe(2);
        expect(await page.locator('main .notification-item--unread').count()).toBe(1);
        await screenshot(page, `notifications-${lng}`);
        await page.locator('main').getByRole('button', { name: locale.notificationCenter.markAllRead }).click();
        await page.getByTestId('toast').waitFor();
        expect(await page.locator('main .notification-item--unread').count()).toBe(0);
        await page.waitForFunction(() => !document.querySelector('[data-testid="notification-badge"]'));
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );

  it('answers the poll with 304 while nothing changed, and 401 without a session', async () => {
    const owner = await createOwner(portal.stack);
    const url = `${portal.stack.dashboardUrl}/notifications/status`;
    const cookie = `bz_session=${owner.sessionToken}`;
    const first = await fetch(url, { headers: { cookie } });
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ unreadCount: 0, items: [] });
    const tag = first.headers.get('etag');
    expect(tag).toMatch(/^"[\w-]+"$/);
    const again = await fetch(url, { headers: { cookie, 'if-none-match': tag! } });
    expect(again.status).toBe(304);
    await settleTopup(owner.sessionToken, 100_000);
    const changed = await fetch(url, { headers: { cookie, 'if-none-match': tag! } });
    expect(changed.status).toBe(200);
    expect(((await changed.json()) as { unreadCount: number }).unreadCount).toBe(1);
    expect((await fetch(url)).status).toBe(401);
  });
});
