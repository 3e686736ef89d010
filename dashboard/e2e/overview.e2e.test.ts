import en from '../app/locales/en.json';
import id from '../app/locales/id.json';
import { callApi, createOwner } from './support/api';
import { seriousAxeViolations } from './support/axe';
import { screenshot } from './support/browser';
import { chartLegibility } from './support/chart';
import { useMetaSimulator } from './support/meta';
import { signedInPage, usePortal } from './support/portal';
import { connectSimulatedChannel, promoDraft, topUp } from './support/workspace';

/**
 * The overview's campaigns as a shop owner sees them: a campaign sending for real (a channel on the Meta
 * simulator, the portal's own worker dispatching) shows under "Running and scheduled" with its progress, a scheduled
 * one with its start time in the workspace's zone; when the sending one completes, it moves to "Recent results"
 * with its cost, without a reload. In each language, at 1280 and 390 px. A scheduled campaign that starts while the
 * page is open moves on without a reload too.
 */

describe('the overview’s campaigns in the browser', () => {
  const meta = useMetaSimulator();
  const portal = usePortal({ env: () => meta.portalEnv() });

  it.each([
    ['en', en, 1280, '1'],
    ['id', id, 390, '2'],
  ] as const)(
    '%s: live progress, a scheduled start, and the result once it completes (%s px)',
    async (lng, locale, width, n) => {
      const waba = `20400000000000${n}`;
      const phoneId = `30400000000000${n}`;
      const token = `EAAG-e2e-overview-token-${n}-0123456789`;
      const owner = await createOwner(portal.stack, { language: lng === 'en' ? 'EN' : 'ID' });
      const api = <T>(query: string, variables: Record<string, unknown> = {}) =>
        callApi<T>(portal.stack, query, variables, owner.sessionToken);
      const { channelId, templateIds } = await connectSimulatedChannel(meta.handle.simulator, portal.stack, owner, {
        wabaId: waba,
        token,
        name: 'Utama',
        number: { id: phoneId, displayPhoneNumber: `+62 811-2000-000${n}`, verifiedName: 'Toko Ringkasan' },
      });
      const templateId = templateIds.promo_akhir_tahun!;
      for (const [name, phone] of [
        ['Ayu Lestari', `0812-40${n}0-0001`],
        ['Bayu Pratama', `0812-40${n}0-0002`],
        ['Citra Wijaya', `0812-40${n}0-0003`],
      ]) {
        await api('mutation ($input: CreateContactInput!) { createContact(input: $input) { id } }', {
          input: { name, phone, consentStatement: 'Formulir toko', tags: ['ringkasan'] },
        });
      }
      await topUp(portal.stack, owner, 50_000);
      const draft = (name: string) =>
        promoDraft(portal.stack, owner, { name, channelId, templateId, tag: 'ringkasan' });
      const scheduled = await draft('Promo Imlek');
      // 2027-01-20 02:00 UTC is 09.00 WIB (the workspace's zone) on the 20th.
      await api('mutation ($id: ID!, $at: DateTimeISO!) { scheduleCampaign(id: $id, at: $at) { status } }', {
        id: scheduled,
        at: '2027-01-20T02:00:00.000Z',
      });
      // Meta answers each send after 4 s, so the campaign is still sending when the page opens.
      meta.handle.simulator.sends.configure({ latencyMs: 4000 });
      const sending = await draft('Promo Akhir Tahun');
      await api('mutation ($id: ID!) { startCampaign(id: $id) { status } }', { id: sending });

      const { context, page, errors } = await signedInPage(portal, owner.sessionToken, lng, { width, height: 900 });
      try {
        await page.goto(`${portal.stack.dashboardUrl}/dashboard`, { waitUntil: 'networkidle' });
        const texts = locale.overview.campaigns;
        await page.getByRole('heading', { level: 2, name: texts.title }).waitFor();
        const live = page.getByTestId('overview-live-campaign');
        const running = live.filter({ hasText: 'Promo Akhir Tahun' });
        await running.waitFor();
        expect(await running.textContent()).toContain(texts.status.RUNNING);
        // Three recipients; the bar is named by its label and says how far it is.
        const bar = running.getByRole('progressbar');
        expect(await bar.getAttribute('aria-valuemax')).toBe('100');
        expect(Number(await bar.getAttribute('aria-valuenow'))).toBeLessThan(100);
        const upcoming = live.filter({ hasText: 'Promo Imlek' });
        expect(await upcoming.textContent()).toContain(texts.status.SCHEDULED);
        expect(await upcoming.textContent()).toMatch(/20 Jan 2027, 09[.:]00 WIB/);
        expect(await page.getByTestId('overview-finished-campaign').count()).toBe(0);
        await page.getByText(texts.noFinished).waitFor();
        await screenshot(page, `overview-campaigns-${lng}${width === 1280 ? '' : `-${width}`}`);

        // No reload: the overview asks again while a campaign sends, and the completed one moves to the results.
        const finished = page.getByTestId('overview-finished-campaign').filter({ hasText: 'Promo Akhir Tahun' });
        await finished.waitFor({ timeout: 60_000 });
        expect(await finished.textContent()).toContain(texts.status.COMPLETED);
        // Three messages at the default Rp500 each.
        expect(await finished.textContent()).toContain('Rp1.500');
        expect(await live.filter({ hasText: 'Promo Akhir Tahun' }).count()).toBe(0);
        await screenshot(page, `overview-campaigns-done-${lng}${width === 1280 ? '' : `-${width}`}`);
        // The message statistics, read with the same reload: today's three sends at Rp500, in every period.
        const stats = locale.overview.statistics;
        await page.getByRole('heading', { level: 2, name: stats.title }).waitFor();
        for (const period of ['today', 'last7Days', 'last30Days'] as const) {
          const card = page.getByTestId(`statistics-${period}`);
          expect(await card.getByRole('heading', { level: 3 }).textContent()).toBe(stats[period]);
          const sent = card.locator('.message-period__figure').filter({ hasText: stats.sent });
          expect(await sent.locator('dd').textContent()).toBe('3');
          expect(await card.textContent()).toContain('Rp1.500');
        }
        // The chart of 30 days is an image named in the reader's language, with its numbers in a table.
        const chartName = stats.chartLabel.replace('{{days}}', '30');
        await page.getByRole('img', { name: chartName }).waitFor();
        const table = page.locator('table').filter({ has: page.locator('caption', { hasText: chartName }) });
        expect(await table.locator('tbody tr').count()).toBe(30);
        expect(await table.locator('tbody tr').last().textContent()).toContain('Rp1.500');
        expect(await page.getByText(stats.sentPerDay).count()).toBe(1);
        // Getting started: the top-up and the campaign are done; the other steps open their pages.
        const steps = locale.dashboard.gettingStarted;
        for (const step of ['wallet', 'campaign'] as const) {
          expect(await page.getByTestId(`getting-started-${step}`).textContent()).toContain(steps.done);
        }
        for (const [step, path] of [
          ['channel', '/channels'],
          ['contacts', '/contacts/import'],
        ] as const) {
          const open = page.getByRole('link', { name: steps.openStep.replace('{{step}}', steps[step].title) });
          expect(await open.getAttribute('href')).toBe(path);
        }
        expect(await page.getByText(locale.common.comingSoon).count()).toBe(0);
        expect(await seriousAxeViolations(page)).toEqual([]);
        await screenshot(page, `overview-statistics-${lng}${width === 1280 ? '' : `-${width}`}`);
        // Every word the chart shows can be read: inside the drawing, none on top of another, today's day labelled.
        const charts = await chartLegibility(page);
        expect(charts).toHaveLength(1);
        const chartText = charts[0]!;
        expect(chartText.outside).toEqual([]);
        expect(chartText.overlapping).toEqual([]);
        expect(chartText.shown).toContain('Rp1.500');
        // Three messages on the busiest day: the volume axis counts whole messages (no 0.5).
        expect(chartText.shown.filter((text) => /^\d+([.,]\d+)?$/.test(text))).toEqual(['0', '1', '2', '3']);
        expect(
          chartText.shown.filter((text) => /^(\d{1,2} \p{L}{3,4}|\p{L}{3,4} \d{1,2})$/u.test(text)).length,
        ).toBeGreaterThanOrEqual(3);
        // Nothing wider than the viewport at 390 px.
        expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
        meta.handle.simulator.sends.configure({ latencyMs: 0 });
      }
    },
  );

  it('en: a scheduled campaign that starts while the overview is open shows its start without a reload', async () => {
    const owner = await createOwner(portal.stack, { language: 'EN' });
    const api = <T>(query: string, variables: Record<string, unknown> = {}) =>
      callApi<T>(portal.stack, query, variables, owner.sessionToken);
    const { channelId, templateIds } = await connectSimulatedChannel(meta.handle.simulator, portal.stack, owner, {
      wabaId: '204000000000003',
      token: 'EAAG-e2e-overview-token-3-0123456789',
      name: 'Utama',
      number: { id: '304000000000003', displayPhoneNumber: '+62 811-2000-0003', verifiedName: 'Toko Ringkasan' },
    });
    await api('mutation ($input: CreateContactInput!) { createContact(input: $input) { id } }', {
      input: { name: 'Dian Sastro', phone: '0812-4030-0001', consentStatement: 'Formulir toko', tags: ['jadwal'] },
    });
    await topUp(portal.stack, owner, 50_000);
    const campaignId = await promoDraft(portal.stack, owner, {
      name: 'Promo Pagi',
      channelId,
      templateId: templateIds.promo_akhir_tahun!,
      tag: 'jadwal',
    });
    // Far enough ahead that the page opens before it starts, near enough that it starts while the page is open.
    await api('mutation ($id: ID!, $at: DateTimeISO!) { scheduleCampaign(id: $id, at: $at) { status } }', {
      id: campaignId,
      at: new Date(Date.now() + 10_000).toISOString(),
    });
    const { context, page, errors } = await signedInPage(portal, owner.sessionToken, 'en', {
      width: 1280,
      height: 900,
    });
    try {
      await page.goto(`${portal.stack.dashboardUrl}/dashboard`, { waitUntil: 'networkidle' });
      const texts = en.overview.campaigns;
      const upcoming = page.getByTestId('overview-live-campaign').filter({ hasText: 'Promo Pagi' });
      expect(await upcoming.textContent()).toContain(texts.status.SCHEDULED);
      // Nothing else is running: only the scheduled start keeps the overview asking, until it has sent and finished.
      const finished = page.getByTestId('overview-finished-campaign').filter({ hasText: 'Promo Pagi' });
      await finished.waitFor({ timeout: 60_000 });
      expect(await finished.textContent()).toContain(texts.status.COMPLETED);
      expect(await page.getByTestId('overview-live-campaign').count()).toBe(0);
      expect(errors).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
