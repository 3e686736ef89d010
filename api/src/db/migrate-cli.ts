import 'reflect-metadata';
import { loadConfig } from '../config';
import { createLogger } from '../core/logger';
import { fail } from '../startup-failure';
import { createAppOrm } from '../modules';
import { runMigrations } from './migrate';

/** `npm run db:migrate`: applies pending migrations to DATABASE_URL (safe to run from several hosts at once). */
async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config.logLevel);
  if (!config.database.url)
    throw new Error('DATABASE_URL is not set (npm start migrates the embedded database itself)');
  const orm = await createAppOrm({ url: config.database.url, poolMax: 2 });
  try {
    const applied = await runMigrations(orm, config.database.url, logger);
    process.stdout.write(applied.length ? `Applied: ${applied.join(', ')}\n` : 'Database schema is up to date.\n');
  } finally {
    await orm.close();
  }
}

main().catch(fail);
