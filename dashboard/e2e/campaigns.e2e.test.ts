import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import en from '../app/locales/en.json';
import id from '../app/locales/id.json';
import { callApi, createOwner, signInBrowser } from './support/api';
import { seriousAxeViolations } from './support/axe';
import { collectPageErrors, screenshot } from './support/browser';
import { TEST_META_APP, useMetaSimulator } from './support/meta';
import { usePortal } from './support/portal';
import { REPO_ROOT } from './support/stack';
import { waitFor } from './support/wait';

/**
 * A shop runs a campaign as a person does, once in each language on its own workspace: a draft for a tag, the
 * template's parameters mapped and previewed with a real contact, the estimate (one marketing opt-out left out, the
 * cost at Rp500 a message), a test send, the start; the progress and the delivered count rise as the Meta simulator
 * sends its status webhooks; pause and resume; two recipients Meta refuses (131026) are retargeted into a new draft.
 */
const fixtureTemplates = (
  JSON.parse(readFileSync(join(REPO_ROOT, '..', 'shared', 'fixtures', 'meta', 'template-list-page.json'), 'utf8')) as {
    data: Record<string, unknown>[];
  }
).data;

const LANGUAGES = [
  { lng: 'en', l: en, waba: '204000000000001', phoneId: '304000000000001', prefix: '62813100' },
  { lng: 'id', l: id, waba: '204000000000002', phoneId: '304000000000002', prefix: '62813200' },
] as const;

const RECIPIENTS = 10;
const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => String(values[name] ?? ''));

/** At 390 px and 1280 px: no sideways scrolling, no serious or critical axe finding, a screenshot of each. */
async function fitsPhone(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 860 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  expect({ name, width: 390, findings: await seriousAxeViolations(page) }).toEqual({ name, width: 390, findings: [] });
  await screenshot(page, `${name}-390`);
  await page.setViewportSize({ width: 1280, height: 860 });
  expect({ name, width: 1280, findings: await seriousAxeViolations(page) }).toEqual({
    name,
    width: 1280,
    findings: [],
  });
  await screenshot(page, `${name}-1280`);
}

const countOf = async (page: Page, key: string) =>
  Number(await page.getByTestId(`count-${key}`).locator('dd').innerText());

describe('campaigns in the browser', () => {
  const meta = useMetaSimulator();
  // One message in flight and two per claim, 300 ms per send at the simulator: the campaign runs a few seconds,
  // long enough to watch it and to pause it.
  const portal = usePortal({
    env: () => ({
      ...meta.portalEnv(),
      CAMPAIGN_MAX_IN_FLIGHT: '1',
      CAMPAIGN_BATCH_SIZE: '2',
      CAMPAIGN_TICK_MS: '500',
      PRICE_PER_MESSAGE: '500',
    }),
  });

  beforeAll(() => {
    meta.handle.simulator.sends.configure({
      latencyMs: 300,
      webhooks: {
        url: `${portal.stack.apiUrl}/api/webhooks/whatsapp`,
        appSecret: TEST_META_APP.secret,
        deliveredDelayMs: 200,
        readShare: 0,
      },
    });
  });

  it.each(LANGUAGES.map((language) => [language.lng, language] as const))(
    '%s: create a campaign for a tag, see the estimate, start, watch it deliver, pause, resume, retarget the failed',
    async (lng, { l, waba, phoneId, prefix }) => {
      const token = `EAAG-e2e-campaigns-${lng}-0123456789`;
      meta.handle.simulator.addAccount({
        wabaId: waba,
        token,
        messagingLimitTier: 'TIER_2K',
        numbers: [
          {
            id: phoneId,
            displayPhoneNumber: `+62 811-2000-000${lng === 'en' ? 1 : 2}`,
            verifiedName: 'Toko Contoh',
            qualityRating: 'GREEN',
            throughputLevel: 'STANDARD',
            isOnBizApp: false,
          },
        ],
        templates: fixtureTemplates,
      });
      const owner = await createOwner(portal.stack, { language: lng === 'en' ? 'EN' : 'ID' });
      const api = <T>(query: string, variables: Record<string, unknown> = {}) =>
        callApi<T>(portal.stack, query, variables, owner.sessionToken);
      const { connectChannel } = await api<{ connectChannel: { id: string } }>(
        `mutation ($input: ConnectChannelInput!) { connectChannel(input: $input) { id } }`,
        { input: { name: 'Toko utama', phoneNumberId: phoneId, wabaId: waba, accessToken: token } },
      );
      await api(`mutation ($id: ID!) { syncTemplates(channelId: $id) }`, { id: connectChannel.id });
      const names = ['Ani', 'Budi', 'Citra', 'Dewi', 'Eko', 'Fajar', 'Gita', 'Hadi', 'Intan', 'Joko', 'Kartika'];
      const phones = names.map((_name, index) => `${prefix}${String(index + 1).padStart(4, '0')}`);
      const ids: string[] = [];
      for (const [index, name] of names.entries()) {
        const { createContact } = await api<{ createContact: { id: string } }>(
          `mutation ($input: CreateContactInput!) { createContact(input: $input) { id } }`,
          { input: { phone: `+${phones[index]}`, name, tags: ['promo-desember'], consentStatement: 'Formulir toko' } },
        );
        ids.push(createContact.id);
      }
      // Someone without the tag, and Kartika, who opted out of marketing: neither receives the promotion.
      await api(`mutation ($input: CreateContactInput!) { createContact(input: $input) { id } }`, {
        input: { phone: `+${prefix}9999`, name: 'Tanpa tag' },
      });
      await api(
        `mutation ($selection: ContactSelection!) { optOutContacts(selection: $selection, kind: MARKETING) { affected } }`,
        { selection: { ids: [ids.at(-1)] } },
      );
      const { createTopup } = await api<{ createTopup: { order: { orderId: string } } }>(
        'mutation ($input: CreateTopupInput!) { createTopup(input: $input) { order { orderId } } }',
        { input: { amount: 100_000 } },
      );
      const settled = await fetch(
        `${portal.stack.midtransUrl}/__simulator/midtrans/transactions/${createTopup.order.orderId}`,
        {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ transaction_status: 'settlement', payment_type: 'gopay' }),
        },
      );
      expect(settled.ok).toBe(true);
      // Meta refuses two recipients for good (131026): one at once, one in a `failed` webhook after accepting it.
      meta.handle.simulator.sends.failSends({ recipient: phones[2]!, code: 131026 });
      meta.handle.simulator.sends.failSends({ recipient: phones[5]!, code: 131026, mode: 'async' });

      const context = await portal.chromium.newContext({
        locale: lng === 'en' ? 'en-US' : 'id-ID',
        viewport: { width: 1280, height: 860 },
      });
      try {
        await signInBrowser(context, portal.stack, owner.sessionToken, lng);
        const page = await context.newPage();
        const errors = collectPageErrors(page);
        await page.goto(`${portal.stack.dashboardUrl}/campaigns`, { waitUntil: 'networkidle' });
        await page.getByRole('heading', { level: 1, name: l.campaigns.title }).waitFor();
        await page.getByTestId('campaigns-empty').waitFor();
        await page.getByRole('link', { name: l.campaigns.new }).click();

        // Step one: a name and the number.
        await page.getByRole('heading', { level: 1, name: l.campaigns.create.title }).waitFor();
        await page.getByLabel(l.campaigns.editor.name, { exact: true }).fill('Promo Desember');
        await page.getByRole('button', { name: l.campaigns.create.submit }).click();
        await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}\/edit$/);
        const campaignUrl = page.url().replace(/\/edit$/, '');

        // The template, then its parameters (a save shows them), the audience and a preview with a real contact.
        const draft = page.getByRole('form', { name: l.campaigns.editor.formLabel });
        const templateSelect = draft.getByLabel(l.campaigns.editor.template, { exact: true });
        const promo = await templateSelect.locator('option', { hasText: 'promo_akhir_tahun' }).getAttribute('value');
        await templateSelect.selectOption(promo ?? '');
        await draft.getByLabel(l.campaigns.audience.TAGS, { exact: true }).check();
        await draft.getByLabel(l.campaigns.editor.tags, { exact: true }).fill('promo-desember');
        await page.getByRole('button', { name: l.campaigns.editor.save }).click();
        await page.getByText(l.campaigns.editor.saved).waitFor();
        const parameter = (name: string) => draft.locator('fieldset', { has: page.getByText(`{{${name}}}`) });
        await parameter('first_name').getByLabel(l.campaigns.editor.source, { exact: true }).selectOption('NAME');
        await parameter('first_name').getByLabel(l.campaigns.editor.fallback, { exact: true }).fill('Pelanggan');
        await parameter('discount').getByLabel(l.campaigns.editor.source, { exact: true }).selectOption('TEXT');
        await parameter('discount').getByLabel(l.campaigns.editor.value, { exact: true }).fill('20%');
        await parameter('end_date').getByLabel(l.campaigns.editor.source, { exact: true }).selectOption('TEXT');
        // A fixed text left empty is refused beside its field, in the reader's language, and nothing is saved.
        await page.getByRole('button', { name: l.campaigns.editor.save }).click();
        await parameter('end_date').getByText(l.validation.required).waitFor();
        await parameter('end_date').getByLabel(l.campaigns.editor.value, { exact: true }).fill('31 Desember');
        await page.getByRole('button', { name: l.campaigns.editor.save }).click();
        await page.getByText(l.campaigns.editor.saved).waitFor();
        // The saved mapping fills the preview with the first contact of the audience (the save reloads the page).
        const previewText = () => page.getByTestId('campaign-preview').innerText();
        const filled =
          /^Halo (Ani|Budi|Citra|Dewi|Eko|Fajar|Gita|Hadi|Intan|Joko), nikmati diskon 20% sampai 31 Desember\.$/;
        await waitFor(async () => filled.test(await previewText()), {
          timeoutMs: 10_000,
          describe: () => 'the preview to show a contact’s values',
        });

        // The estimate: 11 with the tag, Kartika left out, 10 x Rp500 against the Rp100.000 topped up.
        const estimate = page.getByTestId('campaign-estimate');
        const figure = (label: string) =>
          estimate
            .locator('.campaign-figure', { has: page.getByText(label, { exact: true }) })
            .locator('dd')
            .first();
        expect(await figure(l.campaigns.estimate.recipients).innerText()).toBe(String(RECIPIENTS));
        expect(await figure(l.campaigns.estimate.matched).innerText()).toBe('11');
        expect(await figure(l.campaigns.estimate.suppressed).innerText()).toBe('1');
        expect(await figure(l.campaigns.estimate.cost).innerText()).toBe('Rp5.000');
        expect(await figure(l.campaigns.estimate.available).innerText()).toBe('Rp100.000');
        await fitsPhone(page, `campaign-editor-${lng}`);

        // A test send to the shop's own number.
        await page.getByLabel(l.campaigns.test.phone, { exact: true }).fill('0812-9999-0000');
        await page.getByRole('button', { name: l.campaigns.test.send }).click();
        await page.getByText(l.campaigns.test.sent).waitFor();

        // Start: the detail page follows it live.
        await page.getByTestId('campaign-start').click();
        await page.waitForURL(campaignUrl);
        await page.getByText(l.campaigns.launch.started).waitFor();
        await waitFor(async () => (await countOf(page, 'delivered')) > 0, {
          timeoutMs: 30_000,
          describe: () => 'the delivered count to rise',
        });
        const status = page.getByTestId('campaign-status');
        if ((await status.innerText()) === l.campaigns.status.RUNNING) {
          await page.getByRole('button', { name: l.campaigns.actions.pause }).click();
          await page.getByText(l.campaigns.actions.done.pause).waitFor();
          expect(await status.innerText()).toBe(l.campaigns.status.PAUSED);
          await page.getByTestId('campaign-pause-reason').waitFor();
          await fitsPhone(page, `campaign-paused-${lng}`);
          await page.getByRole('button', { name: l.campaigns.actions.resume }).click();
          await page.getByText(l.campaigns.actions.done.resume).waitFor();
        } else {
          throw new Error(`the campaign finished before it could be paused: ${await status.innerText()}`);
        }
        await waitFor(async () => (await status.innerText()) === l.campaigns.status.COMPLETED, {
          timeoutMs: 60_000,
          describe: () => 'the campaign to complete',
        });
        await waitFor(async () => (await countOf(page, 'delivered')) === RECIPIENTS - 2, {
          timeoutMs: 30_000,
          describe: () => 'every accepted message to be delivered',
        });
        expect(await countOf(page, 'failed')).toBe(2);
        expect(await countOf(page, 'total')).toBe(RECIPIENTS);
        expect(await page.getByTestId('campaign-progress').getAttribute('aria-valuenow')).toBe('100');
        await page
          .getByRole('img', {
            name: fill(l.campaigns.chart.label, { interval: fill(l.campaigns.chart.minutes_one, { count: 1 }) }),
          })
          .waitFor();

        // The recipients Meta refused, by status and by error code.
        await page.getByLabel(l.campaigns.recipients.status, { exact: true }).selectOption('FAILED');
        await page.getByRole('button', { name: l.campaigns.list.filter }).click();
        await page.waitForURL(/status=FAILED/);
        const failedRows = page.getByTestId('campaign-recipients').locator('tbody tr');
        await waitFor(async () => (await failedRows.count()) === 2, {
          timeoutMs: 30_000,
          describe: () => 'the two failed recipients',
        });
        expect(await failedRows.filter({ hasText: '131026' }).count()).toBe(2);
        await fitsPhone(page, `campaign-detail-${lng}`);

        // Retarget the failed into a new draft: its estimate counts just those two.
        await page.getByRole('button', { name: l.campaigns.retarget.submit }).click();
        await page.getByText(l.campaigns.retarget.created).waitFor();
        await page.waitForURL(/\/campaigns\/[0-9a-f-]{36}\/edit$/);
        expect(page.url()).not.toContain(campaignUrl);
        await page.getByText(l.campaigns.audience.retargetNote).waitFor();
        const again = page.getByTestId('campaign-estimate');
        expect(
          await again
            .locator('.campaign-figure', { has: page.getByText(l.campaigns.estimate.recipients, { exact: true }) })
            .locator('dd')
            .first()
            .innerText(),
        ).toBe('2');

        // The list shows both, the first completed at 100 %.
        await page.goto(`${portal.stack.dashboardUrl}/campaigns`, { waitUntil: 'networkidle' });
        const rows = page.getByTestId('campaigns').locator('tbody tr');
        expect(await rows.count()).toBe(2);
        await rows.filter({ hasText: l.campaigns.status.COMPLETED }).getByText('Rp4.000').waitFor();
        await fitsPhone(page, `campaigns-${lng}`);
        // The one refused save answered 400 (the form's errors); nothing else went wrong in the browser.
        expect(errors).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
      } catch (error) {
        // What the page showed when it went wrong (in the ignored results folder).
        const [open] = context.pages();
        if (open) await screenshot(open, `campaign-failure-${lng}`).catch(() => undefined);
        console.error(
          portal.stack
            .output()
            .split('\n')
            .filter((line) => /error|warn/i.test(line))
            .slice(-15)
            .join('\n'),
        );
        throw error;
      } finally {
        await context.close();
      }
    },
    180_000,
  );
});
