import 'reflect-metadata';
import { loadConfig } from '../config';
import { createLogger } from '../core/logger';
import { exitOnSignals } from '../lifecycle';
import { fail } from '../startup-failure';
import { startSimulators } from '.';

/**
 * The Meta and Midtrans simulators as a process of their own (`node api/dist/simulators/cli.js`),
 * for a staging or CI install whose API runs with NODE_ENV=production and so refuses them
 * in-process. Give it the same META_APP_ID, MIDTRANS_SERVER_KEY and MIDTRANS_MERCHANT_ID as the
 * API, and point the API's META_GRAPH_BASE_URL, MIDTRANS_SNAP_BASE_URL and MIDTRANS_API_BASE_URL
 * at its ports. It refuses NODE_ENV=production itself: a simulator never stands in for a live gateway.
 */
async function main(): Promise<void> {
  const config = loadConfig({ SIMULATORS: 'true' });
  const logger = createLogger(config.logLevel);
  const simulators = await startSimulators(config);
  for (const simulator of simulators) logger.info({ url: simulator.url }, `${simulator.name} simulator listening`);
  exitOnSignals(logger, () => simulators.map((simulator) => ({ name: simulator.name, run: simulator.close })), 5000);
}

main().catch(fail);
