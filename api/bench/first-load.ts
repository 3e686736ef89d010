import { rmSync } from 'node:fs';
import { chromium, type Page } from 'playwright-core';
import { WALK_CAMPAIGN_NAME, WALK_CONTACT_NAME, walkPages, type WalkData } from '../../dashboard/e2e/pages';
import { createOwner, fillWorkspace } from '../../dashboard/e2e/support/api';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../dashboard/e2e/support/chromium';
import type { Stack } from '../../dashboard/e2e/support/stack';
import { fillCampaigns, fillRecords } from '../../dashboard/e2e/support/workspace';
import { freshDataDir, startPortal } from './support';

/**
 * Bytes of each page's first load as the dashboard serves it (`npm start`, compression on): a fresh browser profile
 * (nothing cached) opens the page and waits until the network is idle; every response's body and headers are counted
 * as they crossed the wire (compressed), next to the bodies' decoded size. Debian's chromium. The pages are the page
 * walk's (e2e/pages.ts) that an Owner sees, those about one thing too (a sent campaign, the campaign editor, a
 * contact, an import, a bulk job, a receipt) on what the walk's fill steps make, and the signed-out ones (login).
 */
export interface PageLoad {
  /** The walk's name for the page (`campaign-sent`). */
  name: string;
  path: string;
  requests: number;
  /** Headers and bodies as transferred. */
  transferredBytes: number;
  /** The same bodies decoded (what they would have cost uncompressed, headers not counted). */
  decodedBodyBytes: number;
}

export interface FirstLoadBench {
  pages: PageLoad[];
  largest: PageLoad;
}

async function measure(page: Page, url: string): Promise<Omit<PageLoad, 'name' | 'path'>> {
  const responses: Promise<{ transferred: number; decoded: number }>[] = [];
  page.on('requestfinished', (request) => {
    responses.push(
      (async () => {
        const sizes = await request.sizes();
        const response = await request.response();
        const body = response ? await response.body().catch(() => Buffer.alloc(0)) : Buffer.alloc(0);
        return { transferred: sizes.responseBodySize + sizes.responseHeadersSize, decoded: body.length };
      })(),
    );
  });
  await page.goto(url, { waitUntil: 'networkidle' });
  const all = await Promise.all(responses);
  return {
    requests: all.length,
    transferredBytes: all.reduce((sum, item) => sum + item.transferred, 0),
    decodedBodyBytes: all.reduce((sum, item) => sum + item.decoded, 0),
  };
}

export async function benchFirstLoad(): Promise<FirstLoadBench> {
  const dataDir = freshDataDir();
  const { portal } = await startPortal(dataDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROMIUM_FLAGS });
  try {
    const stack = {
      apiUrl: portal.apiUrl,
      dashboardUrl: portal.dashboardUrl,
      midtransUrl: portal.midtransUrl,
      metaUrl: portal.metaUrl,
    } as Stack;
    const owner = await createOwner(stack, { language: 'ID' });
    await fillWorkspace(stack, owner);
    // One workspace holds what every page about one thing needs (the walk gives each its own).
    const data: WalkData = {
      ...(await fillCampaigns(stack, owner, WALK_CAMPAIGN_NAME)),
      ...(await fillRecords(stack, owner, WALK_CONTACT_NAME)),
    };
    const pages: PageLoad[] = [];
    const measured = walkPages.filter(
      (candidate) => (candidate.visitor === 'owner' || candidate.visitor === 'signedOut') && !candidate.status,
    );
    for (const walkPage of measured) {
      const path = typeof walkPage.path === 'string' ? walkPage.path : walkPage.path(data);
      const context = await browser.newContext({ locale: 'id-ID', viewport: { width: 390, height: 860 } });
      if (walkPage.visitor === 'owner') {
        await context.addCookies([
          { name: 'bz_session', value: owner.sessionToken, url: portal.dashboardUrl, httpOnly: true, sameSite: 'Lax' },
        ]);
      }
      const page = await context.newPage();
      pages.push({ name: walkPage.name, path, ...(await measure(page, `${portal.dashboardUrl}${path}`)) });
      await context.close();
    }
    const largest = pages.reduce((top, item) => (item.transferredBytes > top.transferredBytes ? item : top));
    return { pages, largest };
  } finally {
    await browser.close();
    await portal.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function describeFirstLoad({ pages, largest }: FirstLoadBench): string[] {
  const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
  return [
    'first load of each page (fresh cache, as served):',
    ...pages.map(
      (item) =>
        `  ${item.name} ${item.path}: ${kb(item.transferredBytes)} transferred in ${item.requests} requests (bodies ${kb(item.decodedBodyBytes)} decoded)`,
    ),
    `largest: ${largest.name} ${largest.path}, ${kb(largest.transferredBytes)} (target < 200 KB)`,
  ];
}
