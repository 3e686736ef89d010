import { useRevalidator } from '@remix-run/react';
import { useEffect } from 'react';

// How often a running job is asked about again; the job reports its progress batch by batch.
const POLL_MS = 1_000;

export type JobStatus = 'QUEUED' | 'RUNNING' | 'COMPLETED' | 'FAILED';

/** A bulk job or an import (which also knows UPLOADED: not started, nothing to poll for). */
export function bulkJobRunning(status: JobStatus | 'UPLOADED'): boolean {
  return status === 'QUEUED' || status === 'RUNNING';
}

/** Percent done: 100 only once the job says COMPLETED (the count is taken before the walk, rows may vanish). */
export function bulkJobPercent(job: {
  status: JobStatus | 'UPLOADED';
  processedRows: number;
  totalRows: number;
}): number {
  if (job.status === 'COMPLETED') return 100;
  if (job.totalRows <= 0) return 0;
  return Math.min(99, Math.floor((job.processedRows / job.totalRows) * 100));
}

/** Reloads the page's data every second while `running` (the job page's and the import page's progress). */
export function useJobPolling(running: boolean): void {
  const revalidator = useRevalidator();
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') revalidator.revalidate();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running, revalidator]);
}
