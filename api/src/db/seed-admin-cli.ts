import 'reflect-metadata';
import { loadConfig } from '../config';
import { createLogger } from '../core/logger';
import { AdminSeedService, AuditService, DEFAULT_ADMIN_PASSWORD, SEED_ADMIN_EMAIL } from '../modules/identity';
import { fail } from '../startup-failure';
import { createAppOrm } from '../modules';
import { runMigrations } from './migrate';

/**
 * `npm run seed:admin`: creates or resets admin@bizone.id (platform admin, Owner of the first
 * workspace). The password comes from ADMIN_PASSWORD, or outside production defaults to
 * ChangeMe123!; either way it must be changed at the next login.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.database.url) throw new Error('DATABASE_URL is not set (npm start seeds the embedded database itself)');
  const password = config.adminPassword ?? (config.isProduction ? undefined : DEFAULT_ADMIN_PASSWORD);
  if (!password) throw new Error('ADMIN_PASSWORD: required in production');
  const orm = await createAppOrm({ url: config.database.url, poolMax: 2 });
  try {
    await runMigrations(orm, config.database.url, createLogger(config.logLevel));
    const { created } = await new AdminSeedService(new AuditService()).seed(orm.em.fork(), password);
    process.stdout.write(
      `${created ? 'Created' : 'Reset'} ${SEED_ADMIN_EMAIL}; the password must be changed at the next login.\n`,
    );
  } finally {
    await orm.close();
  }
}

main().catch(fail);
