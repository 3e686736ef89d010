import type { BrowserContext } from 'playwright-core';
import en from '../app/locales/en.json';
import id from '../app/locales/id.json';
import {
  apiLogin,
  callApi,
  createOwner,
  fillWorkspace,
  inviteMember,
  signInBrowser,
  type TestOwner,
} from './support/api';
import { collectPageErrors } from './support/browser';
import { usePortal } from './support/portal';

/**
 * Post/redirect/get and the primitives around it, in the browser: each flow once, in one language, on its own
 * workspace (the page walk covers every page in both languages).
 */
describe('actions: confirm in a dialog, redirect with a toast, refuse with 400', () => {
  const portal = usePortal();

  async function signedIn(lng: 'en' | 'id'): Promise<{ context: BrowserContext; owner: TestOwner }> {
    const owner = await createOwner(portal.stack, { language: lng === 'en' ? 'EN' : 'ID' });
    await fillWorkspace(portal.stack, owner);
    const context = await portal.chromium.newContext({ viewport: { width: 1280, height: 860 } });
    await signInBrowser(context, portal.stack, owner.sessionToken, lng);
    return { context, owner };
  }

  it('revokes a token from a modal dialog, shows the toast once, and a refresh sends nothing again (EN)', async () => {
    const { context } = await signedIn('en');
    const page = await context.newPage();
    const errors = collectPageErrors(page);
    const posts: string[] = [];
    page.on('request', (request) => {
      if (request.method() === 'POST') posts.push(new URL(request.url()).pathname);
    });
    await page.goto(`${portal.stack.dashboardUrl}/settings/api-tokens`, { waitUntil: 'networkidle' });
    const revokeLink = page.getByRole('link', { name: /^Revoke the token Sinkronisasi/ });

    // Escape closes the dialog and drops ?revoke= from the address.
    await revokeLink.click();
    const dialog = page.getByRole('dialog', { name: /^Revoke the token Sinkronisasi/ });
    // The header has dialogs of its own (search): wait until this one is open as a modal.
    await page.waitForFunction((element) => element?.matches(':modal'), await dialog.elementHandle());
    expect(await dialog.count()).toBe(1);
    await page.keyboard.press('Escape');
    await page.waitForURL((url) => !url.searchParams.has('revoke'));
    await dialog.waitFor({ state: 'detached' });

    await revokeLink.click();
    await dialog.getByRole('button', { name: en.apiTokens.confirmRevoke.confirm }).click();
    await page.getByTestId('toast').filter({ hasText: en.apiTokens.revoked }).waitFor();
    expect(new URL(page.url()).pathname + new URL(page.url()).search).toBe('/settings/api-tokens');
    expect(await page.getByTestId('api-tokens').getByText(en.apiTokens.revokedStatus, { exact: true }).count()).toBe(2);
    expect(posts).toHaveLength(1);

    // A refresh reads the page again: no second POST, and the toast was shown once only.
    await page.reload({ waitUntil: 'networkidle' });
    expect(posts).toHaveLength(1);
    expect(await page.getByTestId('toast').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('changes a role and says so in Indonesian; a refused form answers 400 with its field error (ID)', async () => {
    const { context } = await signedIn('id');
    const page = await context.newPage();
    await page.goto(`${portal.stack.dashboardUrl}/settings/members`, { waitUntil: 'networkidle' });
    const staff = 'Staf Gudang Surabaya';
    await page
      .getByLabel(id.members.roleOf.replace('{{name}}', staff))
      .selectOption({ label: id.roles.builtIn.viewer });
    const row = page.getByTestId('members').getByRole('row').filter({ hasText: staff });
    await row.getByRole('button', { name: id.members.changeRole }).click();
    await page
      .getByTestId('toast')
      .filter({ hasText: id.members.roleChanged.replace('{{name}}', staff) })
      .waitFor();

    // Without JavaScript's check in between: the action itself refuses an empty role name with 400.
    const response = await page.request.post(`${portal.stack.dashboardUrl}/settings/roles`, {
      form: { intent: 'createRole', name: ' ', permissions: 'CONTACTS_READ' },
      headers: { Origin: portal.stack.dashboardUrl },
      maxRedirects: 0,
    });
    expect(response.status()).toBe(400);
    expect(await response.text()).toContain(id.validation.required);
    await context.close();
  });

  it("keeps the page's language on a new member's first sign-in, and makes it the account's (EN)", async () => {
    // An Indonesian workspace invites someone whose browser prefers English; nobody clicks EN/ID.
    const owner = await createOwner(portal.stack);
    const email = `baru-${owner.email}`;
    const link = await inviteMember(portal.stack, owner, email, 'viewer');
    const context = await portal.chromium.newContext({ locale: 'en-US', viewport: { width: 1280, height: 860 } });
    const page = await context.newPage();
    await page.goto(link.replace(/^https?:\/\/[^/]+/, portal.stack.dashboardUrl));
    await page.getByRole('heading', { level: 1, name: en.invitation.title }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await page.getByLabel(en.invitation.name).fill('New Colleague');
    await page.getByLabel(en.invitation.password, { exact: true }).fill('Kata-sandi-pertama-saya-2026');
    await page.getByLabel(en.signIn.changePassword.confirm).fill('Kata-sandi-pertama-saya-2026');
    await page.getByRole('button', { name: en.invitation.createAndJoin }).click();
    await page.getByRole('heading', { level: 1, name: en.dashboard.welcome }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');

    const { me } = await callApi<{ me: { language: string } }>(
      portal.stack,
      '{ me { language } }',
      {},
      (await apiLogin(portal.stack, email, 'Kata-sandi-pertama-saya-2026')).sessionToken ?? '',
    );
    expect(me.language).toBe('EN');
    await context.close();
  });

  it('changes the workspace time zone, and every time on the pages follows with its name (ID)', async () => {
    const { context } = await signedIn('id');
    const page = await context.newPage();
    await page.goto(`${portal.stack.dashboardUrl}/settings/api-tokens`, { waitUntil: 'networkidle' });
    const created = page.getByTestId('api-tokens').getByRole('cell').filter({ hasText: / WIB$/ }).first();
    const wib = (await created.textContent()) ?? '';
    expect(wib).toMatch(/\d{2}\.\d{2} WIB/);

    await page.goto(`${portal.stack.dashboardUrl}/settings/workspace`, { waitUntil: 'networkidle' });
    await page.getByLabel(id.workspaceSettings.timeZone.label).selectOption('ASIA_MAKASSAR');
    await page.getByRole('button', { name: id.common.save }).click();
    await page
      .getByTestId('toast')
      .filter({ hasText: id.workspaceSettings.timeZone.saved.replace('{{zone}}', 'WITA') })
      .waitFor();

    await page.goto(`${portal.stack.dashboardUrl}/settings/api-tokens`, { waitUntil: 'networkidle' });
    const wita =
      (await page.getByTestId('api-tokens').getByRole('cell').filter({ hasText: / WITA/ }).first().textContent()) ?? '';
    // The same moment, one hour later on the clock.
    const hour = (text: string) => Number(/(\d{2})\.\d{2} WI/.exec(text)?.[1]);
    expect((hour(wib) + 1) % 24).toBe(hour(wita));

    await page.goto(`${portal.stack.dashboardUrl}/settings/audit-log`, { waitUntil: 'networkidle' });
    const log = page.getByTestId('audit-log');
    await log.getByText(id.audit.actions.workspace.timeZoneChanged).waitFor();
    await log.getByText('WIB → WITA').waitFor();
    // The details are sentences, not parameter dumps.
    expect(await log.getByText('permissions:').count()).toBe(0);
    await log
      .getByText(/^Izin: Lihat kontak/)
      .first()
      .waitFor();
    await context.close();
  });

  it('pages the audit log by cursor and page size, and answers a tampered cursor with 400, not 500 (EN)', async () => {
    const { context } = await signedIn('en');
    const page = await context.newPage();
    await page.goto(`${portal.stack.dashboardUrl}/settings/audit-log?first=2`, { waitUntil: 'networkidle' });
    const rows = page.getByTestId('audit-log').locator('tbody tr');
    expect(await rows.count()).toBe(2);
    const firstPage = await rows.allTextContents();
    await page.getByRole('link', { name: en.ui.pagination.next }).click();
    await page.waitForURL((url) => url.searchParams.has('after') && url.searchParams.get('first') === '2');
    await page.getByRole('link', { name: en.ui.pagination.first }).waitFor();
    expect(await rows.count()).toBe(2);
    expect(await rows.allTextContents()).not.toEqual(firstPage);

    const response = await page.goto(`${portal.stack.dashboardUrl}/settings/audit-log?after=not-a-cursor`);
    expect(response?.status()).toBe(400);
    await context.close();
  });
});
