import { Client } from 'pg';
import { templateDatabase, TEST_DATABASE_URL } from './services';

export default async function globalTeardown(): Promise<void> {
  const admin = new Client({ connectionString: TEST_DATABASE_URL });
  await admin.connect();
  try {
    await admin.query(`drop database if exists ${templateDatabase()} with (force)`);
  } finally {
    await admin.end();
  }
}
