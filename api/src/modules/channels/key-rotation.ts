import type { EntityManager } from '@mikro-orm/postgresql';
import { execute, query } from '../../db/sql';
import { inTransaction } from '../../db/transaction';
import {
  RESEAL_CHANNEL_TOKEN,
  RESEAL_FORWARDING_SECRET,
  STALE_CHANNEL_TOKENS,
  STALE_FORWARDING_SECRETS,
} from './key-rotation.sql';
import type { TokenBox } from './token-box';

export interface RotationReport {
  /** Channel tokens re-sealed under the current key. */
  channels: number;
  /** Reply-forwarding secrets re-sealed under the current key. */
  forwardingSecrets: number;
  /** Values sealed under neither the current nor the previous key: left as they are. */
  unreadable: number;
}

/**
 * Re-seals every channel secret under the current ENCRYPTION_KEY (after a rotation; the old key
 * given as ENCRYPTION_KEY_PREVIOUS). In batches, each a transaction of its own with its rows
 * locked (a channel updated meanwhile waits, then is skipped as already current); idempotent:
 * a second run finds nothing to do. Values under an unknown key are counted and kept.
 */
export async function rotateChannelSecrets(
  em: EntityManager,
  tokens: TokenBox,
  batchSize = 200,
): Promise<RotationReport> {
  const report: RotationReport = { channels: 0, forwardingSecrets: 0, unreadable: 0 };
  const tables = [
    {
      stale: STALE_CHANNEL_TOKENS,
      reseal: (tx: EntityManager, id: string, sealed: string) =>
        execute(tx, RESEAL_CHANNEL_TOKEN, [id, sealed, tokens.keyId]),
      counter: 'channels' as const,
    },
    {
      stale: STALE_FORWARDING_SECRETS,
      reseal: (tx: EntityManager, id: string, sealed: string) => execute(tx, RESEAL_FORWARDING_SECRET, [id, sealed]),
      counter: 'forwardingSecrets' as const,
    },
  ];
  for (const { stale, reseal, counter } of tables) {
    // Keyset over the primary key: rows left unreadable are passed once, never looped on.
    let after = '';
    for (;;) {
      const batch = await inTransaction(em, { lockTimeoutMs: 10_000 }, async (tx) => {
        const rows = await query(tx, stale, [`ct1.${tokens.keyId}.%`, after, batchSize]);
        for (const row of rows) {
          if (!tokens.canOpen(row.sealed)) {
            report.unreadable += 1;
            continue;
          }
          await reseal(tx, row.id, tokens.seal(tokens.open(row.sealed)));
          report[counter] += 1;
        }
        return rows;
      });
      if (batch.length < batchSize) break;
      after = batch.at(-1)!.id;
    }
  }
  return report;
}
