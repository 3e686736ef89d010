import en from '../app/locales/en.json';
import id from '../app/locales/id.json';
import { createOwner } from './support/api';
import { signedInPage, usePortal } from './support/portal';
import { topUp } from './support/workspace';

interface Stop {
  area: 'header' | 'nav' | 'main' | 'other';
  name: string;
  /** Whether the focused element draws something it does not at rest: an outline or a box-shadow. */
  visible: boolean;
  focusVisible: boolean;
}

/**
 * The overview by keyboard alone: Tab walks the header (search, EN/ID, help, bell, account menu), then every
 * sidebar link in order, then the page's own links and buttons; every stop shows where the focus is. In each language,
 * at 1280 px and at 390 px (where the sidebar becomes the bar under the header).
 */
describe('the overview by keyboard', () => {
  const portal = usePortal();

  it.each([
    ['en', 1280, en],
    ['id', 1280, id],
    ['en', 390, en],
    ['id', 390, id],
  ] as const)(
    '%s at %s px: tabs through header, sidebar and content in order, each stop with a visible focus indicator',
    async (lng, width, locale) => {
      const owner = await createOwner(portal.stack, { language: lng === 'en' ? 'EN' : 'ID' });
      await topUp(portal.stack, owner, 50_000);
      const { context, page, errors } = await signedInPage(portal, owner.sessionToken, lng, { width, height: 900 });
      try {
        await page.goto(`${portal.stack.dashboardUrl}/dashboard`, { waitUntil: 'networkidle' });
        await page.getByRole('heading', { level: 1, name: locale.dashboard.welcome }).waitFor();
        const navLinks = await page
          .getByRole('navigation', { name: locale.shell.nav.label })
          .getByRole('link')
          .evaluateAll((links) => links.map((link) => link.textContent?.trim() ?? ''));
        expect(navLinks.length).toBeGreaterThan(3);

        // What each control draws at rest, so a ring that is only its usual shadow does not count as focus.
        await page.evaluate(() => {
          const rest: string[] = [];
          document
            .querySelectorAll<HTMLElement>('a[href], button, summary, input, select, textarea, [tabindex]')
            .forEach((element, index) => {
              const style = getComputedStyle(element);
              element.dataset.kbRest = String(index);
              rest[index] = `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}|${style.boxShadow}`;
            });
          (window as unknown as { kbRest: string[] }).kbRest = rest;
        });
        const stops: Stop[] = [];
        // Enough presses for the header and sidebar and well into the content.
        for (let press = 0; press < navLinks.length + 20; press += 1) {
          await page.keyboard.press('Tab');
          stops.push(
            await page.evaluate((): Stop => {
              const element = document.activeElement as HTMLElement | null;
              if (!element || element === document.body)
                return { area: 'other', name: '', visible: false, focusVisible: false };
              const style = getComputedStyle(element);
              const outline = style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
              const shadow = style.boxShadow !== 'none' && style.boxShadow !== '';
              const ring = `${style.outlineStyle} ${style.outlineWidth} ${style.outlineColor}|${style.boxShadow}`;
              const rest = (window as unknown as { kbRest: string[] }).kbRest[Number(element.dataset.kbRest)];
              const area = element.closest('header.app-header')
                ? 'header'
                : element.closest('nav.sidebar__nav')
                  ? 'nav'
                  : element.closest('main')
                    ? 'main'
                    : 'other';
              return {
                area,
                name:
                  element.dataset.testid ??
                  element.getAttribute('aria-label') ??
                  (element.textContent ?? '').trim().replace(/\s+/g, ' '),
                visible: (outline || shadow) && ring !== rest,
                focusVisible: element.matches(':focus-visible'),
              };
            }),
          );
        }

        const first = (predicate: (stop: Stop) => boolean) => stops.findIndex(predicate);
        const search = first((stop) => stop.name === 'search-button');
        const english = first((stop) => stop.area === 'header' && stop.name === locale.shell.language.en.short);
        const indonesian = first((stop) => stop.area === 'header' && stop.name === locale.shell.language.id.short);
        const help = first((stop) => stop.name === locale.help.open);
        const bell = first(
          (stop) => stop.area === 'header' && stop.name.startsWith(locale.notificationCenter.bellLabel),
        );
        const profile = first((stop) => stop.name === locale.shell.profile.menuLabel.replace('{{name}}', owner.name));
        const nav = stops.flatMap((stop, index) => (stop.area === 'nav' ? [index] : []));
        const main = first((stop) => stop.area === 'main');
        for (const index of [search, english, indonesian, help, bell, profile, main])
          expect(index).toBeGreaterThanOrEqual(0);
        expect([search, english, indonesian, help, bell, profile]).toEqual(
          [search, english, indonesian, help, bell, profile].sort((a, b) => a - b),
        );
        // Every sidebar link, one after another in the sidebar's order, after the header and before the content.
        expect(nav[0]).toBeGreaterThan(profile);
        expect(nav.map((index) => stops[index]!.name)).toEqual(navLinks);
        expect(nav[nav.length - 1]! - nav[0]!).toBe(navLinks.length - 1);
        expect(main).toBeGreaterThan(nav[nav.length - 1]!);
        // The content's own links and buttons: the wallet card's and beyond.
        expect(
          stops
            .slice(main)
            .filter((stop) => stop.area === 'main')
            .map((stop) => stop.name),
        ).toEqual(expect.arrayContaining([locale.overview.wallet.open, locale.overview.wallet.topUp]));

        // Each stop of the walk is :focus-visible and draws a ring.
        const focused = stops.filter((stop) => stop.area !== 'other');
        expect(focused.filter((stop) => !stop.focusVisible || !stop.visible)).toEqual([]);
        expect(errors).toEqual([]);
      } finally {
        await context.close();
      }
    },
  );
});
