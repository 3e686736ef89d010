import { isUnavailable } from './core/error-mapping';
import type { Logger } from './core/logger';

export type ShutdownStep = { name: string; run: () => Promise<unknown> };

/**
 * Runs the shutdown steps once, in order, on SIGTERM or SIGINT, then exits 0 (or 1 when a
 * step failed). The exit is explicit: Agenda 6 leaves a lock-renewal timer alive after
 * drain() that would keep the process around for minutes.
 */
export function exitOnSignals(logger: Logger, steps: () => ShutdownStep[], hardLimitMs: number): void {
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    // Ctrl-C in a terminal signals the whole process group, and impatient operators press
    // it twice: a repeated signal must not cut the orderly stop short.
    if (stopping) return void logger.info({ signal }, 'already shutting down');
    stopping = true;
    logger.info({ signal }, 'shutting down');
    // A stuck step must not keep a process alive forever under systemd.
    const hardStop = setTimeout(() => {
      logger.error({ hardLimitMs }, 'shutdown took too long: exiting');
      process.exit(1);
    }, hardLimitMs);
    hardStop.unref();
    let failed = false;
    for (const step of steps()) {
      try {
        await step.run();
      } catch (error) {
        failed = true;
        logger.error({ err: error, step: step.name }, 'shutdown step failed');
      }
    }
    if (failed) logger.error('stopped with errors');
    else logger.info('stopped');
    logger.flush?.();
    process.exit(failed ? 1 : 0);
  };
  process.on('SIGTERM', (signal) => void stop(signal));
  process.on('SIGINT', (signal) => void stop(signal));
}

/**
 * The last line of defence: an 'error' event nobody listened to, or a rejection nobody
 * handled. A dependency that blinked (a dropped database or Mongo connection) is logged with
 * its context and the process carries on, since every client reconnects on its own; anything
 * else is a programming error, and the process stops loudly (logged as fatal, exit 1) rather
 * than limping on in an unknown state.
 */
export function guardProcess(logger: Logger): void {
  const handle = (kind: 'uncaught exception' | 'unhandled rejection') => (error: unknown) => {
    if (isUnavailable(error)) {
      logger.warn({ err: error, kind }, 'a dependency connection failed outside a request; carrying on');
      return;
    }
    logger.fatal({ err: error, kind }, 'unexpected error: stopping the process');
    logger.flush?.();
    process.exit(1);
  };
  process.on('uncaughtException', handle('uncaught exception'));
  process.on('unhandledRejection', handle('unhandled rejection'));
}
