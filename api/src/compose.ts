import { createServer, type Server } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from './config';
import { listenOn } from './core/listen';
import { maskUrl, type Logger } from './core/logger';
import { createOrm } from './db/orm';
import { buildApiSchema } from './graphql/schema';
import { createGraphQLServer } from './graphql/server';
import { createHttpApp } from './http/app';
import { createServices } from './services';
import { PreparedStatements } from './db/prepared-statements';
import { openJobStore, type JobStore } from './jobs/backend';
import { jobDefinitions } from './jobs/definitions';
import { JobRunner, workerName, type JobDefinition } from './jobs/runner';
import type { ShutdownStep } from './lifecycle';

/**
 * Assembly shared by the entry points (main.ts, worker.ts, the embedded launcher).
 * Nothing here has behaviour of its own: it builds the parts and wires them together.
 */

export interface Running {
  orm: MikroORM;
  jobs: JobRunner;
  store: JobStore;
  server?: Server;
  url?: string;
  /** The ordered steps that stop this process cleanly. */
  shutdownSteps(): ShutdownStep[];
}

function requireDatabaseUrl(config: AppConfig): string {
  if (!config.database.url) throw new Error('DATABASE_URL is not set');
  return config.database.url;
}

interface Core {
  orm: MikroORM;
  store: JobStore;
  jobs: JobRunner;
}

async function openCore(
  config: AppConfig,
  logger: Logger,
  role: string,
  extraJobs: JobDefinition<never>[],
): Promise<Core> {
  const url = requireDatabaseUrl(config);
  const orm = await createOrm({ url, poolMax: config.database.poolMax, logger: logger.child({ module: 'orm' }) }).catch(
    (error: Error) => {
      throw new Error(`DATABASE_URL ${maskUrl(url)}: cannot connect: ${error.message}`);
    },
  );
  const store = await openJobStore({
    mongoUrl: config.jobs.mongoUrl,
    postgresUrl: url,
    workerName: workerName(role),
    onError: (error) => logger.warn({ err: error }, 'job store connection lost'),
  }).catch(async (error: Error) => {
    await orm.close();
    throw new Error(`${config.jobs.mongoUrl ? 'MONGODB_URL' : 'the job store'}: cannot connect: ${error.message}`);
  });
  const jobs = new JobRunner({
    store,
    logger: logger.child({ module: 'jobs' }),
    concurrency: config.jobs.concurrency,
    pollMs: config.jobs.pollMs,
    lockLifetimeMs: config.jobs.lockLifetimeMs,
    definitions: [...jobDefinitions(), ...extraJobs],
  });
  return { orm, store, jobs };
}

/** Runs `assemble` on an open core; if it fails, closes the core before reporting the failure. */
async function withCore<T>(core: Core, assemble: () => Promise<T>): Promise<T> {
  try {
    return await assemble();
  } catch (error) {
    // Agenda connects its backend in the background: let that settle before closing under it.
    await core.jobs.ready().catch(() => undefined);
    await core.jobs.shutdown(0).catch(() => undefined);
    await core.store.close().catch(() => undefined);
    await core.orm.close().catch(() => undefined);
    throw error;
  }
}

function coreShutdownSteps(config: AppConfig, { orm, store, jobs }: Core): ShutdownStep[] {
  return [
    { name: 'jobs', run: () => jobs.shutdown(config.shutdownTimeoutMs) },
    { name: 'job store', run: () => store.close() },
    { name: 'database', run: () => orm.close() },
  ];
}

function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    server.close(() => resolve());
    // Keep-alive sockets would hold close() open until they time out.
    server.closeIdleConnections();
  });
}

export async function startApi(
  config: AppConfig,
  logger: Logger,
  options: { runJobs?: boolean; extraJobs?: JobDefinition<never>[] } = {},
): Promise<Running> {
  const runJobs = options.runJobs ?? config.jobs.inProcess;
  const core = await openCore(config, logger, 'api', options.extraJobs ?? []);
  const { orm, store, jobs } = core;
  return withCore(core, async () => {
    const schema = await buildApiSchema();
    const statements = new PreparedStatements(requireDatabaseUrl(config), 4, (error) =>
      logger.warn({ err: error }, 'prepared statement connection lost'),
    );
    const services = createServices(config, statements);
    const graphql = createGraphQLServer({ schema, limits: config.graphql, isProduction: config.isProduction });
    await graphql.start();
    const handler = createHttpApp({
      orm,
      services,
      graphql,
      logger,
      trustProxy: config.api.trustProxy,
      readinessChecks: [
        { name: 'postgres', check: async () => void (await orm.em.getConnection().execute('select 1')) },
        store.readiness,
      ],
    });
    const httpServer = createServer(handler);
    // Slow-loris protection; nginx in front has its own timeouts too.
    httpServer.headersTimeout = 20_000;
    httpServer.requestTimeout = 60_000;
    await listenOn(httpServer, config.api.host, config.api.port, 'API_PORT').catch(async (error) => {
      await graphql.stop();
      throw error;
    });
    if (runJobs) await jobs.start();
    else await jobs.ready();
    const address = httpServer.address();
    const url = `http://${config.api.host}:${typeof address === 'object' && address ? address.port : config.api.port}`;
    logger.info({ url, jobs: runJobs ? store.kind : 'enqueue-only' }, 'api listening');
    return {
      orm,
      jobs,
      store,
      server: httpServer,
      url,
      shutdownSteps: () => [
        { name: 'http', run: () => closeServer(httpServer) },
        { name: 'graphql', run: () => graphql.stop() },
        { name: 'prepared statements', run: () => statements.close() },
        ...coreShutdownSteps(config, core),
      ],
    };
  });
}

export async function startWorker(
  config: AppConfig,
  logger: Logger,
  options: { extraJobs?: JobDefinition<never>[] } = {},
): Promise<Running> {
  const core = await openCore(config, logger, 'worker', options.extraJobs ?? []);
  return withCore(core, async () => {
    await core.jobs.start();
    return { ...core, shutdownSteps: () => coreShutdownSteps(config, core) };
  });
}
