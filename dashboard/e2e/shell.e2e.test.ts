import en from '../app/locales/en.json';
import id from '../app/locales/id.json';
import { createOwner, signInBrowser } from './support/api';
import { seriousAxeViolations } from './support/axe';
import { collectPageErrors, launchBrowser, screenshot, type Browser } from './support/browser';
import { submitLogin, switchLanguage } from './support/identity';
import { startStack, type Stack } from './support/stack';

describe('the signed-in shell', () => {
  let stack: Stack;
  let browser: Browser;

  beforeAll(async () => {
    stack = await startStack();
    browser = await launchBrowser({ locale: 'en-US' });
  }, 90_000);

  afterAll(async () => {
    await browser?.close();
    await stack?.stop();
  }, 60_000);

  it('opens / on the English dashboard, switches to Indonesian from the header, and keeps the choice', async () => {
    const owner = await createOwner(stack, { language: 'ID' });
    const page = await browser.context.newPage();
    const errors = collectPageErrors(page);
    // Choosing English on the login page keeps it after signing in (the account itself speaks Indonesian).
    await page.goto(`${stack.dashboardUrl}/login`);
    await switchLanguage(page, 'en');
    await submitLogin(page, stack.dashboardUrl, {
      email: owner.email,
      password: owner.password,
      expectPath: '/dashboard',
    });

    await page.goto(`${stack.dashboardUrl}/`, { waitUntil: 'networkidle' });
    expect(new URL(page.url()).pathname).toBe('/dashboard');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    expect(await page.title()).toBe(`${en.dashboard.title} · ${en.common.productName}`);
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(en.dashboard.welcome);
    const nav = page.getByRole('navigation', { name: en.shell.nav.label });
    expect(await nav.getByRole('link', { name: en.shell.nav.dashboard }).getAttribute('aria-current')).toBe('page');

    const system = page.getByRole('region', { name: en.dashboard.system.title });
    expect(await system.getByText(en.dashboard.system.online, { exact: true }).count()).toBe(1);
    expect(await system.getByTestId('api-version').textContent()).toMatch(/^\d+\.\d+\.\d+/);
    expect(await system.locator('time').textContent()).toMatch(/^\d{1,2} \S+ \d{4}, \d{2}:\d{2} WIB$/);
    // A new workspace has sent nothing: the overview says so instead of drawing an axis of nothing.
    expect(await page.getByTestId('daily-chart-empty').textContent()).toBe(
      en.overview.statistics.chartEmpty.replace('{{days}}', '30'),
    );
    expect(await page.locator('svg.daily-chart__svg').count()).toBe(0);
    await screenshot(page, 'dashboard-en');

    await page.getByRole('button', { name: en.shell.language.id.short, exact: true }).click();
    await page.locator('html[lang="id"]').waitFor();

    expect(new URL(page.url()).pathname).toBe('/dashboard');
    expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(id.dashboard.welcome);
    expect(await page.title()).toBe(`${id.dashboard.title} · ${id.common.productName}`);
    const navId = page.getByRole('navigation', { name: id.shell.nav.label });
    expect(await navId.getByRole('link', { name: id.shell.nav.dashboard }).count()).toBe(1);
    expect(await navId.getByRole('link', { name: new RegExp(id.shell.nav.wallet) }).count()).toBe(1);
    expect(await page.getByRole('region', { name: id.dashboard.system.title }).locator('time').textContent()).toMatch(
      /^\d{1,2} \S+ \d{4}, \d{2}\.\d{2} WIB$/,
    );
    expect(await page.getByRole('button', { name: 'ID', exact: true }).getAttribute('aria-pressed')).toBe('true');
    const cookies = await browser.context.cookies(stack.dashboardUrl);
    expect(cookies.find((cookie) => cookie.name === 'lng')).toMatchObject({ value: 'id', sameSite: 'Lax', path: '/' });
    expect(await page.getByTestId('daily-chart-empty').textContent()).toBe(
      id.overview.statistics.chartEmpty.replace('{{days}}', '30'),
    );
    await screenshot(page, 'dashboard-id');

    await page.reload({ waitUntil: 'networkidle' });
    expect(await page.locator('html').getAttribute('lang')).toBe('id');
    expect(errors).toEqual([]);
    await page.close();
  });

  it.each([
    ['en', en],
    ['id', id],
  ] as const)('shows a named progress bar and a busy main while the next page loads (%s)', async (lng, locale) => {
    const owner = await createOwner(stack, { language: lng === 'en' ? 'EN' : 'ID' });
    const reader = await launchBrowser({ locale: lng === 'en' ? 'en-US' : 'id-ID' });
    try {
      await signInBrowser(reader.context, stack, owner.sessionToken, lng);
      const page = await reader.context.newPage();
      const errors = collectPageErrors(page);
      await page.goto(`${stack.dashboardUrl}/dashboard`, { waitUntil: 'networkidle' });
      expect(await page.getByRole('progressbar', { name: locale.shell.loading }).count()).toBe(0);
      // The contacts page's data is held until the bar and the busy main have been seen (a slow loader).
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await page.route(
        (url) => url.pathname.startsWith('/contacts'),
        async (route) => {
          await held;
          await route.continue();
        },
      );
      const nav = page.getByRole('navigation', { name: locale.shell.nav.label });
      await nav.getByRole('link', { name: locale.shell.nav.contacts }).click();
      const bar = page.getByRole('progressbar', { name: locale.shell.loading });
      await bar.waitFor();
      expect(await page.locator('main').getAttribute('aria-busy')).toBe('true');
      expect(await seriousAxeViolations(page)).toEqual([]);
      release();
      await page.getByRole('heading', { level: 1, name: locale.contacts.title, exact: true }).waitFor();
      await bar.waitFor({ state: 'detached' });
      expect(await page.locator('main').getAttribute('aria-busy')).toBeNull();
      expect(errors).toEqual([]);
    } finally {
      await reader.close();
    }
  });

  it('switches language without JavaScript and returns to the same page', async () => {
    const owner = await createOwner(stack, { language: 'ID' });
    const noScript = await launchBrowser({ locale: 'id-ID', javaScriptEnabled: false });
    try {
      const page = await noScript.context.newPage();
      // Signing in works without JavaScript too; the login page brings the reader back to where they were going.
      await page.goto(`${stack.dashboardUrl}/contacts`);
      expect(new URL(page.url()).pathname).toBe('/login');
      await submitLogin(page, stack.dashboardUrl, {
        email: owner.email,
        password: owner.password,
        expectPath: '/contacts',
      });
      expect(await page.locator('html').getAttribute('lang')).toBe('id');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(id.shell.nav.contacts);

      await page.getByRole('button', { name: 'EN', exact: true }).click();
      await page.locator('html[lang="en"]').waitFor();
      expect(new URL(page.url()).pathname).toBe('/contacts');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(en.shell.nav.contacts);
    } finally {
      await noScript.close();
    }
  });

  it("loads only the reader's language, and switches only once the other language's strings have arrived", async () => {
    const owner = await createOwner(stack, { language: 'ID' });
    const fresh = await launchBrowser({ locale: 'id-ID' });
    try {
      await signInBrowser(fresh.context, stack, owner.sessionToken, 'id');
      const page = await fresh.context.newPage();
      const errors = collectPageErrors(page);
      const languageFiles: string[] = [];
      page.on('request', (request) => {
        const file = /\/assets\/(en|id)-[\w-]+\.json$/.exec(new URL(request.url()).pathname);
        if (file) languageFiles.push(file[1]!);
      });
      // English is held back until the test lets it through, to see what the page shows meanwhile.
      let releaseEnglish = () => {};
      const englishHeld = new Promise<void>((resolve) => (releaseEnglish = resolve));
      await page.route(/\/assets\/en-[\w-]+\.json$/, async (route) => {
        await englishHeld;
        await route.continue();
      });

      await page.goto(`${stack.dashboardUrl}/dashboard`, { waitUntil: 'networkidle' });
      expect(languageFiles).toEqual(['id']);
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(id.dashboard.welcome);

      // The switch's post and the page's new data come back while English is still on its way: the page stays
      // in Indonesian (never raw keys, never half-switched), and it is still the same live page.
      const reloaded = page.waitForResponse((response) => new URL(response.url()).pathname === '/dashboard.data');
      await page.getByRole('button', { name: 'EN', exact: true }).click();
      await reloaded;
      expect(languageFiles).toEqual(['id', 'en']);
      expect(await page.locator('html').getAttribute('lang')).toBe('id');
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(id.dashboard.welcome);

      releaseEnglish();
      await page.locator('html[lang="en"]').waitFor();
      expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(en.dashboard.welcome);
      expect(await page.title()).toBe(`${en.dashboard.title} · ${en.common.productName}`);
      expect(await page.getByRole('button', { name: 'EN', exact: true }).getAttribute('aria-pressed')).toBe('true');
      // A client-side navigation needs nothing more: both languages are loaded now.
      await page
        .getByRole('navigation', { name: en.shell.nav.label })
        .getByRole('link', { name: en.shell.nav.contacts })
        .click();
      await page.getByRole('heading', { level: 1, name: en.shell.nav.contacts }).waitFor();
      expect(languageFiles).toEqual(['id', 'en']);
      expect(errors).toEqual([]);
    } finally {
      await fresh.close();
    }
  });

  it('answers an unknown address with a 404 page in the language of the reader, signed in or not', async () => {
    const owner = await createOwner(stack);
    for (const [lng, locale, signedIn] of [
      ['id', id, false],
      ['en', en, false],
      ['en', en, true],
    ] as const) {
      const reader = await launchBrowser({ locale: lng === 'en' ? 'en-US' : 'id-ID' });
      try {
        if (signedIn) await signInBrowser(reader.context, stack, owner.sessionToken, lng);
        const page = await reader.context.newPage();
        const response = await page.goto(`${stack.dashboardUrl}/settings/no-such-page`);
        expect(response?.status()).toBe(404);
        expect(await page.locator('html').getAttribute('lang')).toBe(lng);
        expect(await page.getByRole('heading', { level: 1 }).textContent()).toBe(locale.errors.notFound.title);
      } finally {
        await reader.close();
      }
    }
  });

  it('protects every page with its security headers, and runs under its Content-Security-Policy', async () => {
    for (const path of ['/login', '/dashboard', '/no-such-page']) {
      const response = await fetch(`${stack.dashboardUrl}${path}`, { redirect: 'manual' });
      const headers = Object.fromEntries(response.headers);
      expect({ path, csp: headers['content-security-policy'] }).toMatchObject({
        path,
        csp: expect.stringMatching(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/),
      });
      expect(headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(headers).toMatchObject({
        'x-frame-options': 'DENY',
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'strict-origin-when-cross-origin',
        'cross-origin-opener-policy': 'same-origin',
        'cache-control': 'no-store',
      });
      expect(headers['permissions-policy']).toContain('camera=()');
    }
    // A fresh nonce per response.
    const [a, b] = await Promise.all([fetch(`${stack.dashboardUrl}/login`), fetch(`${stack.dashboardUrl}/login`)]);
    expect(a.headers.get('content-security-policy')).not.toBe(b.headers.get('content-security-policy'));
    // The page hydrates under the policy: nothing is refused, and React took over the document.
    const page = await browser.context.newPage();
    await page.addInitScript(() => {
      const violations: string[] = [];
      (window as unknown as { violations: string[] }).violations = violations;
      document.addEventListener('securitypolicyviolation', (event) => violations.push(event.violatedDirective));
    });
    await page.goto(`${stack.dashboardUrl}/login`);
    await page.waitForFunction(() => Boolean((window as unknown as { __remixRouter?: unknown }).__remixRouter));
    expect(await page.evaluate(() => (window as unknown as { violations: string[] }).violations)).toEqual([]);
    await page.close();
  });

  it('sends pages and scripts compressed (brotli or gzip, as the browser offers) and hashed assets as immutable', async () => {
    const answer = (path: string, acceptEncoding: string) =>
      fetch(`${stack.dashboardUrl}${path}`, { headers: { 'accept-encoding': acceptEncoding } });
    const encoding = async (path: string, acceptEncoding: string) => {
      const response = await answer(path, acceptEncoding);
      await response.arrayBuffer();
      return response.headers.get('content-encoding');
    };
    expect(['br', 'gzip']).toContain(await encoding('/login', 'br, gzip'));
    expect(await encoding('/login', 'gzip')).toBe('gzip');
    expect(await encoding('/login', 'identity')).toBeNull();
    // The page's scripts: every one worth compressing (a tiny entry chunk may go as it is) arrives compressed and is
    // cached for good (its name changes with its content). The closing quote leaves out the locale's JSON.
    const html = await (await answer('/login', 'identity')).text();
    const scripts = [...new Set([...html.matchAll(/\/assets\/[^"]+\.js(?=")/g)].map((match) => match[0]))];
    expect(scripts.length).toBeGreaterThan(0);
    let compressed = 0;
    for (const script of scripts) {
      const plain = await answer(script, 'identity');
      expect({ script, cache: plain.headers.get('cache-control') }).toEqual({
        script,
        cache: expect.stringContaining('immutable'),
      });
      if ((await plain.arrayBuffer()).byteLength < 4096) continue;
      expect({ script, encoding: await encoding(script, 'br, gzip') }).toEqual({
        script,
        encoding: expect.stringMatching(/^(br|gzip)$/),
      });
      compressed += 1;
    }
    expect(compressed).toBeGreaterThan(0);
  });
});
