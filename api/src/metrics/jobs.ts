import type { Clock } from '../core/clock';
import type { JobStore } from '../jobs/backend';
import { gauge } from './registry';

/**
 * Queue depth and lag, read from the shared job store at each scrape: every process on the
 * same store reports the same numbers (the queue is global; `max by (name)` in a dashboard).
 */
export function observeJobQueue(store: JobStore, clock: Clock): void {
  let latest: Promise<Awaited<ReturnType<JobStore['stats']>>> | undefined;
  // A scrape collects the three gauges at once: they share the query in flight.
  const stats = () => {
    latest ??= store.stats(clock.now()).finally(() => (latest = undefined));
    return latest;
  };
  gauge('bizone_jobs_due', 'Jobs due now and not yet taken by a worker, by job name', ['name'], async (metric) => {
    for (const row of await stats()) metric.set({ name: row.name }, row.due);
  });
  gauge('bizone_jobs_running', 'Jobs locked by a worker, by job name', ['name'], async (metric) => {
    for (const row of await stats()) metric.set({ name: row.name }, row.running);
  });
  gauge(
    'bizone_jobs_lag_seconds',
    'How long the oldest due job has waited past its run time, by job name (0 when none waits)',
    ['name'],
    async (metric) => {
      const now = clock.now().getTime();
      for (const row of await stats()) {
        metric.set({ name: row.name }, row.oldestDueAt ? Math.max(0, (now - row.oldestDueAt.getTime()) / 1000) : 0);
      }
    },
  );
}
