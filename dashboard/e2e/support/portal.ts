import type { Browser, BrowserContext, Page } from 'playwright-core';
import { signInBrowser } from './api';
import { collectPageErrors, launchChromium } from './browser';
import { startStack, type Stack } from './stack';

export interface Portal {
  /** The portal under test (API, dashboard, embedded database), one per test file. */
  stack: Stack;
  /** Chromium; each test opens its own context. */
  chromium: Browser;
}

/**
 * Starts the portal and Chromium before a test file's tests and stops both after them. Call it at the top of a
 * `describe`: `const portal = usePortal();`, then `portal.stack` and `portal.chromium` inside the tests. `env`
 * is read when the portal starts, after the file's earlier `beforeAll`s (a simulator the test started itself).
 */
export function usePortal(options: { env?: () => Record<string, string> } = {}): Portal {
  const portal = {} as Portal;
  beforeAll(async () => {
    portal.stack = await startStack({ env: options.env?.() });
    portal.chromium = await launchChromium();
  }, 90_000);
  afterAll(async () => {
    await portal.chromium?.close();
    await portal.stack?.stop();
  }, 60_000);
  return portal;
}

/**
 * A page of a fresh browser context signed in with `sessionToken` in `lng` (the context's locale too), and the console
 * errors it collects. The caller closes `context`.
 */
export async function signedInPage(
  portal: Portal,
  sessionToken: string,
  lng: 'en' | 'id',
  viewport = { width: 1280, height: 860 },
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await portal.chromium.newContext({ locale: lng === 'en' ? 'en-US' : 'id-ID', viewport });
  try {
    await signInBrowser(context, portal.stack, sessionToken, lng);
    const page = await context.newPage();
    return { context, page, errors: collectPageErrors(page) };
  } catch (error) {
    await context.close();
    throw error;
  }
}
