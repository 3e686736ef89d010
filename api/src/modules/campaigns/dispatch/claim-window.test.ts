import { claimLead, claimSlice, ClaimWindow } from './claim-window';

describe('just-in-time claims', () => {
  it('claims 100 ms of throughput, within the batch size and never nothing', () => {
    // (throughput/s, slice ms, batch size) -> messages, worked out by hand
    const table: [number, number, number, number][] = [
      [1000, 100, 200, 100],
      [80, 100, 200, 8],
      [5, 100, 200, 1], // half a message rounds up to one
      [1, 100, 200, 1],
      [100_000, 100, 200, 200], // an unthrottled channel: the batch size
      [1000, 250, 200, 200],
      [1000, 100, 50, 50],
    ];
    for (const [throughput, sliceMs, batchSize, expected] of table) {
      expect([throughput, sliceMs, batchSize, claimSlice(throughput, sliceMs, batchSize)]).toEqual([
        throughput,
        sliceMs,
        batchSize,
        expected,
      ]);
    }
  });

  it('asks for the next claim once fewer than half a slice are unwritten, so at most slice + lead - 1 wait', async () => {
    // A slice of 100: the next claim comes when 49 are left unwritten, so 149 at most are claimed and unwritten.
    expect(claimLead(100)).toBe(50);
    expect(claimLead(1)).toBe(1);
    expect(claimLead(7)).toBe(4);
    const window = new ClaimWindow(claimLead(100));
    expect(window.due()).toBe(true);
    window.claimed(100);
    const sends = Array.from({ length: 100 }, () => window.tracker());
    expect(window.due()).toBe(false);
    let woken = false;
    const wake = window.whenDue().then(() => (woken = true));
    for (const written of sends.slice(0, 50)) written();
    await Promise.resolve();
    expect([window.pending, window.due(), woken]).toEqual([50, false, false]);
    sends[50]!();
    await wake;
    expect([window.pending, window.due(), woken]).toEqual([49, true, true]);
    window.claimed(100);
    expect(window.pending).toBe(149);
  });

  it('counts a message once when its write and the end of its send both report it', () => {
    const window = new ClaimWindow(1);
    window.claimed(2);
    const first = window.tracker();
    first();
    first();
    expect(window.pending).toBe(1);
    expect(window.due()).toBe(false);
  });
});
