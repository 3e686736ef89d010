import en from '../app/locales/en.json';
import id from '../app/locales/id.json';
import { createOwner } from './support/api';
import { seriousAxeViolations } from './support/axe';
import { screenshot } from './support/browser';
import { signedInPage, usePortal } from './support/portal';

/** The address this deployment is known by on the internet (not the one the test's browser uses). */
const PUBLIC_URL = 'http://portal.toko-contoh.test';

/**
 * Every field Meta must be asked to send, written from Meta's webhook reference against what the portal acts on:
 * statuses and replies, template review and category, account bans, messaging limits, number quality, opt-outs.
 */
const META_FIELDS = [
  'messages',
  'message_template_status_update',
  'template_category_update',
  'account_update',
  'business_capability_update',
  'phone_number_quality_update',
  'user_preferences',
];

describe('the help page in the browser', () => {
  const portal = usePortal({ env: () => ({ PUBLIC_URL }) });

  it.each([
    ['en', 1280, en],
    ['id', 390, id],
  ] as const)(
    '%s: every section, this deployment’s webhook and notification URLs, and every Meta field to subscribe (%i px)',
    async (lng, width, locale) => {
      const owner = await createOwner(portal.stack, { language: lng === 'en' ? 'EN' : 'ID' });
      const { context, page, errors } = await signedInPage(portal, owner.sessionToken, lng, { width, height: 900 });
      try {
        await page.goto(`${portal.stack.dashboardUrl}/help`, { waitUntil: 'networkidle' });
        await page.getByRole('heading', { level: 1, name: locale.help.title }).waitFor();
        // PUBLIC_URL, not the address the browser happened to use.
        expect(await page.getByTestId('help-webhook-url').textContent()).toBe(`${PUBLIC_URL}/api/webhooks/whatsapp`);
        expect(await page.getByTestId('help-midtrans-url').textContent()).toBe(
          `${PUBLIC_URL}/api/wallet/midtrans/notification`,
        );
        expect(await page.getByText(portal.stack.dashboardUrl).count()).toBe(0);

        // Every section issue 20 asks for, each a named region with its heading in the reader's language.
        const h = locale.help;
        for (const title of [
          h.gettingStarted.title,
          h.whatsapp.title,
          h.midtrans.title,
          h.pricing.title,
          h.limits.title,
        ]) {
          await page.getByRole('region', { name: title }).getByRole('heading', { level: 2, name: title }).waitFor();
        }
        const faq = page.getByRole('region', { name: h.faq.title });
        expect(await faq.locator('summary').allTextContents()).toEqual([h.faq.q1, h.faq.q2, h.faq.q3, h.faq.q4]);
        const pricing = page.getByRole('region', { name: h.pricing.title });
        expect(await pricing.locator('p').allTextContents()).toEqual([
          h.pricing.perMessage,
          h.pricing.hold,
          h.pricing.refund,
          h.pricing.meta,
        ]);
        const limits = page.getByRole('region', { name: h.limits.title });
        expect(await limits.locator('p').allTextContents()).toEqual([
          h.limits.tiers,
          h.limits.shared,
          h.limits.quality,
        ]);

        const whatsapp = page.getByRole('region', { name: locale.help.whatsapp.title });
        await whatsapp.getByText(locale.help.whatsapp.subscribe).waitFor();
        const fields = whatsapp.getByTestId('help-webhook-fields').getByRole('listitem');
        expect(await fields.locator('code').allTextContents()).toEqual(META_FIELDS);
        // Each field says, in the reader's language, what the portal does with it.
        for (const field of META_FIELDS) {
          const line = fields.filter({ has: page.locator('code', { hasText: new RegExp(`^${field}$`) }) });
          const meaning = locale.help.whatsapp.fields[field as keyof typeof locale.help.whatsapp.fields];
          expect(await line.textContent()).toBe(`${field}: ${meaning}`);
        }
        // Templates are made at Meta, not here (issue 18): the page says where, and that a sync brings them in.
        expect(await whatsapp.getByTestId('help-templates').textContent()).toBe(locale.help.whatsapp.templates);
        expect(locale.help.whatsapp.templates).toContain('WhatsApp Manager');
        expect(locale.help.whatsapp.templates).toContain(locale.templates.sync);
        expect(await seriousAxeViolations(page)).toEqual([]);
        await screenshot(page, `help-${lng}${width === 1280 ? '' : `-${width}`}`);
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
