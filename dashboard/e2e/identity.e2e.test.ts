import { generate } from 'otplib';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import en from '../app/locales/en.json';
import id from '../app/locales/id.json';
import { apiLogin, callApi, createOwner, signInBrowser, type TestOwner } from './support/api';
import { collectPageErrors, launchChromium, screenshot } from './support/browser';
import { submitForcedPasswordChange, submitLogin, switchLanguage } from './support/identity';
import { startStack, type Stack } from './support/stack';

// The API accepts the code of the next 30-second step too (one step of clock drift), so a test that has spent
// the current step's code signs in with the next one instead of waiting for it.
const TOTP_STEP_SECONDS = 30;

/**
 * The identity flows in the browser. Each test opens its own workspace and Owner through the API and its own
 * browser context, so any one runs alone; each flow runs once, in one language (the page walk shows every page in
 * both).
 */
describe('identity pages in the browser', () => {
  let stack: Stack;
  let chromium: Browser;

  beforeAll(async () => {
    stack = await startStack();
    chromium = await launchChromium();
  }, 90_000);

  afterAll(async () => {
    await chromium?.close();
    await stack?.stop();
  }, 60_000);

  const url = (path: string) => `${stack.dashboardUrl}${path}`;
  const heading = (page: Page, text: string) =>
    page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor();

  async function browserFor(lng: 'en' | 'id', owner?: TestOwner): Promise<{ context: BrowserContext; page: Page }> {
    const context = await chromium.newContext({
      locale: lng === 'en' ? 'en-US' : 'id-ID',
      viewport: { width: 1280, height: 860 },
    });
    if (owner) await signInBrowser(context, stack, owner.sessionToken, lng);
    return { context, page: await context.newPage() };
  }

  it('sends a signed-out visitor from / to the login page and explains field errors and a wrong password (EN)', async () => {
    const owner = await createOwner(stack);
    const { context, page } = await browserFor('en');
    await page.goto(url('/'));
    await page.waitForURL((target) => target.pathname === '/login');
    await heading(page, en.signIn.login.title);

    await page.locator('form[action="/login"] button[type="submit"]').click();
    expect(await page.locator('.field__error').allTextContents()).toEqual([
      en.validation.required,
      en.validation.required,
    ]);
    await page.getByLabel(en.signIn.login.email).fill(owner.email);
    await page.getByLabel(en.signIn.login.password).fill('not-the-password');
    await page.locator('form[action="/login"] button[type="submit"]').click();
    await page.getByRole('alert').filter({ hasText: en.auth.invalidCredentials }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login');
    await context.close();
  });

  it('makes an Owner with a one-time password change it before anything else (EN)', async () => {
    const owner = await createOwner(stack, { keepTemporaryPassword: true });
    const { context, page } = await browserFor('en');
    await submitLogin(page, stack.dashboardUrl, {
      email: owner.email,
      password: owner.password,
      expectPath: '/change-password',
    });
    await heading(page, en.signIn.changePassword.title);
    // Every page of the shell sends the user back here until the password is changed.
    await page.goto(url('/settings/profile'));
    await page.waitForURL((target) => target.pathname === '/change-password');

    const session = (await context.cookies(stack.dashboardUrl)).find((cookie) => cookie.name === 'bz_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(session?.value).toMatch(/^bzs_/);

    await submitForcedPasswordChange(page, owner.password, 'Teh-Manis-Hangat-2026');
    await heading(page, en.dashboard.welcome);
    expect((await apiLogin(stack, owner.email, 'Teh-Manis-Hangat-2026')).mustChangePassword).toBe(false);
    await context.close();
  });

  it('turns on two-factor authentication, then signs in with the password and a TOTP code (EN)', async () => {
    const owner = await createOwner(stack, { language: 'EN' });
    const { context, page } = await browserFor('en', owner);
    const errors = collectPageErrors(page);
    await page.goto(url('/settings/profile'));
    await page.getByRole('button', { name: en.profile.twoFactor.start }).click();
    const secret = ((await page.getByTestId('totp-secret').textContent()) ?? '').replace(/\s+/g, '');
    expect(secret).toMatch(/^[A-Z2-7]{16,}$/);
    expect(await page.getByRole('img', { name: en.profile.twoFactor.qrAlt }).getAttribute('src')).toMatch(
      /^data:image\/svg\+xml;base64,/,
    );
    await screenshot(page, 'profile-two-factor-setup-en');

    const now = Math.floor(Date.now() / 1000);
    await page.getByLabel(en.profile.twoFactor.code).fill(await generate({ secret, epoch: now }));
    await page.getByLabel(en.profile.twoFactor.password).fill(owner.password);
    await page.getByRole('button', { name: en.profile.twoFactor.enable }).click();
    const codes = page.getByTestId('recovery-codes').locator('li');
    await codes.first().waitFor();
    const recoveryCodes = (await codes.allTextContents()).map((code) => code.trim());
    expect(new Set(recoveryCodes).size).toBe(10);
    await screenshot(page, 'profile-recovery-codes-en');
    await page.getByRole('link', { name: en.profile.twoFactor.recoveryDone }).click();
    await page.getByText(en.profile.twoFactor.statusOn).waitFor();

    await page.locator('.profile-menu summary').click();
    await page.getByRole('button', { name: en.shell.profile.signOut }).click();
    await page.waitForURL((target) => target.pathname === '/login');
    await page.getByText(en.signIn.notices.signedOut).waitFor();
    expect((await context.cookies(stack.dashboardUrl)).some((cookie) => cookie.name === 'bz_session')).toBe(false);

    await submitLogin(page, stack.dashboardUrl, {
      email: owner.email,
      password: owner.password,
      expectPath: '/login/two-factor',
    });
    await heading(page, en.signIn.twoFactor.title);
    await page.getByLabel(en.signIn.twoFactor.code).fill('000000');
    await page.getByRole('button', { name: en.signIn.twoFactor.submit }).click();
    await page.locator('.field__error').filter({ hasText: en.auth.invalidCode }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/login/two-factor');

    // The current step's code turned two-factor on and is spent; the next step's is accepted.
    await page.getByLabel(en.signIn.twoFactor.code).fill(await generate({ secret, epoch: now + TOTP_STEP_SECONDS }));
    await page.getByRole('button', { name: en.signIn.twoFactor.submit }).click();
    await page.waitForURL((target) => target.pathname === '/dashboard');
    expect(errors).toEqual([]);
    await context.close();
  });

  it('signs in with a recovery code once, and refuses the same code the second time (ID)', async () => {
    const owner = await createOwner(stack, { language: 'ID' });
    const { startTwoFactorSetup } = await callApi<{ startTwoFactorSetup: { secret: string } }>(
      stack,
      'mutation { startTwoFactorSetup { secret } }',
      {},
      owner.sessionToken,
    );
    const { enableTwoFactor } = await callApi<{ enableTwoFactor: { codes: string[] } }>(
      stack,
      'mutation ($input: EnableTwoFactorInput!) { enableTwoFactor(input: $input) { codes } }',
      { input: { code: await generate({ secret: startTwoFactorSetup.secret }), password: owner.password } },
      owner.sessionToken,
    );
    const recovery = enableTwoFactor.codes[0]!;
    const { context, page } = await browserFor('id');
    for (const attempt of ['accepted', 'refused'] as const) {
      await submitLogin(page, stack.dashboardUrl, {
        email: owner.email,
        password: owner.password,
        expectPath: '/login/two-factor',
      });
      await page.getByLabel(id.signIn.twoFactor.code).fill(recovery);
      await page.getByRole('button', { name: id.signIn.twoFactor.submit }).click();
      if (attempt === 'accepted') {
        await page.waitForURL((target) => target.pathname === '/dashboard');
        await page.locator('.profile-menu summary').click();
        await page.getByRole('button', { name: id.shell.profile.signOut }).click();
        await page.waitForURL((target) => target.pathname === '/login');
      } else {
        await page.locator('.field__error').filter({ hasText: id.auth.invalidCode }).waitFor();
      }
    }
    await context.close();
  });

  it('adds a member, a custom role and an API token, and shows each secret once (EN)', async () => {
    const owner = await createOwner(stack, { language: 'EN' });
    const { context, page } = await browserFor('en', owner);
    await page.goto(url('/settings/members'));
    await page.getByLabel(en.members.add.email).fill(`siti-${owner.email}`);
    await page.getByLabel(en.members.add.name).fill('Siti Rahayu');
    await page.getByRole('button', { name: en.members.add.submit }).click();
    const memberPassword = (await page.getByTestId('temporary-password').textContent()) ?? '';
    expect(memberPassword).toMatch(/^\S{10,}$/);
    await page.getByTestId('members').getByText(`siti-${owner.email}`).waitFor();

    await page.goto(url('/settings/roles'));
    await page.getByLabel(en.roles.matrix.newRoleName).fill('Customer support');
    for (const permission of ['CONTACTS_READ', 'CONTACTS_WRITE', 'CAMPAIGNS_READ'] as const) {
      await page.getByLabel(`${en.roles.matrix.newRole}: ${en.permissions[permission]}`, { exact: true }).check();
    }
    await page.getByRole('button', { name: en.roles.matrix.create }).click();
    await page
      .getByTestId('toast')
      .filter({ hasText: en.roles.created.replace('{{name}}', 'Customer support') })
      .waitFor();
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
    const { me } = await callApi<{ me: { email: string; permissions: string[] } }>(
      stack,
      '{ me { email permissions } }',
      {},
      token,
    );
    expect(me).toEqual({ email: owner.email, permissions: ['CONTACTS_READ'] });
    // Shown once: the page read again has the token listed, never its secret.
    await page.reload();
    expect(await page.getByTestId('api-token-value').count()).toBe(0);
    await page.getByTestId('api-tokens').getByText('Order sync').waitFor();
    await context.close();
  });

  it("makes a language switched while signed in the account's language (ID)", async () => {
    const owner = await createOwner(stack, { language: 'EN' });
    const { context, page } = await browserFor('en', owner);
    await page.goto(url('/settings/profile'));
    await switchLanguage(page, 'id');
    await heading(page, id.profile.title);
    // The form on the page follows at once (an uncontrolled select kept showing the old language).
    expect(await page.getByLabel(id.profile.details.language).inputValue()).toBe('ID');
    const { me } = await callApi<{ me: { language: string } }>(stack, '{ me { language } }', {}, owner.sessionToken);
    expect(me.language).toBe('ID');
    await context.close();
  });

  it('shows a Viewer only what the role allows, and answers the rest with a translated 403 (ID)', async () => {
    const owner = await createOwner(stack);
    const { roles } = await callApi<{ roles: { id: string; key: string }[] }>(
      stack,
      '{ roles { id key } }',
      {},
      owner.sessionToken,
    );
    const email = `pengamat-${owner.email}`;
    const { addMember } = await callApi<{ addMember: { temporaryPassword: string } }>(
      stack,
      'mutation ($input: AddMemberInput!) { addMember(input: $input) { temporaryPassword } }',
      { input: { email, name: 'Pengamat', roleId: roles.find((role) => role.key === 'viewer')!.id } },
      owner.sessionToken,
    );
    const { context, page } = await browserFor('id');
    await submitLogin(page, stack.dashboardUrl, {
      email,
      password: addMember.temporaryPassword,
      expectPath: '/change-password',
    });
    await submitForcedPasswordChange(page, addMember.temporaryPassword, 'Kopi-Susu-Gula-2025');

    await page.goto(url('/settings/profile'));
    const tabs = page.getByRole('navigation', { name: id.settings.nav.label }).getByRole('link');
    expect(await tabs.allTextContents()).toEqual([id.settings.nav.profile]);
    await page.locator('.profile-menu summary').click();
    expect(await page.getByRole('link', { name: id.shell.profile.members }).count()).toBe(0);

    for (const path of ['/settings/members', '/settings/workspace']) {
      const response = await page.goto(url(path));
      expect({ path, status: response?.status() }).toEqual({ path, status: 403 });
      await page.getByRole('heading', { name: id.errors.forbidden.title }).waitFor();
      expect(await page.getByText(id.errors.forbidden.description).count()).toBe(1);
    }
    await context.close();
  });

  it('refuses a form posted from another site with 403, and the refused logout changes nothing', async () => {
    const owner = await createOwner(stack);
    for (const path of ['/logout', '/settings/members']) {
      const response = await fetch(url(path), {
        method: 'POST',
        redirect: 'manual',
        headers: {
          Origin: 'https://evil.example',
          Cookie: `bz_session=${owner.sessionToken}`,
          'Content-Type': 'application/x-www-form-urlencoded',
        },
        body: 'intent=removeMember&memberId=x',
      });
      expect({ path, status: response.status }).toEqual({ path, status: 403 });
    }
    // Still signed in: the refused logout did nothing.
    const { me } = await callApi<{ me: { email: string } }>(stack, '{ me { email } }', {}, owner.sessionToken);
    expect(me.email).toBe(owner.email);
  });
});
