import 'reflect-metadata';
import { loadConfig } from '../config';
import { createLogger, maskUrl } from '../core/logger';
import { AdminSeedService, AuditService, DEFAULT_ADMIN_PASSWORD, SEED_ADMIN_EMAIL } from '../modules/identity';
import { fail } from '../startup-failure';
import { createAppOrm } from '../modules';
import { runMigrations } from './migrate';

/** Production runs it only when asked in so many words: `npm run seed:admin -- --production`. */
export const PRODUCTION_FLAG = '--production';

/**
 * `npm run seed:admin`: creates or resets admin@bizone.id (platform admin, Owner of the first
 * workspace): the way back in after a lost administrator password. The password comes from
 * ADMIN_PASSWORD, or outside production defaults to ChangeMe123!; either way it must be changed
 * at the next login. Against production it refuses without --production: a reset pointed at the
 * wrong DATABASE_URL by mistake would lock the real administrator out.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.database.url) throw new Error('DATABASE_URL is not set (npm start seeds the embedded database itself)');
  if (config.isProduction && !process.argv.slice(2).includes(PRODUCTION_FLAG)) {
    throw new Error(
      `NODE_ENV=production: this resets the password of ${SEED_ADMIN_EMAIL} on ${maskUrl(config.database.url)}; ` +
        `if that is what you mean, run \`npm run seed:admin -- ${PRODUCTION_FLAG}\``,
    );
  }
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
