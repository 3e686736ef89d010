import { execFile } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BSON, MongoClient } from 'mongodb';
import { Client } from 'pg';
import { rupiah } from '../src/core/money';
import { startTestApi, type TestApi } from './support/api';
import { createTestDatabase, type TestDatabase } from './support/database';
import { createWorkspace } from './support/identity';
import { TEST_MONGODB_URL } from './support/services';

const run = promisify(execFile);
const REPO = join(__dirname, '..', '..');

/** Every row of a table, every column as PostgreSQL prints it: "exactly" means byte for byte. */
async function rows(url: string, table: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ row: string }>(`select t::text as row from "${table}" t order by t::text`);
    return result.rows.map((row) => row.row);
  } finally {
    await client.end();
  }
}

async function publicTables(url: string): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const result = await client.query<{ name: string }>(
      "select table_name as name from information_schema.tables where table_schema = 'public' order by 1",
    );
    return result.rows.map((row) => row.name);
  } finally {
    await client.end();
  }
}

async function jobs(url: string): Promise<string[]> {
  const client = new MongoClient(url);
  await client.connect();
  try {
    const documents = await client.db().collection('agendaJobs').find({}).sort({ _id: 1 }).toArray();
    return documents.map((document) => BSON.EJSON.stringify(document, { relaxed: false }));
  } finally {
    await client.close();
  }
}

async function dropMongo(url: string): Promise<void> {
  const client = new MongoClient(url);
  await client.connect();
  await client.db().dropDatabase();
  await client.close();
}

describe('ops/backup.sh and ops/restore.sh', () => {
  let api: TestApi;
  let target: TestDatabase;
  let backupDir: string;
  const targetMongo = `${TEST_MONGODB_URL}/bz_restore_${process.pid}_${Date.now()}`;

  beforeAll(async () => {
    api = await startTestApi({ jobStore: 'mongodb' });
    target = await createTestDatabase({ migrated: false });
    backupDir = await mkdtemp(join(tmpdir(), 'bizone-backup-'));
  });
  afterAll(async () => {
    const sourceMongo = api.config.jobs.mongoUrl!;
    await api.stop();
    await target.drop();
    await Promise.all([dropMongo(sourceMongo), dropMongo(targetMongo)]);
    await rm(backupDir, { recursive: true, force: true });
  });

  it('restore into an empty database and job store reproduces balances, ledgers, holds and queued jobs exactly', async () => {
    const { wallet } = api.running.services.wallet;
    const em = api.running.orm.em.fork();
    const common = { reference: 'backup-test', actor: 'test' } as const;
    const shops = [await createWorkspace(em), await createWorkspace(em)];
    await wallet.credit(em, shops[0]!.id, { ...common, key: 'c1', amount: rupiah(250_000) });
    const { holdId } = await wallet.hold(em, shops[0]!.id, { ...common, key: 'h1', amount: rupiah(80_000) });
    await wallet.capture(em, shops[0]!.id, { ...common, key: 'cap1', holdId, amount: rupiah(30_500) });
    await wallet.credit(em, shops[1]!.id, { ...common, key: 'c2', amount: rupiah(1_000_000) });
    await wallet.debit(em, shops[1]!.id, { ...common, key: 'd2', amount: rupiah(12_345) });
    // Queued work that must survive: a one-off in a week, a job with data.
    const next = new Date(Date.now() + 7 * 24 * 3600_000);
    await api.running.jobs.agenda.schedule(next, 'backup-test-job', { workspaceId: shops[0]!.id, attempt: 2 });

    const env = {
      PATH: process.env.PATH!,
      DATABASE_URL: api.database.url,
      MONGODB_URL: api.config.jobs.mongoUrl!,
      BACKUP_DIR: backupDir,
    };
    const backup = await run('bash', [join(REPO, 'ops/backup.sh')], { env });
    const made = backup.stdout.trim();
    expect(made).toMatch(new RegExp(`^${backupDir}/bizone-\\d{8}T\\d{6}Z$`));
    expect((await readdir(made)).sort()).toEqual(['SHA256SUMS', 'agenda-jobs.ejson', 'postgres.dump']);

    // Every table, not a chosen few: whatever a module adds is backed up as well.
    const tables = await publicTables(api.database.url);
    expect(tables).toEqual(expect.arrayContaining(['wallet', 'ledger_entry', 'wallet_hold', 'payment_order']));
    const snapshot = await Promise.all(tables.map((table) => rows(api.database.url, table)));
    // Written after the backup: the restore must not have it.
    await wallet.credit(em, shops[1]!.id, { ...common, key: 'late', amount: rupiah(5_000) });

    const restore = await run('bash', [join(REPO, 'ops/restore.sh'), made], {
      env: { ...env, DATABASE_URL: target.url, MONGODB_URL: targetMongo },
    });
    expect(restore.stdout).toContain('imported 1 job(s)');

    expect(await Promise.all(tables.map((table) => rows(target.url, table)))).toEqual(snapshot);
    // The balances, against the amounts written by hand above: (id, created, updated, workspace, balance, held, threshold).
    const restoredWallets = (await rows(target.url, 'wallet')).join('\n');
    expect(restoredWallets).toContain(`,${shops[0]!.id},219500,49500,0)`);
    expect(restoredWallets).toContain(`,${shops[1]!.id},987655,0,0)`);
    expect((await rows(target.url, 'ledger_entry')).filter((row) => row.includes(',late,'))).toEqual([]);
    const sourceJobs = (await jobs(api.config.jobs.mongoUrl!)).filter((job) => job.includes('backup-test-job'));
    expect(await jobs(targetMongo)).toEqual(sourceJobs);
  });

  it('restore refuses a database that already has tables, changing nothing', async () => {
    const [made] = await readdir(backupDir);
    const before = await rows(target.url, 'ledger_entry');
    await expect(
      run('bash', [join(REPO, 'ops/restore.sh'), join(backupDir, made!)], {
        env: { PATH: process.env.PATH!, DATABASE_URL: target.url, MONGODB_URL: targetMongo },
      }),
    ).rejects.toMatchObject({ stderr: expect.stringContaining('already has') });
    expect(await rows(target.url, 'ledger_entry')).toEqual(before);
  });
});
