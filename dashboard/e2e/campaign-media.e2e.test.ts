import type { Page } from 'playwright-core';
import { katalogTemplate } from '../../api/test/support/media-templates';
import en from '../app/locales/en.json';
import id from '../app/locales/id.json';
import { callApi, createOwner, signInBrowser } from './support/api';
import { seriousAxeViolations } from './support/axe';
import { collectPageErrors, screenshot } from './support/browser';
import { useMetaSimulator } from './support/meta';
import { usePortal } from './support/portal';
import { waitFor } from './support/wait';

/**
 * A shop gives its catalogue campaign a header image and a personal link, once in each language: the wizard's media
 * step refuses an http link beside the field, uploads a PNG (to Meta once, for the channel's number), and the
 * preview with a real contact shows the file and the URL button's link with that contact's suffix.
 */
const LANGUAGES = [
  { lng: 'en', l: en, waba: '204000000000081', phoneId: '304000000000081', phone: '+6281310081001' },
  { lng: 'id', l: id, waba: '204000000000082', phoneId: '304000000000082', phone: '+6281310082001' },
] as const;

const PNG = Buffer.concat([Buffer.from('89504e470d0a1a0a', 'hex'), Buffer.alloc(512, 1)]);

async function fitsBothWidths(page: Page, name: string) {
  for (const width of [390, 1280]) {
    await page.setViewportSize({ width, height: 860 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
    expect({ name, width, findings: await seriousAxeViolations(page) }).toEqual({ name, width, findings: [] });
    await screenshot(page, `${name}-${width}`);
  }
}

describe('campaign header media in the browser', () => {
  const meta = useMetaSimulator();
  const portal = usePortal({ env: () => ({ ...meta.portalEnv(), PRICE_PER_MESSAGE: '500' }) });

  it.each(LANGUAGES.map((language) => [language.lng, language] as const))(
    '%s: refuse an http link, upload an image, preview the header and the personal link',
    async (lng, { l, waba, phoneId, phone }) => {
      const token = `EAAG-e2e-media-${lng}-0123456789`;
      meta.handle.simulator.addAccount({
        wabaId: waba,
        token,
        numbers: [
          {
            id: phoneId,
            displayPhoneNumber: `+62 811-2000-008${lng === 'en' ? 1 : 2}`,
            verifiedName: 'Toko Contoh',
            qualityRating: 'GREEN',
            throughputLevel: 'STANDARD',
            isOnBizApp: false,
          },
        ],
        templates: [katalogTemplate('1234567890126001')],
      });
      const owner = await createOwner(portal.stack, { language: lng === 'en' ? 'EN' : 'ID' });
      const api = <T>(query: string, variables: Record<string, unknown> = {}) =>
        callApi<T>(portal.stack, query, variables, owner.sessionToken);
      const { connectChannel } = await api<{ connectChannel: { id: string } }>(
        `mutation ($input: ConnectChannelInput!) { connectChannel(input: $input) { id } }`,
        { input: { name: 'Toko utama', phoneNumberId: phoneId, wabaId: waba, accessToken: token } },
      );
      await api(`mutation ($id: ID!) { syncTemplates(channelId: $id) }`, { id: connectChannel.id });
      const { templates } = await api<{ templates: { edges: { node: { id: string } }[] } }>(
        `query ($id: ID) { templates(channelId: $id, first: 10) { edges { node { id } } } }`,
        { id: connectChannel.id },
      );
      await api(`mutation ($input: CreateContactInput!) { createContact(input: $input) { id } }`, {
        input: {
          phone,
          name: 'Budi',
          tags: ['katalog'],
          attributes: [{ key: 'slug', value: 'budi' }],
          consentStatement: 'Formulir toko',
        },
      });
      const { createCampaign } = await api<{ createCampaign: { id: string } }>(
        `mutation ($input: CampaignDraftInput!) { createCampaign(input: $input) { id } }`,
        {
          input: {
            name: 'Katalog Desember',
            channelId: connectChannel.id,
            templateId: templates.edges[0]!.node.id,
            audience: { kind: 'TAGS', tags: ['katalog'] },
            variables: [
              { parameter: '1', source: 'NAME', fallback: 'Pelanggan' },
              { parameter: 'button_1', source: 'ATTRIBUTE', value: 'slug', fallback: 'semua' },
            ],
          },
        },
      );

      const context = await portal.chromium.newContext({
        locale: lng === 'en' ? 'en-US' : 'id-ID',
        viewport: { width: 1280, height: 860 },
      });
      try {
        await signInBrowser(context, portal.stack, owner.sessionToken, lng);
        const page = await context.newPage();
        const errors = collectPageErrors(page);
        await page.goto(`${portal.stack.dashboardUrl}/campaigns/${createCampaign.id}/edit`, {
          waitUntil: 'networkidle',
        });
        const step = page.getByTestId('campaign-header-media');
        await step.waitFor();
        // The URL button's suffix is mapped like a parameter, labelled with its button.
        await page.getByText(l.campaigns.media.urlSuffix.replace('{{text}}', 'Lihat katalog')).waitFor();

        // An http link is refused beside the field, in the reader's language.
        await step.getByLabel(l.campaigns.media.sources.LINK, { exact: true }).check();
        await step.getByLabel(l.campaigns.media.link, { exact: true }).fill('http://toko.example/katalog.jpg');
        await step.getByRole('button', { name: l.campaigns.media.save }).click();
        const refusal =
          lng === 'en' ? 'The link must be a full https:// address.' : 'Tautan harus berupa alamat https:// lengkap.';
        await step.getByText(refusal).waitFor();

        // An uploaded PNG: saved, uploaded to Meta once for this number, shown in the preview by its name.
        await step.getByLabel(l.campaigns.media.sources.UPLOAD, { exact: true }).check();
        await step
          .getByLabel(l.campaigns.media.file, { exact: true })
          .setInputFiles({ name: 'katalog-desember.png', mimeType: 'image/png', buffer: PNG });
        await step.getByRole('button', { name: l.campaigns.media.save }).click();
        await page.getByText(l.campaigns.media.saved).waitFor();
        expect(meta.handle.simulator.sends.mediaUploads.get(phoneId)).toBe(1);
        const media = page.getByTestId('campaign-preview-media');
        await waitFor(async () => (await media.innerText()).includes('katalog-desember.png'), {
          timeoutMs: 10_000,
          describe: () => 'the preview to show the uploaded file',
        });
        expect(await media.innerText()).toContain(l.campaigns.media.kind.IMAGE);
        // The contact's own link behind the URL button.
        expect(await page.getByTestId('campaign-preview-buttons').innerText()).toContain(
          'https://toko.example/katalog/budi',
        );
        await fitsBothWidths(page, `campaign-media-${lng}`);
        // The one refused link answered 400 (the form's error); nothing else went wrong in the browser.
        expect(errors).toEqual(['Failed to load resource: the server responded with a status of 400 (Bad Request)']);
      } finally {
        await context.close();
      }
    },
  );
});
