import { rmSync } from 'node:fs';
import { freshDataDir, median, startPortal } from './support';

/**
 * Cold start of the embedded portal to /readyz: first start (initdb + migrations on an
 * empty data directory) and restart (same data). The build is done beforehand by
 * `npm run bench`, as `npm start` does it before launching.
 */
export async function benchEmbeddedStart(runs = 3): Promise<{ firstStartMs: number[]; restartMs: number[] }> {
  const firstStartMs: number[] = [];
  const restartMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    const dataDir = freshDataDir();
    try {
      const first = await startPortal(dataDir);
      firstStartMs.push(first.readyMs);
      await first.portal.stop();
      const second = await startPortal(dataDir);
      restartMs.push(second.readyMs);
      await second.portal.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return { firstStartMs, restartMs };
}

export function describeStart({ firstStartMs, restartMs }: { firstStartMs: number[]; restartMs: number[] }): string[] {
  const fmt = (values: number[]) =>
    `median ${(median(values) / 1000).toFixed(2)} s (runs: ${values.map((v) => (v / 1000).toFixed(2)).join(', ')})`;
  return [`embedded first start to /readyz: ${fmt(firstStartMs)}`, `embedded restart to /readyz: ${fmt(restartMs)}`];
}
