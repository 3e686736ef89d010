import 'reflect-metadata';
import { loadConfig } from './config';
import { createLogger } from './core/logger';
import { startApi } from './compose';
import { exitOnSignals, guardProcess } from './lifecycle';
import { fail } from './startup-failure';

/** The API process: GraphQL, webhooks, health; runs jobs too unless JOBS_IN_PROCESS=false. */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  guardProcess(logger);
  const running = await startApi(config, logger);
  exitOnSignals(logger, running.shutdownSteps, config.shutdownTimeoutMs + 10_000);
}

main().catch(fail);
