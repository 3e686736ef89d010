import type { Page } from 'playwright-core';

/** The account `startStack()`'s portal seeds on first start (outside production its password is fixed). */
export const ADMIN_EMAIL = 'admin@bizone.id';
export const SEEDED_PASSWORD = 'ChangeMe123!';
/** What the tests change the seeded password to. */
export const ADMIN_PASSWORD = 'Rahasia-e2e-2025';

function pathIs(expected: string) {
  return (url: URL) => url.pathname === expected;
}

/** Fills the login form and waits until the browser has left /login for `expectPath`. */
export async function submitLogin(
  page: Page,
  dashboardUrl: string,
  { email, password, expectPath }: { email: string; password: string; expectPath: string },
): Promise<void> {
  if (new URL(page.url()).pathname !== '/login') await page.goto(`${dashboardUrl}/login`);
  await page.locator('input[name="email"]').fill(email);
  await page.locator('input[name="password"]').fill(password);
  await page.locator('form[action="/login"] button[type="submit"]').click();
  await page.waitForURL(pathIs(expectPath));
}

/** Fills and sends the forced password change, waiting for the dashboard. */
export async function submitForcedPasswordChange(page: Page, current: string, next: string): Promise<void> {
  await page.locator('input[name="currentPassword"]').fill(current);
  await page.locator('input[name="newPassword"]').fill(next);
  await page.locator('input[name="confirmPassword"]').fill(next);
  await page.locator('main form[method="post"]:not([action="/logout"]) button[type="submit"]').click();
  await page.waitForURL(pathIs('/dashboard'));
}

/** Clicks EN or ID in the header's switch and waits until the page is rendered in that language. */
export async function switchLanguage(page: Page, lng: 'en' | 'id'): Promise<void> {
  await page.getByRole('button', { name: lng.toUpperCase(), exact: true }).click();
  await page.locator(`html[lang="${lng}"]`).waitFor();
}
