/**
 * Where the test services live. `bash ops/test-services.sh` starts both with these
 * defaults; override them to point the suite elsewhere.
 */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL ?? 'postgres://bizone:bizone@127.0.0.1:5432/postgres';
export const TEST_MONGODB_URL = process.env.TEST_MONGODB_URL ?? 'mongodb://127.0.0.1:27017';

/**
 * The migrated template every suite clones its own database from (CREATE DATABASE ... TEMPLATE).
 * Named per test run (global setup sets it; workers inherit the environment), so two runs
 * against the same server, a developer's and CI's, never drop each other's template.
 */
export function templateDatabase(): string {
  const name = process.env.BZ_TEMPLATE_DATABASE;
  if (!name) throw new Error('BZ_TEMPLATE_DATABASE is not set: run the tests through jest (its global setup names it)');
  return name;
}

export function databaseUrl(name: string): string {
  const url = new URL(TEST_DATABASE_URL);
  url.pathname = `/${name}`;
  return url.toString();
}
