import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { Client } from 'pg';
import { databaseUrl, TEST_DATABASE_URL } from './services';
import { typescriptNodeArgs } from './typescript-runner';

const API_DIR = join(__dirname, '..', '..');

/**
 * Builds the migrated template database once per run; each suite clones it in milliseconds.
 * Migrations run in a child process through the real `db:migrate` entry point: MikroORM
 * loaded in Jest's parent realm would leave metadata that the test realm cannot use.
 */
export default async function globalSetup(): Promise<void> {
  const TEMPLATE_DATABASE = `bz_template_${process.pid}_${Date.now().toString(36)}`;
  process.env.BZ_TEMPLATE_DATABASE = TEMPLATE_DATABASE;
  const admin = new Client({ connectionString: TEST_DATABASE_URL, connectionTimeoutMillis: 5000 });
  try {
    await admin.connect();
  } catch (error) {
    throw new Error(
      `Cannot reach the test PostgreSQL at ${TEST_DATABASE_URL.replace(/:[^:@/]+@/, ':***@')}: ` +
        `${(error as Error).message}. Start the test services with \`bash ops/test-services.sh\`.`,
    );
  }
  try {
    await admin.query(`drop database if exists ${TEMPLATE_DATABASE} with (force)`);
    await admin.query(`create database ${TEMPLATE_DATABASE}`);
  } finally {
    await admin.end();
  }
  execFileSync(process.execPath, typescriptNodeArgs(join(API_DIR, 'src', 'db', 'migrate-cli.ts')), {
    cwd: API_DIR,
    env: { ...process.env, DATABASE_URL: databaseUrl(TEMPLATE_DATABASE), LOG_LEVEL: 'warn', NODE_ENV: 'test' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}
