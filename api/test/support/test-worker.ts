import type { AppConfig } from '../../src/config';
import { startWorker } from '../../src/compose';
import type { Logger } from '../../src/core/logger';
import type { JobDefinition } from '../../src/jobs/runner';
import { exitOnSignals } from '../../src/lifecycle';

/**
 * The real worker composition with a test's own jobs, as a process: says `worker ready` on stdout once it
 * pulls jobs, stops in order on SIGTERM, and exits 1 with the reason when it cannot start.
 */
export function runWorkerWith(config: AppConfig, logger: Logger, jobs: JobDefinition<never>[]): void {
  startWorker(config, logger, { extraJobs: jobs })
    .then((running) => {
      exitOnSignals(logger, running.shutdownSteps, config.shutdownTimeoutMs + 10_000);
      process.stdout.write('worker ready\n');
    })
    .catch((error) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    });
}
