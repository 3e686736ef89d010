import type { Page } from 'playwright-core';
import en from '../app/locales/en.json';
import id from '../app/locales/id.json';
import { callApi, createOwner, inviteMember, acceptAsNewAccount } from './support/api';
import { screenshot } from './support/browser';
import { TEST_META_APP, accountUpdate, inboundText, postMetaWebhook, useMetaSimulator } from './support/meta';
import { signedInPage, usePortal } from './support/portal';
import { arrive, waitFor } from './support/wait';
import { FIXTURE_TEMPLATES, connectSimulatedChannel } from './support/workspace';

/**
 * A shop connects its WhatsApp number as a person does, once in each language on its own workspace: a malformed
 * id and a token Meta refuses are explained beside their fields, the right token connects the number (checked
 * against the Meta simulator), its templates are synced and previewed, and a customer's reply (a webhook signed
 * as Meta signs it) shows on the contact's page. A viewer sees the channel without the forms.
 */
// Two more, in Meta's shapes: media header and buttons with a dynamic URL; a carousel campaigns cannot fill yet.
const extraTemplates = [
  {
    id: '1234567890123458',
    name: 'resi_pengiriman',
    language: 'id',
    status: 'APPROVED',
    category: 'UTILITY',
    parameter_format: 'POSITIONAL',
    components: [
      { type: 'HEADER', format: 'IMAGE', example: { header_handle: ['4::aW1hZ2U='] } },
      { type: 'BODY', text: 'Paket {{1}} sudah dikirim.', example: { body_text: [['A-17']] } },
      {
        type: 'BUTTONS',
        buttons: [
          {
            type: 'URL',
            text: 'Lacak paket',
            url: 'https://toko.example/lacak/{{1}}',
            example: ['https://toko.example/lacak/A17'],
          },
          { type: 'QUICK_REPLY', text: 'Berhenti promo' },
        ],
      },
    ],
  },
  {
    id: '1234567890123459',
    name: 'katalog_carousel',
    language: 'id',
    status: 'APPROVED',
    category: 'MARKETING',
    parameter_format: 'POSITIONAL',
    components: [
      { type: 'BODY', text: 'Lihat produk terbaru kami.' },
      { type: 'CAROUSEL', cards: [{ components: [{ type: 'HEADER', format: 'IMAGE' }] }] },
    ],
  },
  {
    id: '1234567890123460',
    name: 'kode_masuk',
    language: 'id',
    status: 'APPROVED',
    category: 'AUTHENTICATION',
    parameter_format: 'POSITIONAL',
    components: [
      { type: 'BODY', text: '{{1}} adalah kode verifikasi Anda.' },
      { type: 'BUTTONS', buttons: [{ type: 'OTP', otp_type: 'COPY_CODE', text: 'Salin kode' }] },
    ],
  },
];

const LANGUAGES = [
  { lng: 'en', l: en, waba: '203000000000001', phoneId: '303000000000001', display: '+62 811-1000-0001' },
  { lng: 'id', l: id, waba: '203000000000002', phoneId: '303000000000002', display: '+62 811-1000-0002' },
] as const;

const fill = (text: string, values: Record<string, string | number>) =>
  text.replace(/\{\{(\w+)\}\}/g, (_match, name: string) => String(values[name] ?? ''));

async function fitsPhone(page: Page, name: string) {
  await page.setViewportSize({ width: 390, height: 860 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await screenshot(page, `${name}-390`);
  await page.setViewportSize({ width: 1280, height: 860 });
  await screenshot(page, `${name}-1280`);
}

describe('channels, templates and replies in the browser', () => {
  const meta = useMetaSimulator();
  const portal = usePortal({ env: () => meta.portalEnv() });

  it.each(LANGUAGES.map((language) => [language.lng, language] as const))(
    '%s: connect a number against Meta, sync and preview its templates, see a customer reply on the contact',
    async (lng, { l, waba, phoneId, display }) => {
      const token = `EAAG-e2e-system-user-${lng}-0123456789`;
      meta.handle.simulator.addAccount({
        wabaId: waba,
        token,
        messagingLimitTier: 'TIER_2K',
        numbers: [
          {
            id: phoneId,
            displayPhoneNumber: display,
            verifiedName: 'Toko Contoh',
            qualityRating: 'GREEN',
            throughputLevel: 'STANDARD',
            isOnBizApp: false,
          },
        ],
        templates: [...FIXTURE_TEMPLATES, ...extraTemplates],
      });
      const owner = await createOwner(portal.stack, { language: lng === 'en' ? 'EN' : 'ID' });
      const customer = lng === 'en' ? '6281234500001' : '6281234500002';
      await callApi(
        portal.stack,
        `mutation ($input: CreateContactInput!) { createContact(input: $input) { id } }`,
        { input: { phone: `+${customer}`, name: 'Sari Wulandari' } },
        owner.sessionToken,
      );
      const { context, page, errors } = await signedInPage(portal, owner.sessionToken, lng);
      try {
        const base = portal.stack.dashboardUrl;
        const c = l.channels;

        // 1. The sidebar leads to the channels page, empty at first.
        await page.goto(`${base}/dashboard`, { waitUntil: 'networkidle' });
        await page
          .getByRole('navigation', { name: l.shell.nav.label })
          .getByRole('link', { name: l.shell.nav.channels })
          .click();
        await page.getByRole('heading', { level: 1, name: c.title, exact: true }).waitFor();
        await page.getByTestId('channels-empty').waitFor();

        // 2. A phone number written as a phone number is refused beside its field, before anything reaches Meta.
        await page.getByLabel(c.form.name, { exact: true }).fill('Toko utama');
        await page.getByLabel(c.form.phoneNumberId, { exact: true }).fill('+62 811 1000');
        await page.getByLabel(c.form.wabaId, { exact: true }).fill(waba);
        await page.getByLabel(c.form.accessToken, { exact: true }).fill('EAAG-a-token-meta-refuses-000');
        await page.getByRole('button', { name: c.connect.submit, exact: true }).click();
        await page.getByText(c.form.metaIdFormat).waitFor();
        const calls = meta.handle.simulator.calls.length;

        // 3. A token Meta refuses: said beside the token field, nothing connected, the token not written back.
        await page.getByLabel(c.form.phoneNumberId, { exact: true }).fill(phoneId);
        await page.getByRole('button', { name: c.connect.submit, exact: true }).click();
        await page.getByText(c.tokenRefused).first().waitFor();
        expect(meta.handle.simulator.calls.length).toBeGreaterThan(calls);
        expect(await page.getByTestId('channels-empty').count()).toBe(1);

        // 4. The right token connects it: Meta's facts and what was verified, and the token is nowhere on the page.
        await page.getByLabel(c.form.accessToken, { exact: true }).fill(token);
        await page.getByRole('button', { name: c.connect.submit, exact: true }).click();
        await page
          .getByTestId('toast')
          .getByText(fill(c.connected, { name: 'Toko utama' }))
          .waitFor();
        const card = page.getByTestId(`channel-${phoneId}`);
        await card.getByText(display, { exact: true }).waitFor();
        expect(await card.getByText(c.quality.GREEN, { exact: true }).count()).toBe(1);
        expect(await card.getByText(fill(c.facts.throughputValue_other, { rate: '80' }), { exact: true }).count()).toBe(
          1,
        );
        expect(await card.getByTestId('channel-messaging-limit').locator('dd').innerText()).toContain(
          fill(c.limit.limited, { recipients: '2.000' }),
        );
        // Today's use of the portfolio's limit: nothing sent yet, all of it left.
        expect(await card.getByTestId('channel-messaging-use').innerText()).toBe(
          fill(c.limit.usedToday, { used: '0', remaining: '2.000' }),
        );
        const verified = card.getByTestId('channel-verified');
        expect(await verified.getByText(c.verified.subscribed, { exact: true }).count()).toBe(1);
        expect(await verified.getByText(fill(c.verified.portfolio, { portfolio: `9${waba}` })).count()).toBe(1);
        expect(await page.content()).not.toContain(token);
        const connectForm = page.getByRole('region', { name: c.connect.title });
        expect(await connectForm.getByLabel(c.form.accessToken, { exact: true }).inputValue()).toBe('');
        expect(meta.handle.simulator.account(waba)?.subscribedAppIds).toEqual(['1000000000000042']);

        // 5. Checking again asks Meta and says so.
        await card.getByRole('button', { name: c.check.submit }).click();
        await page
          .getByTestId('toast')
          .getByText(fill(c.checked, { name: 'Toko utama' }))
          .waitFor();
        await fitsPhone(page, `channels-${lng}`);

        // 5a. Replies forwarded to the shop's own system: plain http to a public host is refused beside the field;
        // a loopback address (allowed outside production) is saved and its signing secret shown this once.
        const forwarding = page.getByRole('region', { name: c.forwarding.title });
        await forwarding.getByLabel(c.forwarding.url).fill('http://example.com/replies');
        await forwarding.getByRole('button', { name: l.common.save }).click();
        await forwarding.getByText(c.forwarding.httpsRequired).waitFor();
        await forwarding.getByLabel(c.forwarding.url).fill('http://127.0.0.1:9/replies');
        await forwarding.getByRole('button', { name: l.common.save }).click();
        expect(await forwarding.getByTestId('reply-forwarding-secret').inputValue()).toMatch(/^whsec_/);
        await forwarding.getByTestId('reply-forwarding-state').getByText('http://127.0.0.1:9/replies').waitFor();
        await screenshot(page, `channels-forwarding-secret-${lng}`);
        await page.reload({ waitUntil: 'networkidle' });
        expect(await page.getByTestId('reply-forwarding-secret').count()).toBe(0);
        expect(await page.getByTestId('reply-forwarding-state').innerText()).toContain(c.forwarding.on);

        // 6. Templates: synced from Meta, each with its status, category and a preview with its parameters.
        const tp = l.templates;
        await page
          .getByRole('navigation', { name: l.shell.nav.label })
          .getByRole('link', { name: l.shell.nav.templates })
          .click();
        await page.getByRole('heading', { level: 1, name: tp.title, exact: true }).waitFor();
        await page.getByTestId('templates-empty').waitFor();
        await page.getByText(tp.createdAtMeta).waitFor();
        await page.getByRole('button', { name: tp.sync }).click();
        await page
          .getByTestId('toast')
          .getByText(fill(tp.synced, { count: 5 }))
          .waitFor();
        const list = page.getByTestId('templates');
        expect(await list.locator('article h3').allInnerTexts()).toEqual([
          'katalog_carousel',
          'kode_masuk',
          'order_shipped',
          'promo_akhir_tahun',
          'resi_pengiriman',
        ]);
        const promo = page.getByTestId('template-promo_akhir_tahun-id');
        expect(await promo.getByTestId('template-body').innerText()).toBe(
          'Halo {{first_name}}, nikmati diskon {{discount}} sampai {{end_date}}.',
        );
        expect(await promo.getByText(tp.parameters.named, { exact: true }).count()).toBe(1);
        expect(await promo.getByTestId('template-parameters').innerText()).toContain(
          fill(tp.parameters.example, { example: 'Budi' }),
        );
        expect(await promo.getByText(tp.status.APPROVED, { exact: true }).count()).toBe(1);
        expect(await promo.getByText(tp.category.MARKETING, { exact: true }).count()).toBe(1);
        const receipt = page.getByTestId('template-resi_pengiriman-id');
        expect(await receipt.getByText(tp.media.IMAGE, { exact: true }).count()).toBe(1);
        expect(await receipt.getByText('Lacak paket', { exact: true }).count()).toBe(1);
        expect(await receipt.getByText(tp.parameters.where.button, { exact: false }).count()).toBe(1);
        const carousel = page.getByTestId('template-katalog_carousel-id');
        expect(await carousel.getByText(tp.unsupported.CAROUSEL, { exact: true }).count()).toBe(1);
        const otp = page.getByTestId('template-kode_masuk-id');
        expect(await otp.getByText(tp.unsupported.AUTHENTICATION, { exact: true }).count()).toBe(1);
        expect(await page.getByTestId('template-order_shipped-en').getByText(tp.parameters.positional).count()).toBe(1);
        await fitsPhone(page, `templates-${lng}`);
        // The header's search finds it by name, its language and category (in the reader's words) on the second line.
        await page.keyboard.press('Control+k');
        await page.getByRole('combobox', { name: l.search.label }).fill('promo_akhir');
        const hit = page.getByRole('option').filter({ hasText: 'promo_akhir_tahun' });
        await hit.waitFor();
        expect(await hit.textContent()).toContain(`${l.search.kind.TEMPLATE} · id · ${tp.category.MARKETING}`);
        await page.keyboard.press('Escape');
        // A page cursor of a template that is gone (a later sync dropped it): the first page, not an error page.
        await page.goto(`${base}/templates?after=0190a000-0000-7000-8000-000000000000`, { waitUntil: 'networkidle' });
        await arrive(
          page,
          (url) => url.pathname === '/templates' && !url.searchParams.has('after'),
          page.getByTestId('template-promo_akhir_tahun-id'),
        );

        // 7. The customer replies: Meta's signed webhook, then the reply on her page, with the channel's webhook time.
        const reply = lng === 'en' ? 'Is the year-end promo still on?' : 'Apakah promo akhir tahun masih ada?';
        const answer = await postMetaWebhook(
          portal.stack,
          inboundText(
            { wabaId: waba, phoneNumberId: phoneId, displayNumber: display.replace(/\D/g, '') },
            customer,
            reply,
          ),
        );
        expect(answer.status).toBe(200);
        // 7a. Then a photo with a caption and a shared place, sent by the simulator as Meta sends them (signed).
        meta.handle.simulator.sends.configure({
          webhooks: { url: `${portal.stack.apiUrl}/api/webhooks/whatsapp`, appSecret: TEST_META_APP.secret },
        });
        const caption = lng === 'en' ? 'Is this blue one in size M?' : 'Yang biru ini ada ukuran M?';
        const place = { name: 'Toko Cabang Sudirman', address: 'Jl. Jend. Sudirman No. 1, Jakarta' };
        meta.handle.simulator.sends.inbound({
          phoneNumberId: phoneId,
          from: customer,
          message: { type: 'image', mimeType: 'image/jpeg', caption },
        });
        meta.handle.simulator.sends.inbound({
          phoneNumberId: phoneId,
          from: customer,
          message: { type: 'location', latitude: -6.2088, longitude: 106.8456, ...place },
        });
        await page.goto(`${base}/contacts`, { waitUntil: 'networkidle' });
        await page.getByRole('link', { name: 'Sari Wulandari', exact: true }).click();
        await page.getByRole('heading', { level: 1, name: 'Sari Wulandari', exact: true }).waitFor();
        const replies = page.getByTestId('contact-replies');
        await waitFor(
          async () => {
            const shown = await Promise.all(
              [reply, caption, place.name].map((text) => replies.getByText(text, { exact: true }).count()),
            );
            if (shown.every((count) => count === 1)) return true;
            await page.reload({ waitUntil: 'networkidle' });
            return false;
          },
          {
            timeoutMs: 15_000,
            describe: () => `the text, photo and place replies did not all appear on the contact's page`,
          },
        );
        expect(await replies.getByText(display, { exact: false }).count()).toBeGreaterThanOrEqual(1);
        expect(await replies.getByText(l.contacts.replies.kinds.image, { exact: true }).count()).toBe(1);
        expect(await replies.getByText(place.address, { exact: true }).count()).toBe(1);
        expect(
          await replies.getByRole('link', { name: l.contacts.replies.openMap, exact: true }).getAttribute('href'),
        ).toBe('https://www.openstreetmap.org/?mlat=-6.2088&mlon=106.8456#map=17/-6.2088/106.8456');
        await fitsPhone(page, `contact-replies-${lng}`);

        // 7b. A reply with an opt-out keyword inside a sentence: she waits for review, found by the contacts filter,
        // and a person settles it from her page (not an opt-out: she stays subscribed).
        const k = l.contacts;
        const unsure =
          lng === 'en' ? 'Please stop sending me so many promos' : 'Tolong berhenti kirim promo sebanyak ini';
        expect(
          (
            await postMetaWebhook(
              portal.stack,
              inboundText(
                { wabaId: waba, phoneNumberId: phoneId, displayNumber: display.replace(/\D/g, '') },
                customer,
                unsure,
              ),
            )
          ).status,
        ).toBe(200);
        await page.goto(`${base}/contacts`, { waitUntil: 'networkidle' });
        const filter = page.getByTestId('contacts-filter');
        await filter.getByLabel(k.filter.review, { exact: true }).selectOption('1');
        await filter.getByRole('button', { name: k.filter.apply }).click();
        await page.waitForURL((url) => url.searchParams.get('review') === '1');
        await waitFor(
          async () => {
            if ((await page.getByRole('link', { name: 'Sari Wulandari', exact: true }).count()) === 1) return true;
            await page.reload({ waitUntil: 'networkidle' });
            return false;
          },
          { timeoutMs: 15_000, describe: () => 'Sari did not appear among the contacts awaiting review' },
        );
        await page.getByRole('link', { name: 'Sari Wulandari', exact: true }).click();
        await page.getByTestId('contact-review').waitFor();
        await page.getByRole('button', { name: k.review.dismiss, exact: true }).click();
        await page.getByTestId('toast').filter({ hasText: k.review.dismissed }).waitFor();
        expect(await page.getByTestId('contact-review').count()).toBe(0);
        await page.goto(`${base}/contacts?review=1`, { waitUntil: 'networkidle' });
        expect(await page.getByRole('link', { name: 'Sari Wulandari', exact: true }).count()).toBe(0);

        // 8. Disconnecting asks first, then forgets the channel.
        await page.goto(`${base}/channels`, { waitUntil: 'networkidle' });
        await page.getByTestId(`channel-${phoneId}`).getByRole('link', { name: c.disconnect.open }).click();
        await page
          .getByRole('dialog')
          .getByText(fill(c.disconnect.title, { name: 'Toko utama' }))
          .waitFor();
        await screenshot(page, `channels-disconnect-${lng}`);
        await page.getByRole('dialog').getByRole('button', { name: c.disconnect.confirm }).click();
        await page.getByTestId('toast').getByText(c.disconnected).waitFor();
        await page.getByTestId('channels-empty').waitFor();
        // The console errors are the refused token's and address's answers: a refused form is a 400 on purpose.
        expect(errors).toEqual(
          Array(2).fill('Failed to load resource: the server responded with a status of 400 (Bad Request)'),
        );
      } finally {
        await context.close();
      }
    },
  );

  it('a viewer sees the channel and its templates but none of the forms', async () => {
    const waba = '203000000000003';
    const phoneId = '303000000000003';
    const token = 'EAAG-e2e-system-user-viewer-0123456789';
    const owner = await createOwner(portal.stack, { language: 'EN' });
    await connectSimulatedChannel(meta.handle.simulator, portal.stack, owner, {
      wabaId: waba,
      token,
      name: 'Cabang Surabaya',
      number: {
        id: phoneId,
        displayPhoneNumber: '+62 811-1000-0003',
        qualityRating: 'YELLOW',
        throughputLevel: 'HIGH',
      },
    });
    const invitation = await inviteMember(portal.stack, owner, `viewer-${owner.email}`, 'viewer');
    const viewer = await acceptAsNewAccount(portal.stack, invitation, {
      name: 'Pengamat',
      password: 'Pengamat-Surabaya-2026',
      language: 'EN',
    });
    const { context, page } = await signedInPage(portal, viewer, 'en');
    try {
      await page.goto(`${portal.stack.dashboardUrl}/channels`, { waitUntil: 'networkidle' });
      const card = page.getByTestId(`channel-${phoneId}`);
      await card.getByText('+62 811-1000-0003', { exact: true }).waitFor();
      expect(await card.getByText(en.channels.quality.YELLOW, { exact: true }).count()).toBe(1);
      expect(await card.getByText(fill(en.channels.facts.throughputValue_other, { rate: '1.000' })).count()).toBe(1);
      await page.getByTestId('channels-read-only').waitFor();
      expect(await page.getByRole('button', { name: en.channels.check.submit }).count()).toBe(0);
      expect(await page.getByRole('button', { name: en.channels.connect.submit }).count()).toBe(0);
      expect(await page.getByRole('link', { name: en.channels.disconnect.open }).count()).toBe(0);
      expect(await page.getByLabel(en.channels.forwarding.url).count()).toBe(0);
      expect(await page.getByTestId('reply-forwarding-state').innerText()).toBe(en.channels.forwarding.none);

      // Meta restricts the account: the channel shows as paused with the reason; a reinstatement says a check resumes it.
      const shows = async (text: string) =>
        waitFor(
          async () => {
            if ((await card.getByText(text, { exact: true }).count()) === 1) return true;
            await page.reload({ waitUntil: 'networkidle' });
            return false;
          },
          { timeoutMs: 15_000, describe: () => `the channel card never said "${text}"` },
        );
      const restriction = {
        event: 'ACCOUNT_RESTRICTION',
        restriction_info: [{ restriction_type: 'RESTRICTED_BIZ_INITIATED_MESSAGING', expiration: 1764662400 }],
      };
      expect((await postMetaWebhook(portal.stack, accountUpdate(waba, restriction))).status).toBe(200);
      await shows(en.channels.paused.title);
      // The badge in the card's header.
      expect(await page.getByText(en.channels.status.PAUSED, { exact: true }).count()).toBe(1);
      expect(
        await card.getByText('ACCOUNT_RESTRICTION:RESTRICTED_BIZ_INITIATED_MESSAGING', { exact: false }).count(),
      ).toBe(1);
      const reinstate = { event: 'DISABLED_UPDATE', ban_info: { waba_ban_state: 'REINSTATE' } };
      expect((await postMetaWebhook(portal.stack, accountUpdate(waba, reinstate))).status).toBe(200);
      await shows(en.channels.reinstated.title);
      await screenshot(page, 'channels-reinstated-viewer-en');

      await page.goto(`${portal.stack.dashboardUrl}/templates`, { waitUntil: 'networkidle' });
      await page.getByTestId('template-order_shipped-en').waitFor();
      expect(await page.getByRole('button', { name: en.templates.sync }).count()).toBe(0);
      await screenshot(page, 'templates-viewer-en');
    } finally {
      await context.close();
    }
  });
});
