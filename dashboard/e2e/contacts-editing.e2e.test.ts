import type { Page } from 'playwright-core';
import en from '../app/locales/en.json';
import id from '../app/locales/id.json';
import { callApi, createOwner, signInBrowser, type TestOwner } from './support/api';
import { collectPageErrors, screenshot } from './support/browser';
import type { Stack } from './support/stack';
import { usePortal } from './support/portal';

/**
 * The address book by hand, once in each language on its own workspace: add a contact (the API's refusals shown
 * beside the phone and the attributes), edit its name, tags and attributes, erase ticked rows after a confirmation,
 * and run bulk actions over a whole filter (an opt-out and an erasure confirmed first) as jobs whose progress page
 * counts the rows and ends with a toast.
 */
const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => String(values[name] ?? ''));

async function addContactsThroughApi(stack: Stack, owner: TestOwner, count: number, tag: string): Promise<void> {
  for (let index = 0; index < count; index++) {
    await callApi(
      stack,
      `mutation ($input: CreateContactInput!) { createContact(input: $input) { id } }`,
      { input: { phone: `0857 7000 ${String(index).padStart(4, '0')}`, name: `Pelanggan ${index}`, tags: [tag] } },
      owner.sessionToken,
    );
  }
}

async function fitsAPhone(page: Page, name: string): Promise<void> {
  await page.setViewportSize({ width: 390, height: 860 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(page, `${name}-390`);
  await page.setViewportSize({ width: 1280, height: 860 });
  await screenshot(page, `${name}-1280`);
}

describe('contacts by hand in the browser', () => {
  const portal = usePortal();

  it.each([
    ['en', en],
    ['id', id],
  ] as const)('add, edit, erase a selection, and follow a bulk job over a filter (%s)', async (lng, l) => {
    const owner = await createOwner(portal.stack, { language: lng === 'en' ? 'EN' : 'ID' });
    const context = await portal.chromium.newContext({
      viewport: { width: 1280, height: 860 },
      locale: lng === 'en' ? 'en-US' : 'id-ID',
    });
    try {
      await signInBrowser(context, portal.stack, owner.sessionToken, lng);
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      const c = l.contacts;
      const base = portal.stack.dashboardUrl;
      const toast = (text: string) => page.getByTestId('toast').filter({ hasText: text }).waitFor();

      // 1. Add a contact by hand: a fixed line and an attribute name with a space are refused beside their fields.
      await page.goto(`${base}/contacts`, { waitUntil: 'networkidle' });
      await page.getByRole('link', { name: c.actions.add, exact: true }).click();
      await page.getByRole('heading', { level: 1, name: c.create.title, exact: true }).waitFor();
      const form = page.getByTestId('contact-new');
      await form.getByLabel(c.table.phone, { exact: true }).fill('021-5551234');
      await form.getByLabel(c.table.name, { exact: true }).fill('Dewi Lestari');
      await form.getByLabel(c.table.tags, { exact: true }).fill('grosir, bandung');
      await form.getByLabel(c.form.attributes, { exact: true }).fill('kota = Bandung');
      await form.getByLabel(c.form.consent, { exact: true }).fill('Setuju lewat formulir toko, 1 Des 2026.');
      await form.getByRole('button', { name: c.create.submit }).click();
      // A fixed line is refused beside the phone, with the API's reason.
      const phoneField = form.getByLabel(c.table.phone, { exact: true });
      await page.waitForFunction(
        () => document.querySelector('input[name="phone"]')?.getAttribute('aria-invalid') === 'true',
      );
      const phoneError = await form.locator('.field__error').first().innerText();
      expect(phoneError).toContain(lng === 'en' ? 'not a mobile number' : 'bukan nomor ponsel');
      expect(await phoneField.getAttribute('aria-describedby')).toContain('error');
      await phoneField.fill('0812-3456-7001');
      await form.getByLabel(c.form.attributes, { exact: true }).fill('Kota Asal = Bandung');
      await form.getByRole('button', { name: c.create.submit }).click();
      await form.getByText(c.form.attributeKey, { exact: true }).waitFor();
      await fitsAPhone(page, `contact-new-refused-${lng}`);
      await form.getByLabel(c.form.attributes, { exact: true }).fill('kota = Bandung\nlevel = gold');
      await form.getByRole('button', { name: c.create.submit }).click();
      await toast(c.create.created);
      await page.getByRole('heading', { level: 1, name: 'Dewi Lestari', exact: true }).waitFor();
      const facts = page.locator('dl.facts');
      await facts.getByText('+6281234567001', { exact: true }).waitFor();
      expect(await facts.locator('dd').allInnerTexts()).toEqual(expect.arrayContaining(['Bandung', 'gold']));
      expect(await facts.locator('.badge').allInnerTexts()).toEqual(['bandung', 'grosir']);
      // Consent given by hand is a history entry with its statement.
      const history = page.getByTestId('contact-history');
      await history.getByRole('cell', { name: 'Setuju lewat formulir toko, 1 Des 2026.', exact: true }).waitFor();

      // 2. Edit name, tags and attributes; a line without "=" is refused beside the attributes, and nothing changes.
      const edit = page.getByTestId('contact-edit');
      await edit.getByLabel(c.form.attributes, { exact: true }).fill('kota Medan');
      await edit.getByRole('button', { name: c.detail.save }).click();
      await edit.getByText(c.form.attributeLine, { exact: true }).waitFor();
      await edit.getByLabel(c.table.name, { exact: true }).fill('Dewi Lestari Putri');
      await edit.getByLabel(c.table.tags, { exact: true }).fill('grosir');
      await edit.getByLabel(c.form.attributes, { exact: true }).fill('kota = Medan');
      await edit.getByRole('button', { name: c.detail.save }).click();
      await toast(c.detail.saved);
      await page.getByRole('heading', { level: 1, name: 'Dewi Lestari Putri', exact: true }).waitFor();
      const values = await facts.locator('dd').allInnerTexts();
      expect(values).toContain('Medan');
      expect(values).not.toContain('gold');
      expect(await facts.locator('.badge').allInnerTexts()).toEqual(['grosir']);
      await fitsAPhone(page, `contact-edited-${lng}`);

      // 3. Erase the ticked rows: the dialog says how many, Cancel changes nothing, Erase erases them.
      await addContactsThroughApi(portal.stack, owner, 3, 'arisan');
      await page.goto(`${base}/contacts`, { waitUntil: 'networkidle' });
      const table = page.getByTestId('contacts');
      const tick = (name: string) => table.getByRole('checkbox', { name: fill(c.table.selectOne, { name }) }).check();
      await tick('Pelanggan 0');
      await tick('Dewi Lestari Putri');
      await page.getByTestId('contacts-bulk').getByRole('button', { name: c.bulk.delete, exact: true }).click();
      const dialog = page.getByRole('dialog', { name: c.bulk.confirmDelete.title });
      await dialog.getByText(fill(c.bulk.confirmDelete.body, { formatted: '2' })).waitFor();
      await dialog.getByRole('link', { name: l.common.cancel }).click();
      await dialog.waitFor({ state: 'detached' });
      expect(await page.getByTestId('contacts-count').innerText()).toBe(fill(c.count_other, { formatted: '4' }));
      await tick('Pelanggan 0');
      await tick('Dewi Lestari Putri');
      await page.getByTestId('contacts-bulk').getByRole('button', { name: c.bulk.delete, exact: true }).click();
      await dialog.getByText(fill(c.bulk.confirmDelete.body, { formatted: '2' })).waitFor();
      await screenshot(page, `contacts-confirm-delete-${lng}`);
      await dialog.getByRole('button', { name: c.bulk.confirmDelete.confirm }).click();
      await toast(fill(c.bulk.done.delete, { count: 2 }));
      expect(await page.getByTestId('contacts-count').innerText()).toBe(fill(c.count_other, { formatted: '2' }));
      expect(await table.getByText('Dewi Lestari Putri').count()).toBe(0);

      // 4. Tag every contact the filter finds: one job, its page counts the rows and ends in a toast.
      await page.goto(`${base}/contacts?tag=arisan`, { waitUntil: 'networkidle' });
      const bulk = page.getByTestId('contacts-bulk');
      await bulk.getByLabel(c.bulk.tag, { exact: true }).fill('lebaran');
      await bulk.getByLabel(c.bulk.scope).selectOption('filter');
      await bulk.getByRole('button', { name: c.bulk.addTag }).click();
      await page.waitForURL(/\/contacts\/jobs\/[0-9a-f-]{36}\?/);
      await toast(fill(c.bulkJob.finished.TAG, { count: 2 }));
      await page.getByRole('heading', { level: 1, name: c.bulkJob.title, exact: true }).waitFor();
      expect(await page.getByTestId('bulk-job-progress').getAttribute('aria-valuenow')).toBe('100');
      expect(await page.getByTestId('bulk-job-count').innerText()).toBe(
        fill(c.bulkJob.rows, { processed: 2, total: 2 }),
      );
      await fitsAPhone(page, `contacts-bulk-job-${lng}`);
      // Back to the filter the job ran on: both rows carry the new tag.
      await page.getByRole('link', { name: c.import.progress.toContacts }).click();
      await page.waitForURL(/\/contacts\?tag=arisan$/);
      // The URL changes before the table renders: wait for the table, then count.
      await table.getByText('lebaran', { exact: true }).first().waitFor();
      expect(await table.getByText('lebaran', { exact: true }).count()).toBe(2);

      // 5. Opt the whole filter out of marketing: confirmed with its count, then run as a job.
      await bulk.getByLabel(c.bulk.scope).selectOption('filter');
      await bulk.getByRole('button', { name: c.bulk.marketingOptOut, exact: true }).click();
      const confirmOptOut = page.getByRole('dialog', { name: c.bulk.confirmMarketingOptOut.title });
      await confirmOptOut.getByText(fill(c.bulk.confirmMarketingOptOut.body, { formatted: '2' })).waitFor();
      await screenshot(page, `contacts-confirm-opt-out-${lng}`);
      await confirmOptOut.getByRole('button', { name: c.bulk.confirmMarketingOptOut.confirm }).click();
      await toast(fill(c.bulkJob.finished.MARKETING_OPT_OUT, { count: 2 }));
      await page.getByRole('link', { name: c.import.progress.toContacts }).click();
      await page.waitForURL(/\/contacts\?tag=arisan$/);
      await table.getByText(c.status.marketingOptOut, { exact: true }).first().waitFor();
      expect(await table.getByText(c.status.marketingOptOut, { exact: true }).count()).toBe(2);

      // 6. Erase the whole filter: confirmed with its count, run as a job, and the book is empty after it.
      await bulk.getByLabel(c.bulk.scope).selectOption('filter');
      await bulk.getByRole('button', { name: c.bulk.delete, exact: true }).click();
      await dialog.getByText(fill(c.bulk.confirmDelete.body, { formatted: '2' })).waitFor();
      await dialog.getByRole('button', { name: c.bulk.confirmDelete.confirm }).click();
      await toast(fill(c.bulkJob.finished.DELETE, { count: 2 }));
      await page.goto(`${base}/contacts`, { waitUntil: 'networkidle' });
      await page.getByTestId('contacts-empty').getByText(c.empty, { exact: true }).waitFor();

      // The three refused forms above answer 400 by design (and the browser logs each); nothing else went wrong.
      expect(errors).toEqual(Array.from({ length: 3 }, () => expect.stringContaining('status of 400')));
    } finally {
      await context.close();
    }
  });
});
