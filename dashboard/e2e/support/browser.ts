import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser as Chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS } from './chromium';

export interface Browser {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A Chromium with a fresh profile (its own user-data-dir, removed on close). */
export async function launchBrowser(options: { locale: string; javaScriptEnabled?: boolean }): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  const userDataDir = mkdtempSync(join(tmpdir(), 'bizone-chromium-'));
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    locale: options.locale,
    javaScriptEnabled: options.javaScriptEnabled ?? true,
    viewport: { width: 1280, height: 800 },
  });
  return {
    context,
    close: async () => {
      await context.close();
      rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}

/**
 * One Chromium for a whole suite, handing out fresh contexts (own cookies, language and viewport) to each test:
 * a new context costs milliseconds where a new browser costs a second.
 */
export async function launchChromium(): Promise<Chromium> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
}

/** Console errors and uncaught exceptions of a page (hydration mismatches show up here). */
export function collectPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

const RESULTS = join(__dirname, '..', 'results', 'screenshots');
const REFERENCE = join(__dirname, '..', 'screenshots');

/**
 * A full-page screenshot from the top (a capture of a scrolled page would show the sticky
 * header halfway down). Every run writes to the ignored `e2e/results/screenshots/`, so a
 * test run leaves the checkout clean; the reference pictures in `e2e/screenshots/` change
 * only on purpose: `BZ_REFRESH_SCREENSHOTS=1 npx jest --selectProjects e2e`.
 */
export async function screenshot(page: Page, name: string): Promise<void> {
  await page.evaluate(() => window.scrollTo(0, 0));
  mkdirSync(RESULTS, { recursive: true });
  const image = await page.screenshot({ path: join(RESULTS, `${name}.png`), fullPage: true });
  if (process.env.BZ_REFRESH_SCREENSHOTS === '1' && existsSync(join(REFERENCE, `${name}.png`))) {
    writeFileSync(join(REFERENCE, `${name}.png`), image);
  }
}
