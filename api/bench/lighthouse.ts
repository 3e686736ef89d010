import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import lighthouse, { type Flags, type Result } from 'lighthouse';
import { chromium } from 'playwright-core';
import { callApi, createOwner, fillWorkspace, type TestOwner } from '../../dashboard/e2e/support/api';
import { CHROMIUM, CHROMIUM_FLAGS } from '../../dashboard/e2e/support/chromium';
import type { Stack } from '../../dashboard/e2e/support/stack';
import { freePort, freshDataDir, median, startPortal } from './support';

/**
 * Lighthouse 12 on the signed-in pages issue 20 names, as a phone sees them: Lighthouse's default configuration
 * (mobile form factor, simulated throttling: Moto G Power, slow 4G, 4x CPU slowdown), performance and accessibility
 * only, Debian's chromium. The portal runs as `npm start` runs it (built, compression on). Each page is audited
 * RUNS times in a fresh tab with storage reset (nothing cached); the figures are the median of each metric, because
 * the simulated score still starts from main-thread timings that the loaded CI machine inflates.
 */
const RUNS = Number(process.env.BZ_BENCH_LIGHTHOUSE_RUNS ?? 3);
/** e.g. BZ_BENCH_LIGHTHOUSE_REPORTS=/tmp/lh: every run's full report as JSON there, to read the audits. */
const REPORTS_DIR = process.env.BZ_BENCH_LIGHTHOUSE_REPORTS;

export interface PageAudit {
  path: string;
  /** 0-100, median of the runs. */
  performance: number;
  accessibility: number;
  lcpMs: number;
  tbtMs: number;
  cls: number;
  fcpMs: number;
  /** Every run's figures, in order, so the spread is visible. */
  runs: {
    performance: number;
    accessibility: number;
    lcpMs: number;
    tbtMs: number;
    cls: number;
    fcpMs: number;
    /** Lighthouse's own CPU benchmark at that run (higher is faster): how much of a core the browser had. */
    benchmarkIndex: number;
    /** The page's language file, to show it was the reader's (Indonesian). */
    language: string;
  }[];
  /** Audits below a full score in the median-performance run (ids), and the accessibility audits that failed. */
  opportunities: string[];
  accessibilityFailures: string[];
}

export interface LighthouseBench {
  lighthouseVersion: string;
  chromium: string;
  runsPerPage: number;
  loadAverage: { before: number[]; after: number[] };
  pages: PageAudit[];
}

/** A few contacts (so the contacts table has rows) and a draft campaign whose detail page is audited. */
async function fillForAudit(stack: Stack, owner: TestOwner): Promise<{ campaignId: string }> {
  await fillWorkspace(stack, owner);
  for (const [name, phone] of [
    ['Ayu Lestari', '0812-5100-0001'],
    ['Bayu Pratama', '0812-5100-0002'],
    ['Citra Wijaya Kusumaningrum', '0812-5100-0003'],
    ['Dewi Anggraini', '0812-5100-0004'],
    ['Eko Saputra', '0812-5100-0005'],
  ]) {
    await callApi(
      stack,
      'mutation ($input: CreateContactInput!) { createContact(input: $input) { id } }',
      { input: { name, phone, consentStatement: 'Formulir toko', tags: ['pelanggan'] } },
      owner.sessionToken,
    );
  }
  const { createCampaign } = await callApi<{ createCampaign: { id: string } }>(
    stack,
    'mutation ($input: CampaignDraftInput!) { createCampaign(input: $input) { id } }',
    { input: { name: 'Promo Akhir Tahun Pelanggan Setia' } },
    owner.sessionToken,
  );
  return { campaignId: createCampaign.id };
}

function figuresOf(lhr: Result): PageAudit['runs'][number] {
  const numeric = (id: string) => lhr.audits[id]?.numericValue ?? Number.NaN;
  const score = (id: string) => Math.round((lhr.categories[id]?.score ?? 0) * 100);
  return {
    performance: score('performance'),
    accessibility: score('accessibility'),
    lcpMs: Math.round(numeric('largest-contentful-paint')),
    tbtMs: Math.round(numeric('total-blocking-time')),
    cls: Number(numeric('cumulative-layout-shift').toFixed(3)),
    fcpMs: Math.round(numeric('first-contentful-paint')),
    benchmarkIndex: Math.round(lhr.environment.benchmarkIndex),
    language:
      lhr.audits['network-requests']?.details?.type === 'table'
        ? String(
            lhr.audits['network-requests'].details.items
              .map((item) => /\/assets\/(en|id)-[\w-]+\.json$/.exec(String(item.url))?.[1])
              .find(Boolean) ?? 'none',
          )
        : 'none',
  };
}

/** Performance audits that cost the page something (a score below 1 with a weight or a saving). */
function opportunitiesOf(lhr: Result): string[] {
  const refs = lhr.categories.performance?.auditRefs ?? [];
  const diagnostics = Object.values(lhr.audits).filter(
    (audit) =>
      audit.score !== null &&
      audit.score < 0.9 &&
      (audit.details?.type === 'opportunity' || refs.some((ref) => ref.id === audit.id && ref.group === 'diagnostics')),
  );
  return diagnostics.map((audit) => `${audit.id}${audit.displayValue ? ` (${audit.displayValue})` : ''}`);
}

function accessibilityFailuresOf(lhr: Result): string[] {
  return (lhr.categories.accessibility?.auditRefs ?? [])
    .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score === 0)
    .map((ref) => ref.id);
}

export async function benchLighthouse(): Promise<LighthouseBench> {
  const loadBefore = loadavg().map((value) => Number(value.toFixed(2)));
  const dataDir = freshDataDir();
  const { portal } = await startPortal(dataDir);
  const debuggingPort = await freePort();
  // A persistent context is the browser's default one, where Lighthouse opens its tab: the session cookie set
  // here is the one a signed-in reader's browser holds (Lighthouse's storage reset leaves cookies alone).
  const profileDir = mkdtempSync(join(tmpdir(), 'bizone-lighthouse-'));
  const context = await chromium.launchPersistentContext(profileDir, {
    executablePath: CHROMIUM,
    headless: true,
    args: [...CHROMIUM_FLAGS, `--remote-debugging-port=${debuggingPort}`],
  });
  try {
    const stack = { apiUrl: portal.apiUrl, dashboardUrl: portal.dashboardUrl } as Stack;
    const owner = await createOwner(stack, { language: 'ID' });
    const { campaignId } = await fillForAudit(stack, owner);
    const paths = ['/dashboard', '/contacts', `/campaigns/${campaignId}`, '/wallet'];
    await context.addCookies(
      (['bz_session', 'lng'] as const).map((name) => ({
        name,
        value: name === 'lng' ? 'id' : owner.sessionToken,
        url: portal.dashboardUrl,
        httpOnly: true,
        sameSite: 'Lax' as const,
      })),
    );
    // A running server has loaded its code and warmed its caches; the first request after the start has not.
    for (const path of paths) {
      const warm = await fetch(`${portal.dashboardUrl}${path}`, {
        headers: { Cookie: `bz_session=${owner.sessionToken}; lng=id` },
      });
      if (!warm.ok) throw new Error(`${path} answered ${warm.status}`);
      await warm.arrayBuffer();
    }
    const flags: Flags = {
      port: debuggingPort,
      output: 'json',
      logLevel: 'error',
      onlyCategories: ['performance', 'accessibility'],
    };
    const pages: PageAudit[] = [];
    let lighthouseVersion = '';
    for (const path of paths) {
      const results: Result[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const answer = await lighthouse(`${portal.dashboardUrl}${path}`, flags);
        if (!answer) throw new Error(`Lighthouse returned nothing for ${path}`);
        if (answer.lhr.runtimeError) throw new Error(`${path}: ${answer.lhr.runtimeError.message}`);
        lighthouseVersion = answer.lhr.lighthouseVersion;
        if (REPORTS_DIR) {
          mkdirSync(REPORTS_DIR, { recursive: true });
          const name = `${path.split('/')[1] ?? 'page'}-${run + 1}.json`;
          writeFileSync(`${REPORTS_DIR}/${name}`, JSON.stringify(answer.lhr));
        }
        results.push(answer.lhr);
      }
      const runs = results.map(figuresOf);
      const pick = (key: Exclude<keyof PageAudit['runs'][number], 'language'>) => median(runs.map((item) => item[key]));
      const medianRun = results[runs.findIndex((item) => item.performance === pick('performance'))] ?? results[0]!;
      pages.push({
        path: path.startsWith('/campaigns/') ? '/campaigns/:id' : path,
        performance: pick('performance'),
        accessibility: pick('accessibility'),
        lcpMs: pick('lcpMs'),
        tbtMs: pick('tbtMs'),
        cls: pick('cls'),
        fcpMs: pick('fcpMs'),
        runs,
        opportunities: opportunitiesOf(medianRun),
        accessibilityFailures: [...new Set(results.flatMap(accessibilityFailuresOf))],
      });
    }
    return {
      lighthouseVersion,
      chromium: context.browser()?.version() ?? 'chromium',
      runsPerPage: RUNS,
      loadAverage: { before: loadBefore, after: loadavg().map((value) => Number(value.toFixed(2))) },
      pages,
    };
  } finally {
    await context.close();
    rmSync(profileDir, { recursive: true, force: true });
    await portal.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

export function describeLighthouse(bench: LighthouseBench): string[] {
  const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;
  return [
    `Lighthouse ${bench.lighthouseVersion} (mobile, simulated throttling), chromium ${bench.chromium}, median of ${bench.runsPerPage} runs; load average ${bench.loadAverage.before.join(' ')} before, ${bench.loadAverage.after.join(' ')} after:`,
    ...bench.pages.flatMap((page) => [
      `  ${page.path}: performance ${page.performance}, accessibility ${page.accessibility}, LCP ${seconds(page.lcpMs)}, TBT ${page.tbtMs} ms, CLS ${page.cls}, FCP ${seconds(page.fcpMs)} (performance per run: ${page.runs.map((run) => run.performance).join(', ')}; CPU benchmark index ${page.runs.map((run) => run.benchmarkIndex).join(', ')}; language file ${[...new Set(page.runs.map((run) => run.language))].join(', ')})`,
      ...(page.opportunities.length ? [`    to improve: ${page.opportunities.join('; ')}`] : []),
      ...(page.accessibilityFailures.length
        ? [`    accessibility failed: ${page.accessibilityFailures.join(', ')}`]
        : []),
    ]),
  ];
}
