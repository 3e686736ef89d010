import type { BrowserContext, Page } from 'playwright-core';
import en from '../app/locales/en.json';
import id from '../app/locales/id.json';
import { WALK_CAMPAIGN_NAME, WALK_CONTACT_NAME, walkPages, type WalkData, type WalkPage } from './pages';
import {
  acceptAsNewAccount,
  apiLogin,
  callApi,
  createOwner,
  enableTwoFactor,
  fillWorkspace,
  inviteMember,
  linkToken,
  platformAdminToken,
  signInBrowser,
} from './support/api';
import { ADMIN_EMAIL, SEEDED_PASSWORD } from './support/identity';
import { seriousAxeViolations } from './support/axe';
import { collectPageErrors, screenshot } from './support/browser';
import { usePortal } from './support/portal';
import type { Stack } from './support/stack';
import { fillCampaigns, fillRecords } from './support/workspace';

/**
 * The page walk: every page of pages.ts x English and Indonesian x a desktop and a phone. On each: the status,
 * `<html lang>`, the heading in that language, no page wider than the viewport, every control reachable (on the
 * screen or inside a region that scrolls), no serious or critical axe-core violation, no console error; a
 * screenshot of each for a person to look at.
 * Each page is its own test with its own workspace, so any one runs alone (`-t 'members'`).
 */
const LANGUAGES = [
  { lng: 'en', locale: en },
  { lng: 'id', locale: id },
] as const;
const WIDTHS = [1280, 390] as const;

describe('the page walk', () => {
  const portal = usePortal();

  it.each(walkPages.map((page) => [page.name, page] as const))(
    '%s: right language, no sideways scrolling, every control reachable, no serious axe finding, in EN and ID at 1280 and 390 px',
    async (_name, walkPage) => {
      for (const { lng, locale } of LANGUAGES) {
        const context = await portal.chromium.newContext({ locale: lng === 'en' ? 'en-US' : 'id-ID' });
        try {
          const data = await prepareVisitor(context, portal.stack, walkPage, lng);
          const path = typeof walkPage.path === 'string' ? walkPage.path : walkPage.path(data!);
          const page = await context.newPage();
          const errors = collectPageErrors(page);
          for (const width of WIDTHS) {
            await page.setViewportSize({ width, height: 860 });
            const response = await page.goto(`${portal.stack.dashboardUrl}${path}`, {
              waitUntil: 'networkidle',
            });
            const where = `${path} ${lng} ${width}px`;
            expect({ where, status: response?.status() }).toEqual({ where, status: walkPage.status ?? 200 });
            expect({ where, path: new URL(page.url()).pathname }).toEqual({ where, path });
            expect({ where, lang: await page.locator('html').getAttribute('lang') }).toEqual({ where, lang: lng });
            await page.getByRole('heading', { level: 1, name: walkPage.heading(locale), exact: true }).waitFor();
            for (const phrase of walkPage.shows?.[lng] ?? []) {
              expect({ where, phrase, shown: await page.getByText(phrase).count() }).toEqual({
                where,
                phrase,
                shown: 1,
              });
            }
            expect({ where, ...(await measureWidth(page)) }).toEqual({ where, ...fits(width) });
            expect({ where, unreachable: await unreachableControls(page) }).toEqual({ where, unreachable: [] });
            expect({ where, problems: await shellProblems(page) }).toEqual({ where, problems: [] });
            expect({ where, axe: await seriousAxeViolations(page) }).toEqual({ where, axe: [] });
            // On a desktop nothing hides behind a sideways scroll: every table shows all its columns (Status, Revoke).
            if (width === 1280) {
              expect({ where, clipped: await clippedRegions(page) }).toEqual({ where, clipped: [] });
            }
            // The browser sees the public environment and nothing more (env.server.ts, getPublicEnv): the mode, and
            // for Snap's popup its script (the simulator's here) and the client key, which Midtrans makes public by
            // design. The server key, the session secret and the API's address never reach it.
            const env = await page.evaluate(() => (window as { ENV?: unknown }).ENV);
            expect({ where, env }).toEqual({
              where,
              env: {
                MODE: 'production',
                SNAP_JS_URL: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/snap\/snap\.js$/),
                MIDTRANS_CLIENT_KEY: 'dev-only-midtrans-client-key',
              },
            });
            expect({ where, leaked: /server-key|secret|3001|backend/i.test(JSON.stringify(env)) }).toEqual({
              where,
              leaked: false,
            });
            // The desktop picture keeps the reference name (e2e/screenshots/<page>-<lng>.png); the phone one adds -390.
            await screenshot(page, `${walkPage.name}-${lng}${width === 1280 ? '' : `-${width}`}`);
          }
          // A 404 document is itself a failed resource load; nothing else may be.
          const unexpected = errors.filter((text) => !(walkPage.status === 404 && text.includes('404')));
          expect({ page: path, lng, errors: unexpected }).toEqual({ page: path, lng, errors: [] });
        } finally {
          await context.close();
        }
      }
    },
  );
});

describe('the accessibility check of the page walk', () => {
  const portal = usePortal();

  it('reports a serious finding when a page has one (an image without a text alternative)', async () => {
    const context = await portal.chromium.newContext();
    try {
      const page = await context.newPage();
      await page.setContent(
        '<html lang="en"><head><title>t</title></head><body><main><h1>t</h1><img src="data:,"></main></body></html>',
      );
      expect((await seriousAxeViolations(page)).map((finding) => finding.id)).toContain('image-alt');
    } finally {
      await context.close();
    }
  });
});

/** Puts `context` in the state the page needs, with a workspace of its own; what the page is about, if anything. */
async function prepareVisitor(
  context: BrowserContext,
  stack: Stack,
  { visitor, data }: Pick<WalkPage, 'visitor' | 'data'>,
  lng: 'en' | 'id',
): Promise<WalkData | undefined> {
  const url = stack.dashboardUrl;
  await context.addCookies([{ name: 'lng', value: lng, url, httpOnly: true, sameSite: 'Lax' }]);
  if (visitor === 'signedOut') return;
  if (visitor === 'seededAdmin') {
    const login = await apiLogin(stack, ADMIN_EMAIL, SEEDED_PASSWORD);
    if (!login.sessionToken || !login.mustChangePassword) throw new Error('the seeded admin was used before its page');
    await signInBrowser(context, stack, login.sessionToken);
    return;
  }
  if (visitor === 'platformAdmin') {
    await signInBrowser(context, stack, await platformAdminToken(stack));
    return;
  }
  const owner = await createOwner(stack, { language: lng === 'en' ? 'EN' : 'ID' });
  // A one-time link's secret, where its page keeps it after the link's first request (one-time-links.server.ts).
  const holdLink = (name: string, token: string) =>
    context.addCookies([{ name, value: token, url, httpOnly: true, sameSite: 'Lax' }]);
  if (visitor === 'invitee') {
    await holdLink('bz_invite', linkToken(await inviteMember(stack, owner, `tamu-${owner.email}`, 'viewer')));
    return;
  }
  if (visitor === 'resetLinkHolder') {
    const email = `lupa-${owner.email}`;
    await acceptAsNewAccount(stack, await inviteMember(stack, owner, email, 'viewer'), {
      name: 'Anggota Lupa',
      password: 'Lupa-kata-sandi-2026-ok',
    });
    const { members } = await callApi<{ members: { id: string; user: { email: string } }[] }>(
      stack,
      '{ members { id user { email } } }',
      {},
      owner.sessionToken,
    );
    const memberId = members.find((member) => member.user.email === email)?.id;
    const { issuePasswordResetLink } = await callApi<{ issuePasswordResetLink: { url: string } }>(
      stack,
      'mutation ($m: ID!) { issuePasswordResetLink(memberId: $m) { url } }',
      { m: memberId },
      owner.sessionToken,
    );
    await holdLink('bz_reset', linkToken(issuePasswordResetLink.url));
    return;
  }
  if (visitor === 'owner') {
    await fillWorkspace(stack, owner);
    const made =
      data === 'campaigns'
        ? await fillCampaigns(stack, owner, WALK_CAMPAIGN_NAME)
        : data === 'records'
          ? await fillRecords(stack, owner, WALK_CONTACT_NAME)
          : undefined;
    await signInBrowser(context, stack, owner.sessionToken);
    return made;
  }
  await enableTwoFactor(stack, owner);
  const login = await apiLogin(stack, owner.email, owner.password);
  if (!login.challengeToken) throw new Error(`expected a two-factor challenge, got ${login.status}`);
  await context.addCookies([
    { name: 'bz_2fa', value: login.challengeToken, url: `${url}/login`, httpOnly: true, sameSite: 'Lax' },
  ]);
}

function fits(width: number) {
  return { innerWidth: width, scrollWidth: expect.any(Number), fits: true };
}

async function measureWidth(page: Page) {
  return page.evaluate(() => {
    const scrollWidth = document.scrollingElement?.scrollWidth ?? Number.POSITIVE_INFINITY;
    return { innerWidth: window.innerWidth, scrollWidth, fits: scrollWidth <= window.innerWidth };
  });
}

/**
 * Buttons, links and form controls that a reader cannot get to: outside the viewport horizontally and not inside
 * an element that scrolls sideways (a table region). Hidden ones (closed menus, visually hidden skip links) are
 * not controls the reader sees, so they do not count.
 */
async function unreachableControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const scrollsSideways = (element: Element | null): boolean => {
      for (let node = element?.parentElement; node; node = node.parentElement) {
        const style = getComputedStyle(node);
        if (['auto', 'scroll'].includes(style.overflowX) && node.scrollWidth > node.clientWidth) return true;
      }
      return false;
    };
    const controls = document.querySelectorAll<HTMLElement>('a[href], button, input, select, textarea, summary');
    const found: string[] = [];
    for (const control of controls) {
      const box = control.getBoundingClientRect();
      if (box.width === 0 || box.height === 0) continue;
      if (getComputedStyle(control).visibility === 'hidden') continue;
      // Inside a closed <details> (the header's notification dropdown): Chromium still reports a box for it.
      if (!control.checkVisibility()) continue;
      if (control.closest('.visually-hidden, .skip-link')) continue;
      const onScreen = box.left >= -1 && box.right <= window.innerWidth + 1;
      if (!onScreen && !scrollsSideways(control)) {
        found.push(`${control.tagName.toLowerCase()} "${(control.textContent ?? '').trim().slice(0, 40)}"`);
      }
    }
    return found;
  });
}

/**
 * The signed-in frame on a phone: the current navigation item and settings tab are scrolled into view, and the
 * page starts right under the navigation strip (no blank band).
 */
async function shellProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = [];
    for (const link of document.querySelectorAll<HTMLElement>('nav a[aria-current="page"]')) {
      const box = link.getBoundingClientRect();
      if (box.left < -1 || box.right > window.innerWidth + 1) {
        problems.push(`current link "${link.textContent?.trim()}" is off-screen (${box.left}..${box.right})`);
      }
    }
    const nav = document.querySelector('.sidebar')?.querySelector('nav');
    const main = document.querySelector('main');
    if (nav && main) {
      const navBox = nav.getBoundingClientRect();
      const mainBox = main.getBoundingClientRect();
      const stacked = navBox.bottom <= mainBox.top + 1;
      if (stacked && mainBox.top - navBox.bottom > 2) {
        problems.push(`a ${Math.round(mainBox.top - navBox.bottom)} px band between the navigation and the page`);
      }
    }
    return problems;
  });
}

/** Scroll regions whose content is wider than they are (on a phone that is what they are for). */
async function clippedRegions(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.table-scroll')]
      .filter((region) => region.scrollWidth > region.clientWidth + 1)
      .map((region) => `${region.getAttribute('aria-label')}: ${region.scrollWidth} > ${region.clientWidth}`),
  );
}
