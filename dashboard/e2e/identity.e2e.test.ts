import { generate } from 'otplib';
import type { Page } from 'playwright-core';
import en from '../app/locales/en.json';
import id from '../app/locales/id.json';
import { collectPageErrors, launchBrowser, screenshot, type Browser } from './support/browser';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  SEEDED_PASSWORD,
  submitForcedPasswordChange,
  submitLogin,
  switchLanguage,
} from './support/identity';
import { startStack, type Stack } from './support/stack';
import { waitFor } from './support/wait';

// A TOTP code is valid for its 30-second step, and the API takes each step only once.
const TOTP_STEP_MS = 30_000;

const identityPages = [
  { path: '/settings/profile', shot: 'profile', heading: { en: en.profile.title, id: id.profile.title } },
  { path: '/settings/members', shot: 'members', heading: { en: en.members.title, id: id.members.title } },
  { path: '/settings/roles', shot: 'roles', heading: { en: en.roles.title, id: id.roles.title } },
  { path: '/settings/api-tokens', shot: 'api-tokens', heading: { en: en.apiTokens.title, id: id.apiTokens.title } },
  { path: '/settings/audit-log', shot: 'audit-log', heading: { en: en.audit.title, id: id.audit.title } },
] as const;

describe('identity pages in the browser', () => {
  let stack: Stack;
  let browser: Browser;
  let page: Page;
  let errors: string[];
  let totpSecret = '';
  let lastTotpCode = '';
  let recoveryCodes: string[] = [];
  let invitationUrl = '';

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchBrowser({ locale: 'en-US' });
    page = await browser.context.newPage();
    errors = collectPageErrors(page);
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  }, 60_000);

  const url = (path: string) => `${stack.dashboardUrl}${path}`;
  // Waits for the page's title (a client-side navigation changes the URL before it renders the new page).
  const expectHeading = (text: string) => page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor();
  // From the top: a full-page capture of a scrolled page would show the sticky header halfway down.
  const shot = (name: string) => screenshot(page, name);

  it('sends a signed-out visitor from / to the login page, in both languages', async () => {
    await page.goto(url('/'));
    await page.waitForURL((target) => target.pathname === '/login');
    await expectHeading(en.signIn.login.title);
    await shot('login-en');

    await switchLanguage(page, 'id');
    expect(new URL(page.url()).pathname).toBe('/login');
    await expectHeading(id.signIn.login.title);
    expect(await page.getByLabel(id.signIn.login.email).count()).toBe(1);
    await shot('login-id');
    await switchLanguage(page, 'en');
  });

  it('explains field errors and a wrong password in the reader language', async () => {
    await page.locator('form[action="/login"] button[type="submit"]').click();
    expect(await page.locator('.field__error').allTextContents()).toEqual([
      en.validation.required,
      en.validation.required,
    ]);

    await page.getByLabel(en.signIn.login.email).fill(ADMIN_EMAIL);
    await page.getByLabel(en.signIn.login.password).fill('not-the-password');
    await page.locator('form[action="/login"] button[type="submit"]').click();
    await page.getByRole('alert').filter({ hasText: en.auth.invalidCredentials }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
  });

  it('makes the seeded admin change the password before anything else', async () => {
    await submitLogin(page, stack.dashboardUrl, {
      email: ADMIN_EMAIL,
      password: SEEDED_PASSWORD,
      expectPath: '/change-password',
    });
    await expectHeading(en.signIn.changePassword.title);
    // Every page of the shell sends the user back here until the password is changed.
    await page.goto(url('/settings/profile'));
    await page.waitForURL((target) => target.pathname === '/change-password');
    await shot('change-password-en');
    await switchLanguage(page, 'id');
    await expectHeading(id.signIn.changePassword.title);
    await shot('change-password-id');
    await switchLanguage(page, 'en');

    const session = (await browser.context.cookies(stack.dashboardUrl)).find((cookie) => cookie.name === 'bz_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(session?.value).toMatch(/^bzs_/);

    await submitForcedPasswordChange(page, SEEDED_PASSWORD, ADMIN_PASSWORD);
    await expectHeading(en.dashboard.welcome);
    // English, chosen on the login page of this browser, is now the account's language too.
    await page.goto(url('/settings/profile'));
    expect(await page.getByLabel(en.profile.details.language).inputValue()).toBe('EN');
  });

  it('turns on two-factor authentication with a code computed from the secret on the page', async () => {
    await page.goto(url('/settings/profile'));
    await page.getByRole('button', { name: en.profile.twoFactor.start }).click();
    const secretText = await page.getByTestId('totp-secret').textContent();
    totpSecret = (secretText ?? '').replace(/\s+/g, '');
    expect(totpSecret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(await page.getByRole('img', { name: en.profile.twoFactor.qrAlt }).getAttribute('src')).toMatch(
      /^data:image\/svg\+xml;base64,/,
    );
    await shot('profile-two-factor-setup-en');

    lastTotpCode = await generate({ secret: totpSecret });
    await page.getByLabel(en.profile.twoFactor.code).fill(lastTotpCode);
    await page.getByLabel(en.profile.twoFactor.password).fill(ADMIN_PASSWORD);
    await page.getByRole('button', { name: en.profile.twoFactor.enable }).click();

    const codes = page.getByTestId('recovery-codes').locator('li');
    await codes.first().waitFor();
    recoveryCodes = (await codes.allTextContents()).map((code) => code.trim());
    expect(recoveryCodes).toHaveLength(10);
    expect(new Set(recoveryCodes).size).toBe(10);
    await shot('profile-recovery-codes-en');
    await page.getByRole('link', { name: en.profile.twoFactor.recoveryDone }).click();
    await page.getByText(en.profile.twoFactor.statusOn).waitFor();
  });

  it('signs out from the profile menu and back in with the password and a TOTP code', async () => {
    await page.locator('.profile-menu summary').click();
    await page.getByRole('button', { name: en.shell.profile.signOut }).click();
    await page.waitForURL((target) => target.pathname === '/login');
    await page.getByText(en.signIn.notices.signedOut).waitFor();
    expect((await browser.context.cookies(stack.dashboardUrl)).some((c) => c.name === 'bz_session')).toBe(false);

    await submitLogin(page, stack.dashboardUrl, {
      email: ADMIN_EMAIL,
      password: ADMIN_PASSWORD,
      expectPath: '/login/two-factor',
    });
    await expectHeading(en.signIn.twoFactor.title);
    await shot('two-factor-en');
    await switchLanguage(page, 'id');
    expect(new URL(page.url()).pathname).toBe('/login/two-factor');
    await expectHeading(id.signIn.twoFactor.title);
    await shot('two-factor-id');
    await switchLanguage(page, 'en');

    await page.getByLabel(en.signIn.twoFactor.code).fill('000000');
    await page.getByRole('button', { name: en.signIn.twoFactor.submit }).click();
    await page.locator('.field__error').filter({ hasText: en.auth.invalidCode }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login/two-factor');

    // The code that turned two-factor on is spent: wait for the app to show the next one, as a person would.
    await waitFor(async () => (await generate({ secret: totpSecret })) !== lastTotpCode, {
      timeoutMs: TOTP_STEP_MS + 5_000,
      intervalMs: 250,
      describe: () => 'the TOTP code did not change within one time step',
    });
    lastTotpCode = await generate({ secret: totpSecret });
    await page.getByLabel(en.signIn.twoFactor.code).fill(lastTotpCode);
    await page.getByRole('button', { name: en.signIn.twoFactor.submit }).click();
    await page.waitForURL((target) => target.pathname === '/dashboard');
  });

  it('invites a member, adds a custom role and an API token, and shows each secret once', async () => {
    await page.goto(url('/settings/members'));
    await page.getByLabel(en.members.invite.email).fill('siti@tokomaju.co.id');
    await page.getByRole('button', { name: en.members.invite.submit }).click();
    invitationUrl = (await page.getByTestId('invitation-link').textContent()) ?? '';
    expect(invitationUrl).toMatch(/\/invite\/bzi_[\w-]{43}$/);
    // Invited is not joined: the address is an open invitation until its owner accepts.
    expect(await page.getByTestId('members').getByText('siti@tokomaju.co.id').count()).toBe(0);
    await page.getByRole('cell', { name: 'siti@tokomaju.co.id' }).waitFor();
    await shot('members-invited');

    await page.goto(url('/settings/roles'));
    await page.getByLabel(en.roles.matrix.newRoleName).fill('Customer support');
    for (const permission of ['CONTACTS_READ', 'CONTACTS_WRITE', 'CAMPAIGNS_READ'] as const) {
      await page.getByLabel(`${en.roles.matrix.newRole}: ${en.permissions[permission]}`, { exact: true }).check();
    }
    await page.getByRole('button', { name: en.roles.matrix.create }).click();
    await page.getByText(en.roles.created.replace('{{name}}', 'Customer support')).waitFor();
    await expect(
      page.getByLabel(`Customer support: ${en.permissions.CONTACTS_WRITE}`, { exact: true }).isChecked(),
    ).resolves.toBe(true);

    await page.goto(url('/settings/api-tokens'));
    await page.getByLabel(en.apiTokens.create.name).fill('Order sync');
    await page.getByLabel(en.permissions.CONTACTS_READ).check();
    await page.getByRole('button', { name: en.apiTokens.create.submit }).click();
    const token = await page.getByTestId('api-token-value').inputValue();
    expect(token).toMatch(/^bzt_/);
    // The token works for a script: who am I, as the API sees it.
    const response = await fetch(`${stack.apiUrl}/api/graphql`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
      body: JSON.stringify({ query: '{ me { email permissions } }' }),
    });
    expect(await response.json()).toEqual({ data: { me: { email: ADMIN_EMAIL, permissions: ['CONTACTS_READ'] } } });
  });

  it('shows every identity page in English, then in Indonesian after switching from the header', async () => {
    for (const lng of ['en', 'id'] as const) {
      if (lng === 'id') await switchLanguage(page, 'id');
      for (const identityPage of identityPages) {
        await page.goto(url(identityPage.path));
        expect(await page.locator('html').getAttribute('lang')).toBe(lng);
        await expectHeading(identityPage.heading[lng]);
        await shot(`${identityPage.shot}-${lng}`);
      }
    }
    // The audit log names its events in the reader's language.
    const audit = page.getByTestId('audit-log');
    for (const action of ['login', 'passwordChanged', 'twoFactorEnabled'] as const) {
      expect(await audit.getByText(id.audit.actions.auth[action], { exact: true }).count()).toBeGreaterThan(0);
    }
    expect(await audit.locator('time').first().textContent()).toMatch(/^\d{1,2} \S+ \d{4}, \d{2}\.\d{2} WIB$/);
    // Switching the language while signed in also became the account's language.
    await page.goto(url('/settings/profile'));
    expect(await page.getByLabel(id.profile.details.language).inputValue()).toBe('ID');
  });

  it('lets the invitee join by choosing a password, then shows a Viewer only what the role allows', async () => {
    const viewer = await launchBrowser({ locale: 'id-ID' });
    try {
      const viewerPage = await viewer.context.newPage();
      await viewerPage.goto(invitationUrl.replace(/^https?:\/\/[^/]+/, stack.dashboardUrl));
      await viewerPage.getByRole('heading', { level: 1, name: id.invitation.title }).waitFor();
      // The secret left the address bar (and every Referer and log line after the first request).
      expect(viewerPage.url()).toBe(`${stack.dashboardUrl}/invite`);
      await screenshot(viewerPage, 'invitation-id');
      await viewerPage.getByLabel(id.invitation.name).fill('Siti Rahayu');
      await viewerPage.getByLabel(id.invitation.password, { exact: true }).fill('Kopi-Susu-Gula-2025');
      await viewerPage.getByLabel(id.signIn.changePassword.confirm).fill('Kopi-Susu-Gula-2025');
      await viewerPage.getByRole('button', { name: id.invitation.createAndJoin }).click();
      await viewerPage.waitForURL((target) => target.pathname === '/dashboard');
      // The link is spent.
      await viewerPage.goto(invitationUrl.replace(/^https?:\/\/[^/]+/, stack.dashboardUrl));
      await viewerPage.getByRole('heading', { level: 1, name: id.invitation.invalidTitle }).waitFor();

      await viewerPage.goto(url('/settings/profile'));
      const tabs = viewerPage.getByRole('navigation', { name: id.settings.nav.label }).getByRole('link');
      expect(await tabs.allTextContents()).toEqual([id.settings.nav.profile]);
      await viewerPage.locator('.profile-menu summary').click();
      expect(await viewerPage.getByRole('link', { name: id.shell.profile.members }).count()).toBe(0);

      const response = await viewerPage.goto(url('/settings/members'));
      expect(response?.status()).toBe(403);
      await viewerPage.getByRole('heading', { name: id.errors.forbidden.title }).waitFor();
      expect(await viewerPage.getByText(id.errors.forbidden.description).count()).toBe(1);

      // Siti loses her password: the Owner (reading Indonesian by now) issues a reset link, and using it signs her
      // out everywhere.
      await page.goto(url('/settings/members'));
      await page
        .getByLabel(id.members.resetLink.member, { exact: true })
        .selectOption({ label: 'Siti Rahayu (siti@tokomaju.co.id)' });
      await page.getByRole('button', { name: id.members.resetLink.submit }).click();
      const resetUrl = (await page.getByTestId('reset-link').textContent()) ?? '';
      expect(resetUrl).toMatch(/\/reset-password\/bzr_[\w-]{43}$/);
      const resetPage = await viewer.context.newPage();
      await resetPage.goto(resetUrl.replace(/^https?:\/\/[^/]+/, stack.dashboardUrl));
      await resetPage.getByRole('heading', { level: 1, name: id.passwordReset.title }).waitFor();
      expect(resetPage.url()).toBe(`${stack.dashboardUrl}/reset-password`);
      await resetPage.getByLabel(id.signIn.changePassword.new, { exact: true }).fill('Teh-Manis-Hangat-2026');
      await resetPage.getByLabel(id.signIn.changePassword.confirm).fill('Teh-Manis-Hangat-2026');
      await resetPage.getByRole('button', { name: id.passwordReset.submit }).click();
      await resetPage.waitForURL((target) => target.pathname === '/login');
      await resetPage.getByText(id.signIn.notices.passwordReset).waitFor();
      await viewerPage.goto(url('/settings/profile'));
      await viewerPage.waitForURL((target) => target.pathname === '/login');
      await submitLogin(viewerPage, stack.dashboardUrl, {
        email: 'siti@tokomaju.co.id',
        password: 'Teh-Manis-Hangat-2026',
        // Back where the ended session left her.
        expectPath: '/settings/profile',
      });
    } finally {
      await viewer.close();
    }
  });

  it('refuses a form posted from another site with 403', async () => {
    const cookie = (await browser.context.cookies(stack.dashboardUrl))
      .map((entry) => `${entry.name}=${entry.value}`)
      .join('; ');
    for (const path of ['/logout', '/settings/members']) {
      const response = await fetch(url(path), {
        method: 'POST',
        redirect: 'manual',
        headers: {
          Origin: 'https://evil.example',
          Cookie: cookie,
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: 'intent=removeMember&memberId=x',
      });
      expect(response.status).toBe(403);
    }
    // Still signed in: the refused logout did nothing.
    await page.goto(url('/settings/profile'));
    expect(new URL(page.url()).pathname).toBe('/settings/profile');
    expect(errors).toEqual([]);
  });
});
