import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { benchEmbeddedStart, describeStart } from './embedded-start';
import { benchGraphqlTypename, describeThroughput } from './graphql-throughput';
import { benchBulk, describeBulk } from './bulk';
import { benchContacts, describeContacts } from './contacts';
import { benchErasure, describeErasure } from './erasure';
import {
  describeDispatch,
  describeDispatchStart,
  paced,
  runDispatchScenario,
  runStartScenario,
  scaleOut,
  start,
  unlimited,
} from './dispatch';
import { benchFirstLoad, describeFirstLoad } from './first-load';
import { benchLighthouse, describeLighthouse } from './lighthouse';
import { benchSearch, describeSearch } from './search';
import { benchOverview, describeOverview } from './overview';
import { benchIdentity, describeIdentity } from './identity';
import { benchMetaSimulator, describeMetaSimulator } from './meta-simulator';
import { REPO_ROOT } from './support';
import { benchWallet, describeWallet } from './wallet';
import { benchWebhooks, describeWebhooks } from './webhooks';

/**
 * `npm run bench [name...]`: runs the benchmarks (all, or those named), prints a summary and
 * writes .bench/results.json. Figures go into docs/BENCHMARKS.md by hand, with the machine.
 */
const BENCHES: Record<string, () => Promise<{ lines: string[]; data: unknown }>> = {
  start: async () => {
    const data = await benchEmbeddedStart();
    return { lines: describeStart(data), data };
  },
  graphql: async () => {
    const data = await benchGraphqlTypename();
    return { lines: describeThroughput(data), data };
  },
  identity: async () => {
    const data = await benchIdentity();
    return { lines: describeIdentity(data), data };
  },
  contacts: async () => {
    const data = await benchContacts();
    return { lines: describeContacts(data), data };
  },
  // Issue 16 point 2: tag, opt-out and erasure of a whole 1,000,000-row book, each one job with progress.
  bulk: async () => {
    const data = await benchBulk();
    return { lines: describeBulk(data), data };
  },
  // Issue 16 point 5: one contact's erasure in a large book, and what its subject index costs webhook ingestion.
  erasure: async () => {
    const data = await benchErasure();
    return { lines: describeErasure(data), data };
  },
  wallet: async () => {
    const data = await benchWallet();
    return { lines: describeWallet(data), data };
  },
  'meta-simulator': async () => {
    const data = await benchMetaSimulator();
    return { lines: describeMetaSimulator(data), data };
  },
  search: async () => {
    const data = await benchSearch();
    return { lines: describeSearch(data), data };
  },
  overview: async () => {
    const data = await benchOverview();
    return { lines: describeOverview(data), data };
  },
  'first-load': async () => {
    const data = await benchFirstLoad();
    return { lines: describeFirstLoad(data), data };
  },
  lighthouse: async () => {
    const data = await benchLighthouse();
    return { lines: describeLighthouse(data), data };
  },
  webhooks: async () => {
    const data = await benchWebhooks();
    return { lines: describeWebhooks(data), data };
  },
  // Issue 19 (a) (c) (d) paced, (b) (d) unlimited; issue 21 one vs two workers on MongoDB jobs.
  dispatch: async () => {
    const data = [await runDispatchScenario(paced())];
    return { lines: describeDispatch(data), data };
  },
  // Issue 19 (c) alone: startCampaign of 100,000 to the first send and to the snapshot's end, then cancelled.
  'dispatch-start': async () => {
    const data = [await runStartScenario(start())];
    return { lines: describeDispatchStart(data), data };
  },
  'dispatch-unlimited': async () => {
    const data = [await runDispatchScenario(unlimited())];
    return { lines: describeDispatch(data), data };
  },
  'dispatch-workers': async () => {
    const data = [await runDispatchScenario(scaleOut(1)), await runDispatchScenario(scaleOut(2))];
    return { lines: describeDispatch(data), data };
  },
};

async function main(): Promise<void> {
  const wanted = process.argv.slice(2).filter((name) => !name.startsWith('-'));
  const names = wanted.length > 0 ? wanted : Object.keys(BENCHES);
  const machine = `${cpus().length} x ${cpus()[0]?.model ?? 'cpu'}, ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}`;
  console.log(`machine: ${machine}`);
  const results: Record<string, unknown> = { machine, at: new Date().toISOString() };
  for (const name of names) {
    const bench = BENCHES[name];
    if (!bench) throw new Error(`unknown benchmark "${name}" (known: ${Object.keys(BENCHES).join(', ')})`);
    const { lines, data } = await bench();
    lines.forEach((line) => console.log(line));
    results[name] = data;
  }
  mkdirSync(join(REPO_ROOT, '.bench'), { recursive: true });
  writeFileSync(join(REPO_ROOT, '.bench', 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
  // autocannon and fetch keep sockets and timers around; the figures are written, so leave.
  process.exit(0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
