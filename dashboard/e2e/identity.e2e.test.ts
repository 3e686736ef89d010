import { generate } from 'otplib';
import type { BrowserContext, Page } from 'playwright-core';
import en from '../app/locales/en.json';
import id from '../app/locales/id.json';
import {
  acceptAsNewAccount,
  apiLogin,
  callApi,
  createOwner,
  inviteMember,
  signInBrowser,
  type TestOwner,
} from './support/api';
import { collectPageErrors, screenshot } from './support/browser';
import {
  ADMIN_EMAIL,
  ADMIN_PASSWORD,
  SEEDED_PASSWORD,
  submitForcedPasswordChange,
  submitLogin,
  switchLanguage,
} from './support/identity';
import { usePortal } from './support/portal';

// The API accepts the code of the next 30-second step too (one step of clock drift), so a test that has spent
// the current step's code signs in with the next one instead of waiting for it.
const TOTP_STEP_SECONDS = 30;

/**
 * The identity flows in the browser. Each test opens its own workspace and Owner through the API and its own
 * browser context, so any one runs alone; each flow runs once, in one language (the page walk shows every page in
 * both).
 */
describe('identity pages in the browser', () => {
  const portal = usePortal();

  const url = (path: string) => `${portal.stack.dashboardUrl}${path}`;
  const heading = (page: Page, text: string) =>
    page.getByRole('heading', { level: 1, name: text, exact: true }).waitFor();

  async function browserFor(lng: 'en' | 'id', owner?: TestOwner): Promise<{ context: BrowserContext; page: Page }> {
    const context = await portal.chromium.newContext({
      locale: lng === 'en' ? 'en-US' : 'id-ID',
      viewport: { width: 1280, height: 860 },
    });
    if (owner) await signInBrowser(context, portal.stack, owner.sessionToken, lng);
    return { context, page: await context.newPage() };
  }

  // First in the file: the seeded administrator is the one account ever asked to change its password, and the
  // other tests' data is made by it (support/api.ts changes the password through the API when this did not run).
  it('makes the seeded administrator change its password before anything else (EN)', async () => {
    const { context, page } = await browserFor('en');
    await submitLogin(page, portal.stack.dashboardUrl, {
      email: ADMIN_EMAIL,
      password: SEEDED_PASSWORD,
      expectPath: '/change-password',
    });
    await heading(page, en.signIn.changePassword.title);
    // Every page of the shell sends the user back here until the password is changed.
    await page.goto(url('/settings/profile'));
    await page.waitForURL((target) => target.pathname === '/change-password');

    const session = (await context.cookies(portal.stack.dashboardUrl)).find((cookie) => cookie.name === 'bz_session');
    expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
    expect(session?.value).toMatch(/^bzs_/);

    await submitForcedPasswordChange(page, SEEDED_PASSWORD, ADMIN_PASSWORD);
    await heading(page, en.dashboard.welcome);
    expect((await apiLogin(portal.stack, ADMIN_EMAIL, ADMIN_PASSWORD)).mustChangePassword).toBe(false);
    await context.close();
  });

  it('sends a signed-out visitor from / to the login page and explains field errors and a wrong password (EN)', async () => {
    const owner = await createOwner(portal.stack);
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

  it('turns on two-factor authentication, then signs in with the password and a TOTP code (EN)', async () => {
    const owner = await createOwner(portal.stack, { language: 'EN' });
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
    expect((await context.cookies(portal.stack.dashboardUrl)).some((cookie) => cookie.name === 'bz_session')).toBe(
      false,
    );

    await submitLogin(page, portal.stack.dashboardUrl, {
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
    const owner = await createOwner(portal.stack, { language: 'ID' });
    const { startTwoFactorSetup } = await callApi<{ startTwoFactorSetup: { secret: string } }>(
      portal.stack,
      'mutation { startTwoFactorSetup { secret } }',
      {},
      owner.sessionToken,
    );
    const { enableTwoFactor } = await callApi<{ enableTwoFactor: { codes: string[] } }>(
      portal.stack,
      'mutation ($input: EnableTwoFactorInput!) { enableTwoFactor(input: $input) { codes } }',
      { input: { code: await generate({ secret: startTwoFactorSetup.secret }), password: owner.password } },
      owner.sessionToken,
    );
    const recovery = enableTwoFactor.codes[0]!;
    const { context, page } = await browserFor('id');
    for (const attempt of ['accepted', 'refused'] as const) {
      await submitLogin(page, portal.stack.dashboardUrl, {
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

  it('invites a member who joins by choosing a password, adds a custom role and an API token, each secret once (EN)', async () => {
    const owner = await createOwner(portal.stack, { language: 'EN' });
    const { context, page } = await browserFor('en', owner);
    await page.goto(url('/settings/members'));
    const invitee = `siti-${owner.email}`;
    await page.getByLabel(en.members.invite.email).fill(invitee);
    await page.getByRole('button', { name: en.members.invite.submit }).click();
    const invitationUrl = (await page.getByTestId('invitation-link').textContent()) ?? '';
    expect(invitationUrl).toMatch(/\/invite\/bzi_[\w-]{43}$/);
    // Invited is not joined: an open invitation until its owner accepts it.
    expect(await page.getByTestId('members').getByText(invitee).count()).toBe(0);
    await page.getByTestId('invitations').getByText(invitee).waitFor();

    // The invitee opens the link in a browser of her own, in Indonesian, and chooses a password.
    const { context: hers, page: herPage } = await browserFor('id');
    await herPage.goto(invitationUrl.replace(/^https?:\/\/[^/]+/, portal.stack.dashboardUrl));
    await heading(herPage, id.invitation.title);
    // The secret left the address bar (and every Referer and log line after the link's first request).
    expect(herPage.url()).toBe(url('/invite'));
    await screenshot(herPage, 'invitation-flow-id');
    await herPage.getByLabel(id.invitation.name).fill('Siti Rahayu');
    await herPage.getByLabel(id.invitation.password, { exact: true }).fill('Kopi-Susu-Gula-2025');
    await herPage.getByLabel(id.signIn.changePassword.confirm).fill('Kopi-Susu-Gula-2025');
    await herPage.getByRole('button', { name: id.invitation.createAndJoin }).click();
    await heading(herPage, id.dashboard.welcome);
    // The link is spent.
    await herPage.goto(invitationUrl.replace(/^https?:\/\/[^/]+/, portal.stack.dashboardUrl));
    await heading(herPage, id.invitation.invalidTitle);
    await hers.close();
    await page.reload();
    await page.getByTestId('members').getByText(invitee).waitFor();

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
      portal.stack,
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
    const owner = await createOwner(portal.stack, { language: 'EN' });
    const { context, page } = await browserFor('en', owner);
    await page.goto(url('/settings/profile'));
    await switchLanguage(page, 'id');
    await heading(page, id.profile.title);
    // The form on the page follows at once (an uncontrolled select kept showing the old language).
    expect(await page.getByLabel(id.profile.details.language).inputValue()).toBe('ID');
    const { me } = await callApi<{ me: { language: string } }>(
      portal.stack,
      '{ me { language } }',
      {},
      owner.sessionToken,
    );
    expect(me.language).toBe('ID');
    await context.close();
  });

  it('shows a Viewer only what the role allows, and answers the rest with a translated 403 (ID)', async () => {
    const owner = await createOwner(portal.stack);
    const email = `pengamat-${owner.email}`;
    const viewerSession = await acceptAsNewAccount(
      portal.stack,
      await inviteMember(portal.stack, owner, email, 'viewer'),
      {
        name: 'Pengamat',
        password: 'Kopi-Susu-Gula-2025',
      },
    );
    const { context, page } = await browserFor('id');
    await signInBrowser(context, portal.stack, viewerSession, 'id');

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

  it('lets an Owner hand a member a password-reset link that signs the member out everywhere (ID)', async () => {
    const owner = await createOwner(portal.stack);
    const email = `lupa-${owner.email}`;
    const memberSession = await acceptAsNewAccount(
      portal.stack,
      await inviteMember(portal.stack, owner, email, 'operator'),
      {
        name: 'Rina Lupa',
        password: 'Kata-sandi-lama-2026',
      },
    );
    const { context, page } = await browserFor('id', owner);
    await page.goto(url('/settings/members'));
    await page.getByLabel(id.members.resetLink.member, { exact: true }).selectOption({ label: `Rina Lupa (${email})` });
    await page.getByRole('button', { name: id.members.resetLink.submit }).click();
    const resetUrl = (await page.getByTestId('reset-link').textContent()) ?? '';
    expect(resetUrl).toMatch(/\/reset-password\/bzr_[\w-]{43}$/);

    const { context: hers, page: herPage } = await browserFor('id');
    await herPage.goto(resetUrl.replace(/^https?:\/\/[^/]+/, portal.stack.dashboardUrl));
    await heading(herPage, id.passwordReset.title);
    expect(herPage.url()).toBe(url('/reset-password'));
    await herPage.getByLabel(id.signIn.changePassword.new, { exact: true }).fill('Teh-Manis-Hangat-2026');
    await herPage.getByLabel(id.signIn.changePassword.confirm).fill('Teh-Manis-Hangat-2026');
    await herPage.getByRole('button', { name: id.passwordReset.submit }).click();
    await herPage.waitForURL((target) => target.pathname === '/login');
    await herPage.getByText(id.signIn.notices.passwordReset).waitFor();
    // Her old session is over; the new password signs her in.
    const old = await fetch(`${portal.stack.apiUrl}/api/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${memberSession}` },
      body: JSON.stringify({ query: '{ me { id } }' }),
    });
    const answer = (await old.json()) as { errors?: { extensions: { code: string } }[] };
    expect(answer.errors?.[0]?.extensions.code).toBe('UNAUTHENTICATED');
    await submitLogin(herPage, portal.stack.dashboardUrl, {
      email,
      password: 'Teh-Manis-Hangat-2026',
      expectPath: '/dashboard',
    });
    await hers.close();
    await context.close();
  });

  it('refuses a form posted from another site with 403, and the refused logout changes nothing', async () => {
    const owner = await createOwner(portal.stack);
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
    const { me } = await callApi<{ me: { email: string } }>(portal.stack, '{ me { email } }', {}, owner.sessionToken);
    expect(me.email).toBe(owner.email);
  });
});
