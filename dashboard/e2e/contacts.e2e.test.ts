import { readFile } from 'node:fs/promises';
import type { Download } from 'playwright-core';
import en from '../app/locales/en.json';
import id from '../app/locales/id.json';
import { createOwner, signInBrowser } from './support/api';
import { collectPageErrors, screenshot } from './support/browser';
import { usePortal } from './support/portal';

/**
 * The contacts dashboard as a shop owner uses it, once in each language on its own workspace: import a CSV with
 * good and bad rows, watch the progress reach 100 %, download the report of rejected rows, search, tag, save a
 * segment, opt a contact out, export.
 */
const CSV = [
  'Nama;Telepon;Kota',
  'Siti Rahayu;0813 1111 2222;Jakarta',
  'Agus Salim;0857-2222-3333;Medan',
  // A fixed line (Jakarta) and a number too short: both rejected, with their line numbers.
  'Kantor Pusat;021-5551234;Jakarta',
  'Salah Ketik;0812;Bandung',
  '',
].join('\n');

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => String(values[name] ?? ''));

async function downloaded(download: Download): Promise<string> {
  const path = await download.path();
  return readFile(path, 'utf8');
}

describe('contacts in the browser', () => {
  const portal = usePortal();

  it.each([
    ['en', en],
    ['id', id],
  ] as const)('import, progress, error report, search, tag, segment, opt-out and export (%s)', async (lng, l) => {
    const owner = await createOwner(portal.stack, { language: lng === 'en' ? 'EN' : 'ID' });
    const context = await portal.chromium.newContext({
      viewport: { width: 1280, height: 860 },
      acceptDownloads: true,
      locale: lng === 'en' ? 'en-US' : 'id-ID',
    });
    try {
      await signInBrowser(context, portal.stack, owner.sessionToken, lng);
      const page = await context.newPage();
      const errors = collectPageErrors(page);
      const c = l.contacts;
      const base = portal.stack.dashboardUrl;

      // 1. Upload: the mapping step shows the file's first rows and suggests the phone and name columns.
      await page.goto(`${base}/contacts/import`, { waitUntil: 'networkidle' });
      await page.getByRole('heading', { level: 1, name: c.import.title, exact: true }).waitFor();
      await page
        .getByLabel(c.import.upload.file)
        .setInputFiles({ name: 'pelanggan.csv', mimeType: 'text/csv', buffer: Buffer.from(CSV, 'utf8') });
      await page.getByRole('button', { name: c.import.upload.submit }).click();
      const mapping = page.getByTestId('import-mapping');
      await mapping.waitFor();
      const preview = mapping.getByRole('region', { name: c.import.mapping.preview });
      expect(await preview.getByRole('cell', { name: 'Siti Rahayu', exact: true }).count()).toBe(1);
      expect(await preview.getByRole('cell', { name: '021-5551234', exact: true }).count()).toBe(1);
      expect(await mapping.locator('select[name="column_1"]').inputValue()).toBe('phone');
      expect(await mapping.locator('select[name="column_0"]').inputValue()).toBe('name');
      await screenshot(page, `contacts-import-mapping-${lng}`);

      // 2. Consent, a tag for the whole list, keep the valid rows; start.
      await mapping.getByLabel(c.import.options.consent).fill('Mendaftar di kasir toko dan setuju menerima promo.');
      await mapping.getByLabel(c.import.options.tag).fill('daftar-desember');
      await mapping.getByRole('button', { name: c.import.options.start }).click();
      await page.waitForURL(/\/contacts\/import\/[0-9a-f-]{36}$/);

      // 3. The progress bar only moves forward and reaches 100 %.
      const bar = page.getByTestId('import-progress');
      const seen: number[] = [];
      for (let attempt = 0; attempt < 120; attempt++) {
        seen.push(Number(await bar.getAttribute('aria-valuenow')));
        if (seen.at(-1) === 100) break;
        await page.waitForTimeout(250);
      }
      expect(seen.at(-1)).toBe(100);
      expect(seen).toEqual([...seen].sort((a, b) => a - b));
      const summary = page.getByTestId('import-summary');
      await summary.waitFor();
      expect(await summary.locator('dd').allInnerTexts()).toEqual(['2', '0', '0', '2']);
      await screenshot(page, `contacts-import-done-${lng}`);

      // 4. The report of rejected rows names both bad rows (line numbers count the header as line 1).
      const [report] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('link', { name: c.import.progress.report }).click(),
      ]);
      const reportText = await downloaded(report);
      expect(reportText).toContain('021-5551234');
      expect(reportText).toContain('0812');
      expect(reportText).not.toContain('Siti Rahayu');
      expect(reportText).toMatch(/(^|\n)"?4"?[,;]/);
      expect(reportText).toMatch(/(^|\n)"?5"?[,;]/);

      // 5. Search by phone fragment: one row, in E.164, tagged with the import's tag.
      await page.goto(`${base}/contacts`, { waitUntil: 'networkidle' });
      expect(await page.getByTestId('contacts-count').innerText()).toBe(fill(c.count_other, { formatted: '2' }));
      const filterForm = page.getByTestId('contacts-filter');
      await filterForm.getByLabel(c.filter.search, { exact: true }).fill('0813 1111');
      await filterForm.getByRole('button', { name: c.filter.apply }).click();
      await page.waitForURL(/[?&]q=0813/);
      const table = page.getByTestId('contacts');
      // The URL changes before the filtered rows render, and this contact was listed before the search too:
      // wait for the table to show one row (it times out if the search never narrows it), then check which.
      await page.waitForFunction(() => document.querySelectorAll('[data-testid="contacts"] tbody tr').length === 1);
      await table.getByRole('cell', { name: '+6281311112222', exact: true }).waitFor();
      expect(await table.getByText('daftar-desember', { exact: true }).count()).toBe(1);

      // 6. Tag the ticked row.
      await table.getByRole('checkbox', { name: fill(c.table.selectOne, { name: 'Siti Rahayu' }) }).check();
      const bulk = page.getByTestId('contacts-bulk');
      await bulk.getByLabel(c.bulk.tag, { exact: true }).fill('vip');
      await bulk.getByRole('button', { name: c.bulk.addTag }).click();
      await page
        .getByTestId('toast')
        .filter({ hasText: fill(c.bulk.done.tag, { count: 1 }) })
        .waitFor();
      await table.getByText('vip', { exact: true }).waitFor();

      // 7. Filter by the new tag and save that as a segment; the picker then holds it, and it finds Siti.
      await page.goto(`${base}/contacts?tag=vip`, { waitUntil: 'networkidle' });
      const save = page.getByTestId('save-segment');
      await save.getByLabel(c.segments.name).fill('Pelanggan VIP');
      await save.getByRole('button', { name: c.segments.save }).click();
      await page
        .getByTestId('toast')
        .filter({ hasText: fill(c.segments.saved, { name: 'Pelanggan VIP' }) })
        .waitFor();
      const picker = page.getByTestId('contacts-filter').getByLabel(c.filter.segment);
      expect(await picker.locator('option:checked').innerText()).toBe('Pelanggan VIP');
      expect(await table.locator('tbody tr').count()).toBe(1);
      await table.getByRole('cell', { name: '+6281311112222', exact: true }).waitFor();

      // 8. Opt the contact out of every message, after a confirmation that says how many (Cancel changes nothing):
      // the row says so, and the reachable filter no longer finds it.
      const optOut = page.getByTestId('contacts-bulk').getByRole('button', { name: c.bulk.optOut });
      const confirmOptOut = page.getByRole('dialog', { name: c.bulk.confirmOptOut.title });
      await table.getByRole('checkbox', { name: fill(c.table.selectOne, { name: 'Siti Rahayu' }) }).check();
      await optOut.click();
      await confirmOptOut.getByText(fill(c.bulk.confirmOptOut.body, { formatted: '1' })).waitFor();
      await confirmOptOut.getByRole('link', { name: l.common.cancel }).click();
      await confirmOptOut.waitFor({ state: 'detached' });
      await table.getByText(c.status.reachable, { exact: true }).waitFor();
      await table.getByRole('checkbox', { name: fill(c.table.selectOne, { name: 'Siti Rahayu' }) }).check();
      await optOut.click();
      await confirmOptOut.getByRole('button', { name: c.bulk.confirmOptOut.confirm }).click();
      await page
        .getByTestId('toast')
        .filter({ hasText: fill(c.bulk.done.optOut, { count: 1 }) })
        .waitFor();
      await table.getByText(c.status.optedOut, { exact: true }).waitFor();

      // 8a. The contact's page: the consent the importer confirmed, and in the history (newest first) the opt-out
      // and the import's consent entry with its statement and source; fits a phone.
      await table.getByRole('link', { name: 'Siti Rahayu', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Siti Rahayu', exact: true }).waitFor();
      await page.getByText('Mendaftar di kasir toko dan setuju menerima promo.', { exact: false }).first().waitFor();
      const history = page.getByTestId('contact-history');
      expect(await history.locator('tbody tr td:nth-child(2)').allInnerTexts()).toEqual([
        c.history.kinds.OPTED_OUT,
        c.history.kinds.CONSENT,
      ]);
      expect(await history.locator('tbody tr:nth-child(2) td').allInnerTexts()).toEqual([
        expect.any(String),
        c.history.kinds.CONSENT,
        'IMPORT',
        'Mendaftar di kasir toko dan setuju menerima promo.',
      ]);
      await page.setViewportSize({ width: 390, height: 860 });
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
      await screenshot(page, `contact-detail-${lng}-390`);
      await page.setViewportSize({ width: 1280, height: 860 });

      await page.goto(`${base}/contacts?suppression=NONE`, { waitUntil: 'networkidle' });
      expect(await table.locator('tbody tr').count()).toBe(1);
      await table.getByRole('cell', { name: '+6285722223333', exact: true }).waitFor();
      await screenshot(page, `contacts-table-${lng}`);

      // 9. Export the whole book: both imported contacts, nothing of the rejected rows.
      await page.goto(`${base}/contacts`, { waitUntil: 'networkidle' });
      const [exported] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: c.actions.export }).click(),
      ]);
      const exportText = await downloaded(exported);
      expect(exportText).toContain('+6281311112222');
      expect(exportText).toContain('+6285722223333');
      expect(exportText).not.toContain('5551234');

      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
