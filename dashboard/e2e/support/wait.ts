import type { Locator, Page } from 'playwright-core';

/** Polls `check` until it returns true; throws `describe()` when `timeoutMs` passes first. */
export async function waitFor(
  check: () => Promise<boolean>,
  { timeoutMs, intervalMs = 100, describe }: { timeoutMs: number; intervalMs?: number; describe: () => string },
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() >= deadline) throw new Error(describe());
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

/**
 * After a click that navigates: the address is `url` and the page shows `shown` (a toast, a heading, a row), so the
 * next step reads the new page and not the one it left.
 */
export async function arrive(
  page: Page,
  url: string | RegExp | ((url: URL) => boolean),
  shown: Locator,
): Promise<void> {
  await page.waitForURL(url);
  await shown.waitFor();
}

export async function answers200(url: string): Promise<boolean> {
  try {
    const response = await fetch(url, { signal: AbortSignal.timeout(2_000) });
    await response.body?.cancel();
    return response.status === 200;
  } catch {
    return false;
  }
}
