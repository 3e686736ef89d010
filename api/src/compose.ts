import { createServer, type Server } from 'node:http';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { AppConfig } from './config';
import { listenOn } from './core/listen';
import { maskUrl, type Logger } from './core/logger';
import { systemClock, type Clock } from './core/clock';
import { ServiceContainer } from './graphql/container';
import { buildApiSchema, resolvers } from './graphql/schema';
import { createGraphQLServer } from './graphql/server';
import { createHttpApp } from './http/app';
import { openJobStore, type JobStore } from './jobs/backend';
import { DeferredJobQueue } from './jobs/queue';
import { JobRunner, workerName, type JobDefinition } from './jobs/runner';
import type { ShutdownStep } from './lifecycle';
import { appModules, createAppOrm, type AppServices } from './modules';
import { buildServices, jobsOf, observeModules, routesOf } from './modules/manifest';
import { pendingMigrations } from './db/migrate';
import { NotReady } from './modules/system';
import { preparePasswordStrength } from './modules/identity/passwords';
import { observeJobQueue } from './metrics/jobs';
import { collectProcessMetrics } from './metrics/registry';
import { startMetricsServer } from './metrics/server';

/**
 * Assembly shared by the entry points (main.ts, worker.ts, the embedded launcher).
 * Nothing here has behaviour of its own: it builds the parts and wires them together.
 */

export interface Running {
  orm: MikroORM;
  services: AppServices;
  jobs: JobRunner;
  store: JobStore;
  server?: Server;
  url?: string;
  /** Prometheus' scrape URL when METRICS_PORT is set. */
  metricsUrl?: string;
  /** The ordered steps that stop this process cleanly. */
  shutdownSteps(): ShutdownStep[];
}

function requireDatabaseUrl(config: AppConfig): string {
  if (!config.database.url) throw new Error('DATABASE_URL is not set');
  return config.database.url;
}

interface Core {
  orm: MikroORM;
  services: AppServices;
  store: JobStore;
  jobs: JobRunner;
}

export interface StartOptions {
  /** Jobs beyond the modules' own (tests), built from the same services. */
  extraJobs?: JobDefinition<never>[] | ((services: AppServices) => JobDefinition<never>[]);
  /** Tests move time with a ManualClock; everything else runs on the system clock. */
  clock?: Clock;
}

/**
 * The parts every process has: the ORM, the modules' services (built before the job runner,
 * so jobs call services, in the API and the worker alike), the job store and the runner.
 */
async function openCore(config: AppConfig, logger: Logger, role: string, options: StartOptions): Promise<Core> {
  const url = requireDatabaseUrl(config);
  const { poolMax, statementTimeoutMs, lockTimeoutMs, acquireTimeoutMs, idleInTransactionTimeoutMs } = config.database;
  const orm = await createAppOrm({
    url,
    poolMax,
    logger: logger.child({ module: 'orm' }),
    limits: { statementTimeoutMs, lockTimeoutMs, acquireTimeoutMs, idleInTransactionTimeoutMs },
  }).catch((error: Error) => {
    throw new Error(`DATABASE_URL ${maskUrl(url)}: cannot connect: ${error.message}`);
  });
  await refuseOutdatedSchema(orm);
  const queue = new DeferredJobQueue();
  const services = buildServices(appModules, { config, clock: options.clock ?? systemClock, logger, jobs: queue });
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
    definitions: [
      ...jobsOf(appModules, services, { orm }),
      ...(typeof options.extraJobs === 'function' ? options.extraJobs(services) : (options.extraJobs ?? [])),
    ],
  });
  queue.bind(jobs);
  collectProcessMetrics(role);
  observeJobQueue(store, options.clock ?? systemClock);
  observeModules(appModules, services, { orm });
  return { orm, services, store, jobs };
}

/**
 * A process never serves a schema older than its code: the deploy runs `npm run db:migrate`
 * first (the embedded launcher migrates itself before starting the API). Starting anyway would
 * answer with errors on every table or column the code expects.
 */
async function refuseOutdatedSchema(orm: MikroORM): Promise<void> {
  const pending = await pendingMigrations(orm).catch(async (error: Error) => {
    await orm.close();
    throw error;
  });
  if (pending.length === 0) return;
  await orm.close();
  throw new Error(
    `the database schema is behind this version: ${pending.length} pending migration(s) (${pending.join(', ')}); ` +
      'run `npm run db:migrate` first',
  );
}

/** The scrape endpoint when METRICS_PORT is set; its shutdown step comes last (Prometheus sees the drain). */
async function metricsListener(config: AppConfig, logger: Logger): Promise<{ steps: ShutdownStep[]; url?: string }> {
  if (!config.metrics) return { steps: [] };
  const { server, url } = await startMetricsServer(config.metrics.host, config.metrics.port);
  logger.info({ url }, 'metrics listening');
  const close = () =>
    new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  return { url, steps: [{ name: 'metrics', run: close }] };
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

function coreShutdownSteps(config: AppConfig, { orm, store, jobs, services }: Core): ShutdownStep[] {
  return [
    // Before the job drain: the dispatch loops stop claiming, finish and record what is in flight, release their leases.
    { name: 'dispatch', run: () => services.campaigns.dispatch.stop() },
    { name: 'jobs', run: () => jobs.shutdown(config.shutdownTimeoutMs) },
    { name: 'job store', run: () => store.close() },
    { name: 'database', run: () => orm.close() },
  ];
}

/**
 * Stops accepting connections and lets every request already received finish. A keep-alive
 * socket becomes idle only after its response, so idle ones are closed as they appear rather
 * than held open until their keep-alive timeout (5 s) would end them. Not more often than
 * twice a second: a request still on its way over an idle socket is cut by each sweep (as by
 * any keep-alive close), so the sweeps are few.
 */
function closeServer(server: Server): Promise<void> {
  return new Promise((resolve) => {
    const sweep = setInterval(() => server.closeIdleConnections(), 500);
    server.close(() => {
      clearInterval(sweep);
      resolve();
    });
    server.closeIdleConnections();
  });
}

export async function startApi(
  config: AppConfig,
  logger: Logger,
  options: StartOptions & { runJobs?: boolean } = {},
): Promise<Running> {
  const runJobs = options.runJobs ?? config.jobs.inProcess;
  const core = await openCore(config, logger, 'api', options);
  const { orm, services, store, jobs } = core;
  return withCore(core, async () => {
    // Before the first sign-up or password change rather than during it (~0.2 s of indexing); the worker never does.
    preparePasswordStrength();
    const container = new ServiceContainer(services);
    container.prepare(resolvers);
    const schema = await buildApiSchema(container);
    const graphql = createGraphQLServer({ schema, limits: config.graphql });
    await graphql.start();
    const handler = createHttpApp({
      orm,
      access: services.identity.access,
      graphql,
      logger,
      routes: routesOf(appModules, services, { orm }),
      trustProxy: config.api.trustProxy,
      readinessChecks: [
        { name: 'postgres', check: async () => void (await orm.em.getConnection().execute('select 1')) },
        store.readiness,
        {
          // Checked at start too; here for a schema rolled back under a running process (a failed deploy's undo).
          name: 'migrations',
          check: async () => {
            const pending = await pendingMigrations(orm);
            if (pending.length > 0) throw new NotReady(`${pending.length} pending`);
          },
        },
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
    const metrics = await metricsListener(config, logger).catch(async (error) => {
      await closeServer(httpServer);
      await graphql.stop();
      throw error;
    });
    if (runJobs) await jobs.start();
    else await jobs.readyToEnqueue();
    const address = httpServer.address();
    const url = `http://${config.api.host}:${typeof address === 'object' && address ? address.port : config.api.port}`;
    logger.info({ url, jobs: runJobs ? store.kind : 'enqueue-only' }, 'api listening');
    return {
      orm,
      services,
      jobs,
      store,
      server: httpServer,
      url,
      metricsUrl: metrics.url,
      shutdownSteps: () => [
        { name: 'http', run: () => closeServer(httpServer) },
        { name: 'graphql', run: () => graphql.stop() },
        ...coreShutdownSteps(config, core),
        ...metrics.steps,
      ],
    };
  });
}

export async function startWorker(config: AppConfig, logger: Logger, options: StartOptions = {}): Promise<Running> {
  const core = await openCore(config, logger, 'worker', options);
  return withCore(core, async () => {
    const metrics = await metricsListener(config, logger);
    await core.jobs.start();
    core.services.campaigns.dispatch.startHeartbeat(() => core.orm.em.fork());
    return {
      ...core,
      metricsUrl: metrics.url,
      shutdownSteps: () => [...coreShutdownSteps(config, core), ...metrics.steps],
    };
  });
}
