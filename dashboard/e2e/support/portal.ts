import type { Browser } from 'playwright-core';
import { launchChromium } from './browser';
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
