import 'reflect-metadata';
import { resolve } from 'node:path';
import { loadConfig, type AppConfig } from '../config';
import { createLogger, type Logger } from '../core/logger';
import { startApi } from '../compose';
import { createAppOrm } from '../modules';
import { AdminSeedService, AuditService, DEFAULT_ADMIN_PASSWORD, SEED_ADMIN_EMAIL } from '../modules/identity';
import { runMigrations } from '../db/migrate';
import { exitOnSignals, guardProcess, type ShutdownStep } from '../lifecycle';
import { startSimulators } from '../simulators';
import { fail } from '../startup-failure';
import { startDashboardProcess } from './dashboard-process';
import { EmbeddedPostgres } from './embedded-postgres';

/**
 * `npm start`: the whole portal in one command on a fresh machine. Embedded PostgreSQL
 * (unless DATABASE_URL is set), migrations, the simulators, the API with its job worker,
 * and the dashboard; Ctrl-C stops all of it, PostgreSQL last.
 */
const REPO_ROOT = resolve(__dirname, '..', '..', '..');

async function prepareDatabase(config: AppConfig, logger: Logger, steps: ShutdownStep[]): Promise<string> {
  if (config.database.url) return config.database.url;
  const embedded = new EmbeddedPostgres({
    dataDir: resolve(REPO_ROOT, config.embedded.dataDir),
    port: config.embedded.postgresPort,
    database: 'bizone',
    logger: logger.child({ module: 'embedded-postgres' }),
  });
  steps.push({ name: 'embedded postgres', run: () => embedded.stop() });
  const url = await embedded.start();
  embedded.supervise({
    onGiveUp: (reason) => {
      // Never leave an API that cannot serve: stop everything, in order, saying why.
      logger.fatal({ reason }, 'giving up on the embedded PostgreSQL: stopping the portal');
      process.stderr.write(`\n  BizOne Portal stops: ${reason}\n\n`);
      process.kill(process.pid, 'SIGTERM');
    },
  });
  return url;
}

/** Migrations, and on a fresh database the seeded admin, so the first visit can sign in. */
async function prepareSchema(config: AppConfig, url: string, logger: Logger): Promise<void> {
  const orm = await createAppOrm({ url, poolMax: 2 });
  try {
    await runMigrations(orm, url, logger);
    const adminSeed = new AdminSeedService(new AuditService());
    if (!(await adminSeed.hasUsers(orm.em.fork()))) {
      await adminSeed.seed(orm.em.fork(), config.adminPassword ?? DEFAULT_ADMIN_PASSWORD);
      logger.info({ email: SEED_ADMIN_EMAIL }, 'seeded the administrator (change the password at first login)');
      process.stdout.write(
        `\n  First start: sign in as ${SEED_ADMIN_EMAIL} with ${config.adminPassword ? 'ADMIN_PASSWORD' : `the password ${DEFAULT_ADMIN_PASSWORD}`}; you will be asked to change it.\n`,
      );
    }
  } finally {
    await orm.close();
  }
}

async function main(): Promise<void> {
  const started = performance.now();
  const config = loadConfig();
  // A person at a terminal reads lines, not JSON; pipes, CI and production keep JSON.
  const logger = createLogger(config.logLevel, undefined, { pretty: process.stdout.isTTY && !config.isProduction });
  // Filled as parts start; run in reverse so PostgreSQL stops after everything that uses it.
  const steps: ShutdownStep[] = [];
  guardProcess(logger);
  exitOnSignals(logger, () => [...steps].reverse(), config.shutdownTimeoutMs + 20_000);
  try {
    const databaseUrl = await prepareDatabase(config, logger, steps);
    await prepareSchema(config, databaseUrl, logger);
    const portalConfig: AppConfig = { ...config, database: { ...config.database, url: databaseUrl } };

    const simulators = await startSimulators(portalConfig);
    for (const simulator of simulators) steps.push({ name: `${simulator.name} simulator`, run: simulator.close });

    const api = await startApi(portalConfig, logger, { runJobs: true });
    steps.push(...api.shutdownSteps().reverse());

    const dashboard = await startDashboardProcess({
      repoRoot: REPO_ROOT,
      host: config.dashboard.host,
      port: config.dashboard.port,
      apiUrl: api.url!,
      publicUrl: config.publicUrl,
      midtrans: {
        env: config.midtrans.env,
        clientKey: config.midtrans.clientKey,
        snapBaseUrl: config.midtrans.snapBaseUrl,
      },
      cspReportOnly: config.dashboard.cspReportOnly,
      logger: logger.child({ module: 'dashboard' }),
    });
    steps.push({ name: 'dashboard', run: dashboard.stop });

    const seconds = ((performance.now() - started) / 1000).toFixed(1);
    logger.info({ url: dashboard.url, api: api.url, seconds }, 'BizOne Portal is ready');
    process.stdout.write(`\n  BizOne Portal is ready in ${seconds} s: open ${dashboard.url}\n\n`);
  } catch (error) {
    // Stop what already started (PostgreSQL included) before reporting the failure.
    for (const step of [...steps].reverse()) await step.run().catch(() => undefined);
    throw error;
  }
}

main().catch(fail);
