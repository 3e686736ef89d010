import type { AgendaBackend } from 'agenda';
import { MongoBackend } from '@agendajs/mongo-backend';
import { PostgresBackend } from '@agendajs/postgres-backend';
import { MongoClient } from 'mongodb';
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

export interface JobStore {
  kind: JobStoreKind;
  backend: AgendaBackend;
  readiness: ReadinessCheck;
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
    const client = new MongoClient(mongoUrl, { appName: workerName, serverSelectionTimeoutMS: 5000 });
    await client.connect();
    const db = client.db();
    return {
      kind: 'mongodb',
      backend: new MongoBackend({ mongo: db, collection: 'agendaJobs' }),
      readiness: { name: 'jobs', check: async () => void (await db.command({ ping: 1 })) },
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
    close: () => pool.end(),
  };
}
