/**
 * Paces sends so that no 1 s window holds more than `limit` of them (Meta counts a number's throughput per
 * second, at receive time): a bucket of `burst` tokens refilled at `limit - burst` per second lets through at
 * most `limit - burst` + `burst` in any second, and sustains 98 % of the limit. (A bucket refilled at the full
 * limit with a burst on top let a stalled loop catch up with 1,028 sends in one second at 1,000/s.) Real
 * (monotonic) time by default: it paces the wire, which the platform's Clock does not drive.
 */
export class TokenBucket {
  private tokens = 1;
  private rate = 0.5;
  private readonly burst: number;
  private last: number;

  constructor(
    limit: number,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.burst = Math.max(1, Math.floor(limit / 50));
    this.last = now();
    this.setRate(limit);
  }

  /** The most sends in any second from now on (the channel's throughput, slowed by the error policy). */
  setRate(limit: number): void {
    this.refill();
    this.rate = Math.max(0.5, limit - this.burst);
  }

  get currentRate(): number {
    return this.rate;
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.rate);
    this.last = now;
  }

  /** Takes a token if there is one (0), else says how many ms until there will be. */
  tryTake(): number {
    this.refill();
    // A hair of tolerance: refills summed in floating point must make a whole token (else a wait of 1e-13 ms).
    if (this.tokens >= 1 - 1e-9) {
      this.tokens -= 1;
      return 0;
    }
    return ((1 - this.tokens) / this.rate) * 1000;
  }

  /** Waits for one token. */
  async take(): Promise<void> {
    for (;;) {
      const waitMs = this.tryTake();
      if (waitMs === 0) return;
      await new Promise((resolve) => setTimeout(resolve, Math.max(1, Math.ceil(waitMs))));
    }
  }
}
