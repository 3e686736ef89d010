import 'reflect-metadata';
import { loadConfig } from '../config';
import { createLogger } from '../core/logger';
import { createAppOrm } from '../modules';
import { rotateChannelSecrets, TokenBox } from '../modules/channels';
import { fail } from '../startup-failure';
import { runMigrations } from './migrate';

/**
 * `npm run channels:rotate-key`: after ENCRYPTION_KEY was changed (the old one kept as
 * ENCRYPTION_KEY_PREVIOUS), re-seals every channel access token and reply-forwarding secret
 * under the new key. Safe to run again, and while the portal runs (it opens both keys).
 * `--batch=N` rows per transaction (default 200). Exits 1 when a value is under neither key.
 */
async function main(): Promise<void> {
  const config = loadConfig();
  if (!config.database.url) throw new Error('DATABASE_URL is not set');
  const batchArg = process.argv.find((arg) => arg.startsWith('--batch='));
  const batchSize = batchArg ? Number(batchArg.slice('--batch='.length)) : 200;
  if (!Number.isInteger(batchSize) || batchSize < 1 || batchSize > 10_000) throw new Error('--batch: 1 to 10000');
  const tokens = new TokenBox(config.secrets.encryptionKey, config.secrets.previousEncryptionKey);
  const orm = await createAppOrm({ url: config.database.url, poolMax: 2 });
  try {
    await runMigrations(orm, config.database.url, createLogger(config.logLevel));
    const report = await rotateChannelSecrets(orm.em.fork(), tokens, batchSize);
    process.stdout.write(
      `Re-sealed under key ${tokens.keyId}: ${report.channels} channel token(s), ` +
        `${report.forwardingSecrets} reply-forwarding secret(s).\n`,
    );
    if (report.unreadable > 0) {
      process.stdout.write(
        `${report.unreadable} value(s) are sealed under neither ENCRYPTION_KEY nor ENCRYPTION_KEY_PREVIOUS and were left as they are.\n`,
      );
      process.exitCode = 1;
    }
  } finally {
    await orm.close();
  }
}

main().catch(fail);
