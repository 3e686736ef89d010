import type { AgendaBackend } from 'agenda';
import { PostgresBackend } from '@agendajs/postgres-backend';
import { Pool } from 'pg';
import type { ReadinessCheck } from '../modules/system';

export type JobStoreKind = 'mongodb' | 'postgresql';

/** Re-subscription after a lost LISTEN connection: quick, and never given up (jobs are polled meanwhile). */
const LISTEN_RECONNECT = {
  enabled: true,
  maxAttempts: Number.POSITIVE_INFINITY,
  initialDelayMs: 100,
  maxDelayMs: 5000,
};

/**
 * The PostgreSQL backend's LISTEN client emits 'error' on a lost connection, and with no
 * listener an EventEmitter's 'error' kills the process (a database restart took the whole
 * portal down). Listen, and let the channel reconnect without a cap on attempts (its default
 * gives up after 10, leaving the process on polling alone for good).
 */
function superviseNotificationChannel(backend: PostgresBackend, onError?: (error: Error) => void): void {
  const channel = backend.notificationChannel;
  if (!channel) return;
  channel.on('error', (error: Error) => onError?.(error));
  // The reconnect policy is fixed in the backend's constructor; it lives on the channel's config.
  (channel as unknown as { config: { reconnect: typeof LISTEN_RECONNECT } }).config.reconnect = LISTEN_RECONNECT;
}

/** One job name's queue, as Prometheus sees it (bizone_jobs_due, bizone_jobs_running, bizone_jobs_lag_seconds). */
export interface JobQueueStats {
  name: string;
  /** Due now, not locked by any worker: waiting for a free worker slot. */
  due: number;
  /** Locked by a worker (running, or held by a worker that died until its lock expires). */
  running: number;
  /** The oldest due job's nextRunAt: how far behind the workers are. */
  oldestDueAt: Date | null;
}

export interface JobStore {
  kind: JobStoreKind;
  backend: AgendaBackend;
  readiness: ReadinessCheck;
  /** The queue per job name, shared by every worker on this store. */
  stats(now: Date): Promise<JobQueueStats[]>;
  /** Closes the connection we opened; Agenda never closes a client it was handed. */
  close(): Promise<void>;
}

export interface JobStoreOptions {
  mongoUrl?: string;
  postgresUrl: string;
  workerName: string;
  onError?: (error: Error) => void;
}

/**
 * `MONGODB_URL` set -> MongoDB (production, scale-out); unset -> the main PostgreSQL
 * database (embedded default, small installs). We open the connections ourselves so
 * drain()/stop() leave them usable and shutdown closes them once, in order.
 */
export async function openJobStore({ mongoUrl, postgresUrl, workerName, onError }: JobStoreOptions): Promise<JobStore> {
  if (mongoUrl) {
    // Loaded only when MongoDB holds the jobs: the driver costs every process that does not use it ~20 MB of RSS.
    const [{ MongoClient }, { MongoBackend }] = await Promise.all([
      import('mongodb'),
      import('@agendajs/mongo-backend'),
    ]);
    const client = new MongoClient(mongoUrl, { appName: workerName, serverSelectionTimeoutMS: 5000 });
    await client.connect();
    const db = client.db();
    return {
      kind: 'mongodb',
      backend: new MongoBackend({ mongo: db, collection: 'agendaJobs' }),
      readiness: { name: 'jobs', check: async () => void (await db.command({ ping: 1 })) },
      stats: async (now) => {
        // Plain query filters (the emulator in CI and every MongoDB agree on them), summed here:
        // only due or locked jobs come back, and jobs orchestrate, so they are few.
        const jobs = await db
          .collection<{ name: string; nextRunAt?: Date | null; lockedAt?: Date | null }>('agendaJobs')
          .find(
            {
              disabled: { $ne: true },
              $or: [{ lockedAt: { $ne: null } }, { lockedAt: null, nextRunAt: { $lte: now } }],
            },
            { projection: { name: 1, nextRunAt: 1, lockedAt: 1 }, limit: 100_000 },
          )
          .toArray();
        const byName = new Map<string, JobQueueStats>();
        for (const job of jobs) {
          const stats = byName.get(job.name) ?? { name: job.name, due: 0, running: 0, oldestDueAt: null };
          if (job.lockedAt) stats.running++;
          else if (job.nextRunAt) {
            stats.due++;
            if (!stats.oldestDueAt || job.nextRunAt < stats.oldestDueAt) stats.oldestDueAt = job.nextRunAt;
          }
          byName.set(job.name, stats);
        }
        return [...byName.values()];
      },
      close: () => client.close(),
    };
  }
  const pool = new Pool({ connectionString: postgresUrl, max: 4, application_name: workerName });
  // An idle client dropped by the server (restart, failover) must not crash the process;
  // the pool replaces it on next use.
  pool.on('error', (error) => onError?.(error));
  // The table is created by our migrations; creating it on connect races between workers.
  const backend = new PostgresBackend({ pool, ensureSchema: false });
  superviseNotificationChannel(backend, onError);
  return {
    kind: 'postgresql',
    backend,
    readiness: { name: 'jobs', check: async () => void (await pool.query('select 1 from agenda_jobs limit 1')) },
    stats: async (now) => {
      const { rows } = await pool.query<{ name: string; due: number; running: number; oldest_due_at: Date | null }>(
        `select name,
                count(*) filter (where locked_at is null and next_run_at <= $1)::int as due,
                count(*) filter (where locked_at is not null)::int as running,
                min(next_run_at) filter (where locked_at is null and next_run_at <= $1) as oldest_due_at
         from agenda_jobs where not coalesce(disabled, false) group by name`,
        [now],
      );
      return rows.map((row) => ({
        name: row.name,
        due: row.due,
        running: row.running,
        oldestDueAt: row.oldest_due_at,
      }));
    },
    close: () => pool.end(),
  };
}
