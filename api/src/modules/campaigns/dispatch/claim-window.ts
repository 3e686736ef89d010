/**
 * Just-in-time claiming. A claimed message is SENDING from its claim's commit on; a crash that catches it before its
 * request was written leaves it UNKNOWN, and an UNKNOWN message is never sent again (it may have reached Meta), so
 * every message claimed ahead of the wire is a recipient a kill can cost. The loop therefore claims a slice of
 * `CAMPAIGN_CLAIM_SLICE_MS` of the channel's throughput, and claims the next slice only once fewer than half a slice
 * of its claimed messages are still unwritten: at most `slice + lead - 1` messages are ever claimed and unwritten
 * (149 at 1,000/s and 100 ms), whatever the latency. Half a slice (50 ms of sends) is the time the next claim has to
 * commit before the pacer runs dry.
 *
 * "Written" is the transport's `mayWrite` moment (graph-transport.ts): the request's bytes handed to the socket; a
 * send that ends without it (refused there, stopped, failed to connect) stops counting when it ends.
 */

/** Messages per claim: `sliceMs` of the channel's throughput, at most the batch size, at least 1. */
export function claimSlice(throughputPerSecond: number, sliceMs: number, batchSize: number): number {
  return Math.max(1, Math.min(batchSize, Math.ceil((throughputPerSecond * sliceMs) / 1000)));
}

/** The next claim is made once the unwritten claimed messages are fewer than this: half a slice (rounded up). */
export function claimLead(slice: number): number {
  return Math.ceil(slice / 2);
}

/** The claimed-but-unwritten count of one loop, and a wait for the moment the next claim is due. */
export class ClaimWindow {
  private unwritten = 0;
  private waiting: (() => void)[] = [];

  constructor(private readonly lead: number) {}

  /** Messages whose claim committed: each is unwritten until `written` is called for it once. */
  claimed(count: number): void {
    this.unwritten += count;
  }

  /**
   * One claimed message written, or ended unwritten. Returns the function to call for it: calling that more than once
   * counts once (the transport's `mayWrite` and the send's end may both report the same message).
   */
  tracker(): () => void {
    let done = false;
    return () => {
      if (done) return;
      done = true;
      this.unwritten -= 1;
      this.wake();
    };
  }

  /** Whether the next claim is due. */
  due(): boolean {
    return this.unwritten < this.lead;
  }

  /** Claimed and not yet written (nor ended unwritten). */
  get pending(): number {
    return this.unwritten;
  }

  /** Resolves once the next claim is due (at once if it is). */
  whenDue(): Promise<void> {
    if (this.due()) return Promise.resolve();
    return new Promise((resolve) => this.waiting.push(resolve));
  }

  private wake(): void {
    if (!this.due() || this.waiting.length === 0) return;
    const waiting = this.waiting;
    this.waiting = [];
    for (const resolve of waiting) resolve();
  }
}
