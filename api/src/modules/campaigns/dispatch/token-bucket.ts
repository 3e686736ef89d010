/**
 * Paces sends at a rate (tokens per second) with a small burst. Real (monotonic) time: it
 * paces the wire, which the platform's Clock does not drive. The burst absorbs late timers;
 * a ring of the last `rate` send times keeps any 1 s window at or under the rate even so
 * (Meta counts throughput per second: a full burst on top of a full second is a 130429).
 */
export class TokenBucket {
  private tokens: number;
  private last = performance.now();
  private sent: number[] = [];
  private next = 0;

  constructor(
    private rate: number,
    private readonly burst = Math.max(1, Math.ceil(rate / 10)),
  ) {
    this.tokens = 1;
    this.resize();
  }

  setRate(rate: number): void {
    this.refill();
    const changed = Math.max(0.5, rate) !== this.rate;
    this.rate = Math.max(0.5, rate);
    if (changed) this.resize();
  }

  get currentRate(): number {
    return this.rate;
  }

  private resize(): void {
    const size = Math.max(1, Math.floor(this.rate));
    if (size === this.sent.length) return;
    // Newest first into the new ring: the window keeps what was sent lately.
    const recent = [...this.sent.slice(this.next), ...this.sent.slice(0, this.next)].slice(-size);
    this.sent = [...new Array<number>(size - recent.length).fill(-Infinity), ...recent];
    this.next = 0;
  }

  private refill(): void {
    const now = performance.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
  }

  /** Waits for one token, and for the send `rate` sends ago to be at least 1 s old. */
  async take(): Promise<void> {
    for (;;) {
      this.refill();
      const windowWait = this.sent[this.next]! + 1000 - performance.now();
      if (this.tokens >= 1 && windowWait <= 0) {
        this.tokens -= 1;
        this.sent[this.next] = performance.now();
        this.next = (this.next + 1) % this.sent.length;
        return;
      }
      const tokenWait = this.tokens >= 1 ? 0 : ((1 - this.tokens) / this.rate) * 1000;
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.ceil(Math.max(tokenWait, windowWait)))));
    }
  }
}
