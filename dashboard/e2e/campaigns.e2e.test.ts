import type { Locator, Page } from 'playwright-core';
import en from '../app/locales/en.json';
import id from '../app/locales/id.json';
import { callApi, createOwner } from './support/api';
import { seriousAxeViolations } from './support/axe';
import { screenshot } from './support/browser';
import { chartLegibility } from './support/chart';
import { TEST_META_APP, useMetaSimulator } from './support/meta';
import { signedInPage, usePortal } from './support/portal';
import { arrive, waitFor } from './support/wait';
import { connectSimulatedChannel, promoDraft, topUp } from './support/workspace';

/**
 * A shop runs a campaign as a person does, once in each language on its own workspace: a draft for a tag, the
 * template's parameters mapped and previewed with a real contact, the estimate (one marketing opt-out left out, the
 * cost at Rp500 a message), a test send, the start; the progress and the delivered count rise as the Meta simulator
 * sends its status webhooks; pause and resume; a recipient's photo and place replies on the campaign page; two
 * recipients Meta refuses (131026) are retargeted into a new draft.
 */
const LANGUAGES = [
  { lng: 'en', l: en, waba: '204000000000001', phoneId: '304000000000001', prefix: '62813100' },
  { lng: 'id', l: id, waba: '204000000000002', phoneId: '304000000000002', prefix: '62813200' },
] as const;

const RECIPIENTS = 10;
const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => String(values[name] ?? ''));

/**
 * At 390 px and 1280 px: no sideways scrolling, no serious or critical axe finding, every chart's words readable
 * (inside it, none over another), a screenshot of each.
 */
async function fitsPhone(page: Page, name: string) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 860 });
    if (width === 390) {
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    }
    expect({ name, width, findings: await seriousAxeViolations(page) }).toEqual({ name, width, findings: [] });
    await screenshot(page, `${name}-${width}`);
    for (const { outside, overlapping } of await chartLegibility(page)) {
      expect({ name, width, outside, overlapping }).toEqual({ name, width, outside: [], overlapping: [] });
    }
  }
}

/** `field` is marked invalid and its description (aria-describedby) says `message`, beside it in its own field. */
async function expectRefusedBeside(field: Locator, message: string) {
  expect(await field.getAttribute('aria-invalid')).toBe('true');
  const described = (await field.getAttribute('aria-describedby'))?.split(' ') ?? [];
  const texts = await Promise.all(
    described.map((descriptionId) => field.page().locator(`[id="${descriptionId}"]`).innerText()),
  );
  expect(texts).toContain(message);
  await field.locator('xpath=..').getByText(message, { exact: true }).waitFor();
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
      CAMPAIGN_MAX_SPREAD_DAYS: '1',
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
      const owner = await createOwner(portal.stack, { language: lng === 'en' ? 'EN' : 'ID' });
      const api = <T>(query: string, variables: Record<string, unknown> = {}) =>
        callApi<T>(portal.stack, query, variables, owner.sessionToken);
      await connectSimulatedChannel(meta.handle.simulator, portal.stack, owner, {
        wabaId: waba,
        token: `EAAG-e2e-campaigns-${lng}-0123456789`,
        name: 'Toko utama',
        number: { id: phoneId, displayPhoneNumber: `+62 811-2000-000${lng === 'en' ? 1 : 2}` },
      });
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
      await topUp(portal.stack, owner, 100_000);
      // Meta refuses two recipients for good (131026): one at once, one in a `failed` webhook after accepting it.
      meta.handle.simulator.sends.failSends({ recipient: phones[2]!, code: 131026 });
      meta.handle.simulator.sends.failSends({ recipient: phones[5]!, code: 131026, mode: 'async' });

      const { context, page, errors } = await signedInPage(portal, owner.sessionToken, lng);
      try {
        await page.goto(`${portal.stack.dashboardUrl}/campaigns`, { waitUntil: 'networkidle' });
        await page.getByRole('heading', { level: 1, name: l.campaigns.title }).waitFor();
        await page.getByTestId('campaigns-empty').waitFor();
        await page.getByRole('link', { name: l.campaigns.new }).click();

        // Step one: a name and the number.
        await page.getByRole('heading', { level: 1, name: l.campaigns.create.title }).waitFor();
        await page.getByLabel(l.campaigns.editor.name, { exact: true }).fill('Promo Desember');
        await page.getByRole('button', { name: l.campaigns.create.submit }).click();
        await arrive(page, /\/campaigns\/[0-9a-f-]{36}\/edit$/, page.getByText(l.campaigns.create.created));
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
        // Three mistakes in nested fields: a fixed text left empty (mapping.2.value), a fallback Meta would refuse
        // for its run of spaces (mapping.0.fallback), a window with a start and no end (window.end). Each is refused
        // beside its own field, in the reader's language, the form says how many, and nothing is saved.
        const firstFallback = parameter('first_name').getByLabel(l.campaigns.editor.fallback, { exact: true });
        await firstFallback.fill('Pelanggan      setia');
        const windowStart = draft.getByLabel(l.campaigns.editor.windowStart, { exact: true });
        const windowEnd = draft.getByLabel(l.campaigns.editor.windowEnd, { exact: true });
        await windowStart.fill('08:00');
        await page.getByRole('button', { name: l.campaigns.editor.save }).click();
        await draft.getByText(fill(l.campaigns.form.fixFields_other, { count: 3 })).waitFor();
        await expectRefusedBeside(
          parameter('end_date').getByLabel(l.campaigns.editor.value, { exact: true }),
          l.validation.required,
        );
        await expectRefusedBeside(firstFallback, l.campaigns.form.parameterText);
        await expectRefusedBeside(windowEnd, l.campaigns.form.windowBoth);
        expect(await windowStart.getAttribute('aria-invalid')).toBeNull();
        expect(await parameter('discount').locator('[aria-invalid]').count()).toBe(0);
        await fitsPhone(page, `campaign-editor-errors-${lng}`);
        await firstFallback.fill('Pelanggan');
        await parameter('end_date').getByLabel(l.campaigns.editor.value, { exact: true }).fill('31 Desember');
        await windowStart.fill('');
        await page.getByRole('button', { name: l.campaigns.editor.save }).click();
        // The earlier save's toast may still be up: the refusal's summary leaving is what says this save went through.
        await draft.getByText(fill(l.campaigns.form.fixFields_other, { count: 3 })).waitFor({ state: 'detached' });
        await page.getByText(l.campaigns.editor.saved).waitFor();
        expect(await draft.locator('[aria-invalid="true"]').count()).toBe(0);
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
        // Ten recipients fit today's messaging limit: one start, no choice to make.
        expect(await page.getByTestId('campaign-launch-choice').count()).toBe(0);
        await page.getByTestId('campaign-start').click();
        await arrive(page, campaignUrl, page.getByText(l.campaigns.launch.started));
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
        await arrive(page, /status=FAILED/, page.getByTestId('campaign-recipients'));
        const failedRows = page.getByTestId('campaign-recipients').locator('tbody tr');
        await waitFor(async () => (await failedRows.count()) === 2, {
          timeoutMs: 30_000,
          describe: () => 'the two failed recipients',
        });
        expect(await failedRows.filter({ hasText: '131026' }).count()).toBe(2);

        // Ani answers the promotion with a photo and a shared place (the simulator sends them as Meta does, signed):
        // both appear among the campaign's replies, with her name, the photo's kind and caption, the place's name.
        const caption = lng === 'en' ? 'Is this one still discounted?' : 'Yang ini masih diskon?';
        const place = { name: 'Toko Cabang Braga', address: 'Jl. Braga No. 10, Bandung' };
        meta.handle.simulator.sends.inbound({
          phoneNumberId: phoneId,
          from: phones[0]!,
          message: { type: 'image', mimeType: 'image/jpeg', caption },
        });
        meta.handle.simulator.sends.inbound({
          phoneNumberId: phoneId,
          from: phones[0]!,
          message: { type: 'location', latitude: -6.9175, longitude: 107.6191, ...place },
        });
        const replies = page.getByTestId('campaign-replies');
        await waitFor(
          async () => {
            if ((await replies.count()) === 1 && (await replies.locator('li').count()) === 2) return true;
            await page.reload({ waitUntil: 'networkidle' });
            return false;
          },
          { timeoutMs: 15_000, describe: () => 'the photo and place replies on the campaign page' },
        );
        await page.getByText(fill(l.campaigns.replies.title_other, { count: 2 }), { exact: true }).waitFor();
        const photo = replies.locator('li', { hasText: caption });
        expect(await photo.getByRole('link', { name: 'Ani', exact: true }).count()).toBe(1);
        expect(await photo.getByText(l.contacts.replies.kinds.image, { exact: true }).count()).toBe(1);
        const shared = replies.locator('li', { hasText: place.name });
        expect(await shared.getByText(place.address, { exact: true }).count()).toBe(1);
        expect(await shared.getByRole('link', { name: l.contacts.replies.openMap, exact: true }).count()).toBe(1);
        await fitsPhone(page, `campaign-detail-${lng}`);

        // Retarget the failed into a new draft: its estimate counts just those two.
        await page.getByRole('button', { name: l.campaigns.retarget.submit }).click();
        await arrive(page, /\/campaigns\/[0-9a-f-]{36}\/edit$/, page.getByText(l.campaigns.retarget.created));
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
        await reportFailure(page, `campaign-failure-${lng}`);
        throw error;
      } finally {
        await context.close();
      }
    },
    180_000,
  );

  // The smallest messaging limit Meta gives (TIER_250: 250 unique recipients per 24 h) and 260 recipients: two days
  // at the limit, beyond the one day this portal is configured to spread a campaign over (CAMPAIGN_MAX_SPREAD_DAYS).
  it.each([
    ['en', en, '204000000000011', '304000000000011', '62813300'],
    ['id', id, '204000000000012', '304000000000012', '62813400'],
  ] as const)(
    '%s: beyond the messaging limit’s spread, the start offers today’s share only, explained, and sends just that',
    async (lng, l, waba, phoneId, prefix) => {
      const owner = await createOwner(portal.stack, { language: lng === 'en' ? 'EN' : 'ID' });
      const api = <T>(query: string, variables: Record<string, unknown> = {}) =>
        callApi<T>(portal.stack, query, variables, owner.sessionToken);
      const { channelId, templateIds } = await connectSimulatedChannel(meta.handle.simulator, portal.stack, owner, {
        wabaId: waba,
        token: `EAAG-e2e-today-share-${lng}-0123456789`,
        name: 'Toko kecil',
        number: { id: phoneId, displayPhoneNumber: `+62 811-2000-001${lng === 'en' ? 1 : 2}` },
        messagingLimitTier: 'TIER_250',
      });
      const AUDIENCE = 260;
      const SHARE = 250;
      for (let start = 0; start < AUDIENCE; start += 20) {
        await Promise.all(
          Array.from({ length: Math.min(20, AUDIENCE - start) }, (_unused, offset) =>
            api(`mutation ($input: CreateContactInput!) { createContact(input: $input) { id } }`, {
              input: {
                phone: `+${prefix}${String(start + offset + 1).padStart(4, '0')}`,
                name: `Pelanggan ${start + offset + 1}`,
                tags: ['grosir'],
                consentStatement: 'Formulir toko',
              },
            }),
          ),
        );
      }
      await topUp(portal.stack, owner, 200_000);
      const campaignId = await promoDraft(portal.stack, owner, {
        name: 'Promo grosir',
        channelId,
        templateId: templateIds.promo_akhir_tahun!,
        tag: 'grosir',
      });
      const campaignUrl = `${portal.stack.dashboardUrl}/campaigns/${campaignId}`;
      const { context, page, errors } = await signedInPage(portal, owner.sessionToken, lng);
      try {
        await page.goto(`${campaignUrl}/edit`, { waitUntil: 'networkidle' });
        await page.getByRole('heading', { level: 1, name: l.campaigns.editor.title }).waitFor();
        // The estimate says why: 250 left today of 250 per 24 hours, two days.
        const estimate = page.getByTestId('campaign-estimate');
        await estimate.getByText(fill(l.campaigns.estimate.exceedsSpread_other, { count: 2 })).waitFor();
        // The choice, with what each start means in the reader's language.
        const choice = page.getByRole('group', { name: fill(l.campaigns.launch.choice.title_other, { count: 2 }) });
        await choice.getByText(fill(l.campaigns.launch.choice.intro_other, { count: 2 })).waitFor();
        await choice
          .getByText(fill(l.campaigns.launch.choice.todayBody_other, { share: SHARE, rest: AUDIENCE - SHARE }))
          .waitFor();
        await choice
          .getByText(fill(l.campaigns.launch.choice.allBody_other, { recipients: AUDIENCE, count: 2 }))
          .waitFor();
        const startAll = choice.getByRole('button', {
          name: fill(l.campaigns.launch.choice.startAll_other, { count: 2 }),
        });
        await startAll.waitFor();
        await fitsPhone(page, `campaign-today-share-${lng}`);

        await choice
          .getByRole('button', { name: fill(l.campaigns.launch.choice.startToday_other, { share: SHARE }) })
          .click();
        await arrive(page, campaignUrl, page.getByText(l.campaigns.launch.startedToday));
        // Only today's share was taken in: 250 recipients, 250 x Rp500 reserved of the Rp200.000 (what is sent is
        // charged from that hold, so the available balance stays at Rp75.000 while it sends).
        expect(await countOf(page, 'total')).toBe(SHARE);
        const { wallet } = await api<{ wallet: { available: number } }>('{ wallet { available } }');
        expect(Number(wallet.available)).toBe(200_000 - SHARE * 500);

        // Cancelling asks first; confirmed, it stops and says so.
        await page.getByRole('link', { name: l.campaigns.actions.cancel }).click();
        const dialog = page.getByRole('dialog', { name: l.campaigns.actions.cancelTitle });
        await dialog.getByText(fill(l.campaigns.actions.cancelBody, { name: 'Promo grosir' })).waitFor();
        await dialog.getByRole('button', { name: l.campaigns.actions.cancelConfirm }).click();
        await arrive(page, campaignUrl, page.getByText(l.campaigns.actions.done.cancel));
        expect(await page.getByTestId('campaign-status').innerText()).toBe(l.campaigns.status.CANCELLED);
        expect(errors).toEqual([]);
      } catch (error) {
        await reportFailure(page, `campaign-today-failure-${lng}`);
        throw error;
      } finally {
        await context.close();
      }
    },
    180_000,
  );

  /** What the page showed when a test went wrong (in the ignored results folder), and the portal's last warnings. */
  async function reportFailure(page: Page, name: string) {
    await screenshot(page, name).catch(() => undefined);
    console.error(
      portal.stack
        .output()
        .split('\n')
        .filter((line) => /error|warn/i.test(line))
        .slice(-15)
        .join('\n'),
    );
  }
});
