import { rmSync } from 'node:fs';
import { freshDataDir, median, startPortal } from './support';

/**
 * Cold start of the embedded portal to /readyz: first start (initdb + migrations on an
 * empty data directory) and restart (same data). The build is done beforehand by
 * `npm run bench`, as `npm start` does it before launching.
 */
export interface StartTimes {
  firstStartMs: number[];
  restartMs: number[];
  /** `npm start` typed again with nothing changed: its build check, then the restart. */
  npmRestartMs: number[];
}

export async function benchEmbeddedStart(runs = 3): Promise<StartTimes> {
  const firstStartMs: number[] = [];
  const restartMs: number[] = [];
  const npmRestartMs: number[] = [];
  for (let run = 0; run < runs; run++) {
    const dataDir = freshDataDir();
    try {
      const first = await startPortal(dataDir);
      firstStartMs.push(first.readyMs);
      await first.portal.stop();
      const second = await startPortal(dataDir);
      restartMs.push(second.readyMs);
      await second.portal.stop();
      const third = await startPortal(dataDir, { viaNpm: true });
      npmRestartMs.push(third.readyMs);
      await third.portal.stop();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  }
  return { firstStartMs, restartMs, npmRestartMs };
}

export function describeStart({ firstStartMs, restartMs, npmRestartMs }: StartTimes): string[] {
  const fmt = (values: number[]) =>
    `median ${(median(values) / 1000).toFixed(2)} s (runs: ${values.map((v) => (v / 1000).toFixed(2)).join(', ')})`;
  return [
    `embedded first start to /readyz: ${fmt(firstStartMs)}`,
    `embedded restart to /readyz: ${fmt(restartMs)}`,
    `\`npm start\` again, nothing changed, from the command to /readyz: ${fmt(npmRestartMs)}`,
  ];
}
