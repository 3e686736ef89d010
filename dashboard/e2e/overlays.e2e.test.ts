import type { Locator, Page } from 'playwright-core';
import en from '../app/locales/en.json';
import id from '../app/locales/id.json';
import { callApi, createOwner, fillWorkspace, signInBrowser } from './support/api';
import { seriousAxeViolations } from './support/axe';
import { collectPageErrors, screenshot } from './support/browser';
import { usePortal } from './support/portal';
import { topUp } from './support/workspace';

/**
 * What the page walk cannot see because it is closed when a page loads: the search dialog (Ctrl+K) with results,
 * the notification bell's dropdown with a notification, the profile menu, and a confirmation dialog (revoking an
 * API token). Each, open, in English and Indonesian at 1280 and 390 px: no serious or critical axe-core violation,
 * the open panel inside the viewport (nothing cut off on a phone), the page no wider than the viewport, no console
 * error; a screenshot of each for a person to look at.
 */
const LANGUAGES = [
  { lng: 'en', locale: en },
  { lng: 'id', locale: id },
] as const;
const WIDTHS = [1280, 390] as const;

describe('the header’s menus and dialogs, open', () => {
  const portal = usePortal();

  it.each(LANGUAGES.map((language) => [language.lng, language] as const))(
    '%s: search, notifications, profile menu and a confirmation have no serious axe finding and fit at 1280 and 390 px',
    async (lng, { locale }) => {
      const owner = await createOwner(portal.stack, { language: lng === 'en' ? 'EN' : 'ID' });
      await fillWorkspace(portal.stack, owner);
      // A settled top-up raises a notification, so the dropdown has one to show.
      await topUp(portal.stack, owner, 150_000);
      await callApi(
        portal.stack,
        'mutation ($input: CreateContactInput!) { createContact(input: $input) { id } }',
        { input: { name: 'Sari Wulandari', phone: '+6281355501234', consentStatement: 'Formulir toko' } },
        owner.sessionToken,
      );
      const context = await portal.chromium.newContext({ locale: lng === 'en' ? 'en-US' : 'id-ID' });
      try {
        await signInBrowser(context, portal.stack, owner.sessionToken, lng);
        const page = await context.newPage();
        const errors = collectPageErrors(page);
        for (const width of WIDTHS) {
          await page.setViewportSize({ width, height: 860 });
          await page.goto(`${portal.stack.dashboardUrl}/settings/api-tokens`, { waitUntil: 'networkidle' });
          await page.getByRole('heading', { level: 1, name: locale.apiTokens.title, exact: true }).waitFor();
          const check = async (what: string, panel: Locator) => {
            const where = `${what} ${lng} ${width}px`;
            expect({ where, outside: await outsideViewport(panel) }).toEqual({ where, outside: null });
            expect({ where, ...(await measureWidth(page)) }).toEqual({
              where,
              innerWidth: width,
              scrollWidth: expect.any(Number),
              fits: true,
            });
            expect({ where, axe: await seriousAxeViolations(page) }).toEqual({ where, axe: [] });
            await screenshot(page, `${what}-${lng}${width === 1280 ? '' : `-${width}`}`);
          };

          await page.keyboard.press('Control+k');
          const field = page.getByRole('combobox', { name: locale.search.label });
          await field.waitFor();
          await page.keyboard.type('wulan');
          await page.getByRole('option').filter({ hasText: 'Sari Wulandari' }).waitFor();
          await check('overlay-search', page.locator('dialog.search-dialog'));
          // One Escape closes the dialog, however much is typed (a search field's own Escape only empties it).
          await page.keyboard.press('Escape');
          await field.waitFor({ state: 'hidden' });

          const bell = page.getByTestId('notification-bell');
          await bell.locator('summary').click();
          await bell.getByTestId('notification').first().waitFor();
          await check('overlay-notifications', bell.locator('.notification-bell__panel'));
          await bell.locator('summary').click();

          const menu = page.locator('.profile-menu');
          await menu.locator('summary').click();
          await menu.getByRole('button', { name: locale.shell.profile.signOut }).waitFor();
          await check('overlay-profile-menu', menu.locator('.profile-menu__panel'));
          await menu.locator('summary').click();

          await page.getByTestId('api-tokens').locator('a[href*="revoke="]').first().click();
          const confirm = page.getByRole('button', { name: locale.apiTokens.confirmRevoke.confirm });
          await confirm.waitFor();
          const dialog = page.locator('dialog:modal');
          await check('overlay-confirm-revoke', dialog);
          await page.keyboard.press('Escape');
          await page.waitForURL((url) => !url.searchParams.has('revoke'));
        }
        expect({ lng, errors }).toEqual({ lng, errors: [] });
      } finally {
        await context.close();
      }
    },
  );
});

/** Where an open panel goes past the viewport's edges (a dropdown cut off on a phone), or null when it fits. */
async function outsideViewport(panel: Locator): Promise<string | null> {
  return panel.evaluate((element) => {
    const box = element.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return 'not shown';
    const sides = [
      box.left < -1 && `left ${Math.round(box.left)}`,
      box.right > window.innerWidth + 1 && `right ${Math.round(box.right)} > ${window.innerWidth}`,
      box.top < -1 && `top ${Math.round(box.top)}`,
    ].filter(Boolean);
    return sides.length ? sides.join(', ') : null;
  });
}

async function measureWidth(page: Page) {
  return page.evaluate(() => {
    const scrollWidth = document.scrollingElement?.scrollWidth ?? Number.POSITIVE_INFINITY;
    return { innerWidth: window.innerWidth, scrollWidth, fits: scrollWidth <= window.innerWidth };
  });
}
