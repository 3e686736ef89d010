import { hostname } from 'node:os';
import { Agenda, type Job, type NotificationChannel } from 'agenda';
import type { Logger } from '../core/logger';
import { jobRuns } from '../metrics/platform';
import type { JobStore } from './backend';

export type JobHandler<Data> = (job: Job<Data>) => Promise<void>;

export interface JobDefinition<Data = unknown> {
  name: string;
  handler: JobHandler<Data>;
  concurrency?: number;
  lockLifetimeMs?: number;
  /** Runs on its own at this interval (ms) once a worker starts: housekeeping such as the personal-data purge. */
  repeatEveryMs?: number;
}

export interface JobRunnerOptions {
  store: JobStore;
  logger: Logger;
  concurrency: number;
  pollMs: number;
  /** A job running longer than this without `touch()` is presumed dead and may run elsewhere. */
  lockLifetimeMs: number;
  definitions: JobDefinition<never>[];
}

export function workerName(role: string): string {
  return `${role}@${hostname()}:${process.pid}`;
}

/**
 * Agenda, configured the one way this project uses it. Jobs orchestrate; they never hold
 * per-message truth, so a job that runs twice must be harmless (exactly-once lives in
 * PostgreSQL).
 */
export class JobRunner {
  readonly agenda: Agenda;
  private running = false;
  /** readyToEnqueue() connected the notification channel itself (a process that enqueues and never starts). */
  private announcing = false;
  /** Ids of the jobs executing in this process, to unlock them if shutdown cannot wait. */
  private readonly executing = new Set<string>();

  constructor(private readonly options: JobRunnerOptions) {
    const { store, concurrency, pollMs, logger } = options;
    this.agenda = new Agenda({
      backend: store.backend,
      name: workerName('worker'),
      // A number: Agenda 6.2.6 parses '100 milliseconds' as 100 seconds.
      processEvery: pollMs,
      maxConcurrency: concurrency,
      defaultConcurrency: concurrency,
      defaultLockLifetime: options.lockLifetimeMs,
    });
    this.agenda.on('error', (error: unknown) => logger.error({ err: error }, 'job store error'));
    for (const definition of options.definitions) this.define(definition as JobDefinition<unknown>);
  }

  private define<Data>({ name, handler, concurrency, lockLifetimeMs }: JobDefinition<Data>): void {
    const log = this.options.logger.child({ job: name });
    this.agenda.define<Data>(
      name,
      async (job) => {
        const started = performance.now();
        const id = String(job.attrs._id);
        this.executing.add(id);
        log.debug({ jobId: id }, 'job started');
        try {
          await handler(job);
          log.info({ jobId: id, ms: Math.round(performance.now() - started) }, 'job finished');
          jobRuns.inc({ name, outcome: 'ok' });
        } catch (error) {
          log.error({ jobId: id, err: error }, 'job failed');
          jobRuns.inc({ name, outcome: 'failed' });
          throw error;
        } finally {
          this.executing.delete(id);
        }
      },
      { concurrency, lockLifetime: lockLifetimeMs },
    );
  }

  private repeating: Promise<void> = Promise.resolve();

  /** Resolves once the repeating jobs are scheduled (start() does not wait for it). */
  whenScheduled(): Promise<void> {
    return this.repeating;
  }

  private async scheduleRepeating(): Promise<void> {
    for (const { name, repeatEveryMs } of this.options.definitions) {
      if (!repeatEveryMs) continue;
      try {
        const { total } = await this.agenda.queryJobs({ name });
        if (total === 0) await this.agenda.every(repeatEveryMs, name, undefined, { skipImmediate: true });
      } catch (error) {
        this.options.logger.error({ err: error, job: name }, 'cannot schedule a repeating job');
      }
    }
  }

  /** Starts pulling jobs (a process that only enqueues never calls this). */
  async start(): Promise<void> {
    await this.agenda.start();
    // One schedule per name in the store, set by the first worker that finds none: setting it again
    // at every start would push the next run back (a process restarted more often than the interval
    // would never run it), and running at once would put housekeeping into every start and stop.
    // In the background: start() must not keep the process from installing its signal handlers (the API answers
    // /readyz before; a SIGTERM in between would kill it).
    this.repeating = this.scheduleRepeating();
    this.running = true;
    this.options.logger.info({ store: this.options.store.kind }, 'job worker started');
  }

  async ready(): Promise<void> {
    await this.agenda.ready;
  }

  /**
   * Readies a process that only enqueues and never starts (the API): the store, and the backend's notification
   * channel, where Agenda announces each job it saves. Agenda connects that channel only in start(): without it the
   * API's jobs went unannounced and a worker found them at its next poll (JOBS_POLL_MS, a second by default).
   */
  async readyToEnqueue(): Promise<void> {
    await this.ready();
    const channel = this.notifications();
    if (channel && channel.state !== 'connected') {
      await channel.connect();
      this.announcing = true;
    }
  }

  private notifications(): NotificationChannel | undefined {
    return (this.agenda as unknown as { notificationChannel?: NotificationChannel }).notificationChannel;
  }

  /**
   * Waits up to `timeoutMs` for running jobs, then unlocks whatever is still running so
   * another worker can take it at once. Agenda's own stop() unlocks only jobs that have
   * not started, leaving a running one locked until its lock lifetime runs out.
   */
  async shutdown(timeoutMs: number): Promise<{ completed: number; unlocked: number }> {
    if (!this.running) {
      // Readied to enqueue only: its notification channel is ours to close (start()'s is closed by Agenda's drain).
      if (this.announcing) await this.notifications()?.disconnect();
      this.announcing = false;
      return { completed: 0, unlocked: 0 };
    }
    this.running = false;
    // Scheduling started in the background at start(): let it finish before the caller closes the store under it
    // (it never rejects; a SIGTERM just after start logged "cannot schedule a repeating job" and lost the schedule).
    await this.repeating;
    const result = await this.agenda.drain({ timeout: timeoutMs, closeConnection: false });
    const stuck = [...this.executing];
    if (stuck.length > 0) {
      this.options.logger.warn({ jobs: stuck }, 'jobs still running at shutdown: unlocking them for another worker');
      await this.agenda.db.unlockJobs(stuck);
    }
    return { completed: result.completed, unlocked: stuck.length };
  }
}
