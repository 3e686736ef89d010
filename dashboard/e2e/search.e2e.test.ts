import en from '../app/locales/en.json';
import id from '../app/locales/id.json';
import { callApi, createOwner, inviteMember, acceptAsNewAccount, signInBrowser } from './support/api';
import { collectPageErrors, screenshot } from './support/browser';
import { usePortal } from './support/portal';

/**
 * The header's global search by keyboard alone: Ctrl+K opens it, typing finds a contact, Arrow keys move, Enter
 * opens the contact's page; the same finds a campaign (with its status in the reader's language) and opens it, and
 * Enter never opens a hit of an older query. A Finance member typing the same finds no contact (it may not read
 * them), but finds its pages. The key hint names Ctrl, or ⌘ on a Mac.
 */
describe('the global search in the browser', () => {
  const portal = usePortal();

  it.each([
    ['en', en, 1280],
    ['id', id, 390],
  ] as const)('%s: Ctrl+K, a name, Arrow keys and Enter open the contact (%s px)', async (lng, locale, width) => {
    const owner = await createOwner(portal.stack, { language: lng === 'en' ? 'EN' : 'ID' });
    for (const [name, phone] of [
      ['Wulandari Putri', '0812-3333-4444'],
      ['Sari Wulandari', '0813-9988-7766'],
    ]) {
      await callApi(
        portal.stack,
        'mutation ($input: CreateContactInput!) { createContact(input: $input) { id } }',
        { input: { name, phone, consentStatement: 'Formulir toko' } },
        owner.sessionToken,
      );
    }
    const context = await portal.chromium.newContext({
      locale: lng === 'en' ? 'en-US' : 'id-ID',
      viewport: { width, height: 860 },
    });
    try {
      await signInBrowser(context, portal.stack, owner.sessionToken, lng);
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      await page.goto(`${portal.stack.dashboardUrl}/dashboard`, { waitUntil: 'networkidle' });
      // Not a Mac: the hint names Ctrl.
      expect(await page.getByTestId('search-button').locator('kbd').textContent()).toBe(locale.search.shortcut);
      await page.keyboard.press('Control+k');
      const field = page.getByRole('combobox', { name: locale.search.label });
      await field.waitFor();
      expect(await field.evaluate((element) => element === document.activeElement)).toBe(true);
      await page.keyboard.type('wulan');
      const options = page.getByRole('option');
      await options.filter({ hasText: 'Sari Wulandari' }).waitFor();
      // Best first: "Wulandari Putri" starts with the query, "Sari Wulandari" only contains it.
      expect(await options.allTextContents()).toEqual([
        expect.stringContaining('Wulandari Putri'),
        expect.stringContaining('Sari Wulandari'),
      ]);
      expect(await options.first().getAttribute('aria-selected')).toBe('true');
      await screenshot(page, `search-${lng}${width === 1280 ? '' : `-${width}`}`);
      await page.keyboard.press('ArrowDown');
      expect(await options.nth(1).getAttribute('aria-selected')).toBe('true');
      await page.keyboard.press('Enter');
      await page.waitForURL(/\/contacts\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: 'Sari Wulandari' }).waitFor();
      expect(errors).toEqual([]);

      // A campaign, by keyboard too: its kind and status in the reader's language on the second line.
      const { createCampaign } = await callApi<{ createCampaign: { id: string } }>(
        portal.stack,
        'mutation ($input: CampaignDraftInput!) { createCampaign(input: $input) { id } }',
        { input: { name: 'Promo Lebaran Wulan' } },
        owner.sessionToken,
      );
      await page.keyboard.press('Control+k');
      await field.waitFor();
      await field.fill('');
      await page.keyboard.type('lebaran');
      const campaign = options.filter({ hasText: 'Promo Lebaran Wulan' });
      await campaign.waitFor();
      expect(await options.count()).toBe(1);
      expect(await campaign.textContent()).toContain(
        `${locale.search.kind.CAMPAIGN} · ${locale.overview.campaigns.status.DRAFT}`,
      );
      await page.keyboard.press('Enter');
      await page.waitForURL(new RegExp(`/campaigns/${createCampaign.id}$`));

      // Enter pressed before the new query's results came opens a hit of that query, never one of the list still
      // shown: the answer to "sari" is held until after Enter, while the list shows "wulan"'s two contacts.
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route(
        (url) => url.pathname.startsWith('/search') && url.searchParams.get('q') === 'sari',
        async (route) => {
          await held;
          await route.continue();
        },
      );
      await page.keyboard.press('Control+k');
      await field.waitFor();
      await field.fill('wulan');
      await options.filter({ hasText: 'Wulandari Putri' }).waitFor();
      await field.fill('sari');
      await page.keyboard.press('Enter');
      release();
      await page.getByRole('heading', { level: 1, name: 'Sari Wulandari' }).waitFor();
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it('on a Mac the key hint reads ⌘ K, and ⌘K opens the search', async () => {
    const owner = await createOwner(portal.stack, { language: 'ID' });
    const context = await portal.chromium.newContext({ locale: 'id-ID', viewport: { width: 1280, height: 860 } });
    // What Safari says (navigator.platform) and what Chromium on macOS says (userAgentData).
    await context.addInitScript(() => {
      Object.defineProperty(navigator, 'platform', { get: () => 'MacIntel' });
      Object.defineProperty(navigator, 'userAgentData', { get: () => ({ platform: 'macOS' }) });
    });
    try {
      await signInBrowser(context, portal.stack, owner.sessionToken, 'id');
      const page = await context.newPage();
      await page.goto(`${portal.stack.dashboardUrl}/dashboard`, { waitUntil: 'networkidle' });
      const key = page.getByTestId('search-button').locator('kbd');
      await page.waitForFunction(
        (expected) => document.querySelector('[data-testid="search-button"] kbd')?.textContent === expected,
        id.search.shortcutMac,
      );
      expect(await key.textContent()).toBe('⌘ K');
      await page.keyboard.press('Meta+k');
      await page.getByRole('combobox', { name: id.search.label }).waitFor();
    } finally {
      await context.close();
    }
  });

  it('a Finance member finds its pages and payments, never a contact', async () => {
    const owner = await createOwner(portal.stack, { language: 'EN' });
    await callApi(
      portal.stack,
      'mutation ($input: CreateContactInput!) { createContact(input: $input) { id } }',
      { input: { name: 'Dompet Wulan', phone: '0812-7777-8888', consentStatement: 'Formulir toko' } },
      owner.sessionToken,
    );
    const finance = await acceptAsNewAccount(
      portal.stack,
      await inviteMember(portal.stack, owner, `keuangan-${owner.email}`, 'finance'),
      { name: 'Bagian Keuangan', password: 'Keuangan-aman-2026-ok' },
    );
    const context = await portal.chromium.newContext({ locale: 'id-ID', viewport: { width: 1280, height: 860 } });
    try {
      await signInBrowser(context, portal.stack, finance, 'id');
      const page = await context.newPage();
      // Without the dialog: the /search page answers the same (readers without JavaScript).
      await page.goto(`${portal.stack.dashboardUrl}/search?q=dompet`, { waitUntil: 'networkidle' });
      const results = page.getByTestId('search-results').locator('li');
      expect(await results.allTextContents()).toEqual([expect.stringContaining(id.shell.nav.wallet)]);
    } finally {
      await context.close();
    }
  });
});
