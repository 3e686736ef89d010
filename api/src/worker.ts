import 'reflect-metadata';
import { loadConfig } from './config';
import { createLogger } from './core/logger';
import { startWorker } from './compose';
import { exitOnSignals, guardProcess } from './lifecycle';
import { fail } from './startup-failure';

/** A job-only process: scale out by running more of these. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  guardProcess(logger);
  const running = await startWorker(config, logger);
  exitOnSignals(logger, running.shutdownSteps, config.shutdownTimeoutMs + 10_000);
}

main().catch(fail);
