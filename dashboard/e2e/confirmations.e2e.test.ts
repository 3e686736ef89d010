import en from '../app/locales/en.json';
import id from '../app/locales/id.json';
import { apiLogin, callApi, createOwner, inviteMember } from './support/api';
import { signedInPage, usePortal } from './support/portal';

/**
 * Revoking an invitation and signing another device out cannot be undone, so each asks first: the row's button opens
 * a dialog naming what goes; Cancel leaves it as it was, the dialog's button does it (with a toast).
 */
describe('confirmation before revoking in the browser', () => {
  const portal = usePortal();

  it.each([
    ['en', en],
    ['id', id],
  ] as const)('%s: an invitation is revoked only once the dialog is confirmed', async (lng, locale) => {
    const owner = await createOwner(portal.stack, { language: lng === 'en' ? 'EN' : 'ID' });
    const email = `tamu-${owner.email}`;
    await inviteMember(portal.stack, owner, email, 'viewer');
    const { context, page, errors } = await signedInPage(portal, owner.sessionToken, lng);
    try {
      await page.goto(`${portal.stack.dashboardUrl}/settings/members`, { waitUntil: 'networkidle' });
      const texts = locale.members.invitations;
      const row = page.getByTestId('invitations').getByRole('row').filter({ hasText: email });
      const revoke = row.getByRole('link', { name: texts.revokeLabel.replace('{{email}}', email) });
      const confirm = locale.members.confirmRevokeInvitation;
      const dialog = page.getByRole('dialog', { name: confirm.title.replace('{{email}}', email) });

      await revoke.click();
      await dialog.waitFor();
      expect(await dialog.textContent()).toContain(confirm.body.replace('{{email}}', email));
      await dialog.getByRole('link', { name: locale.common.cancel }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(await row.textContent()).toContain(texts.statuses.PENDING);

      await revoke.click();
      await dialog.getByRole('button', { name: confirm.confirm }).click();
      await page.getByTestId('toast').filter({ hasText: texts.revoked }).waitFor();
      // A revoked invitation leaves the list of open ones.
      expect(await page.getByText(email).count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });

  it.each([
    ['en', en],
    ['id', id],
  ] as const)('%s: another session is signed out only once the dialog is confirmed', async (lng, locale) => {
    const owner = await createOwner(portal.stack, { language: lng === 'en' ? 'EN' : 'ID' });
    // A second device: a sign-in of the same account outside this browser.
    const other = (await apiLogin(portal.stack, owner.email, owner.password)).sessionToken ?? '';
    const stillSignedIn = async () => {
      try {
        await callApi(portal.stack, '{ me { id } }', {}, other);
        return true;
      } catch {
        return false;
      }
    };
    expect(await stillSignedIn()).toBe(true);
    const { context, page, errors } = await signedInPage(portal, owner.sessionToken, lng);
    try {
      await page.goto(`${portal.stack.dashboardUrl}/settings/profile`, { waitUntil: 'networkidle' });
      const texts = locale.profile.sessions;
      const sessions = page.getByTestId('sessions');
      // Only the other device can be signed out from here.
      const revoke = sessions.getByRole('link', { name: texts.revoke });
      expect(await revoke.count()).toBe(1);
      const dialog = page.getByRole('dialog');

      await revoke.click();
      await dialog.waitFor();
      expect(await dialog.getByRole('heading').textContent()).toMatch(
        new RegExp(`^${texts.confirmRevoke.title.split('{{device}}')[0]}`),
      );
      expect(await dialog.textContent()).toContain(texts.confirmRevoke.body);
      await dialog.getByRole('link', { name: locale.common.cancel }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(await stillSignedIn()).toBe(true);

      await revoke.click();
      await dialog.getByRole('button', { name: texts.confirmRevoke.confirm }).click();
      await page.getByTestId('toast').filter({ hasText: texts.revoked }).waitFor();
      expect(await stillSignedIn()).toBe(false);
      expect(await sessions.getByRole('link', { name: texts.revoke }).count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
