/** How much slower than the limit the pacer sends: 1.5 % of each second, kept for jitter between us and Meta. */
export const PACING_MARGIN = 0.015;

/** Above this many sends per second a channel is treated as unthrottled: no window of send times is kept. */
const MAX_WINDOW = 100_000;

/**
 * One wake-up lets out up to this many ms of the limit's sends together (10 at 1,000/s; one at a time below 200/s
 * and for an unthrottled channel).
 * Woken for every token, a channel at 1,000/s woke its event loop 1,000 times a second to write one request each:
 * per-wake-up cost (timers, microtasks, epoll) the unthrottled run never paid, which made the paced run cost the
 * worker twice the CPU per message (docs/BENCHMARKS.md). Ten sends 10 ms apart stay inside the spreading rule
 * (a tenth of the limit per 100 ms plus the burst) and the window; the first of a group waits at most 10 ms more.
 */
const GROUP_MS = 10;

/** The timer functions the pacer uses (a test passes its own, to count wake-ups). */
export interface PacerTimers {
  set(callback: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

const realTimers: PacerTimers = {
  set: (callback, ms) => setTimeout(callback, ms),
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/**
 * Paces one channel's sends for Meta's rule: a number's throughput counted per second at the time Meta receives.
 *
 * The guarantee is a sliding window over send times: never more than `limit` sends within any span of
 * `1 s / (1 - PACING_MARGIN)` (1,015 ms). Sends that reach Meta with up to 15 ms more delay than their
 * neighbours (the network, a paused receiver) still land at most `limit` in any 1 s receive window, and a sender
 * that keeps up gets 98.5 % of the limit; a late timer costs nothing, since the window counts sends, not time
 * slots. (A token bucket refilled at 98 % with a 2 % burst allowed 1,000 in a second exactly, no room for jitter:
 * 1,010 were measured in one receive window.) A token bucket at the full limit with a burst of 2 % (two at least)
 * spreads the sends inside the window, so a new pacer (a new lease holder), a loop that claimed ahead or one back
 * from a stall does not release a second's worth at once.
 *
 * Waiters queue in order and one timer serves the queue: with hundreds of sends waiting, each waiting on its own
 * timer woke every one of them for every token (measured: most of the worker's CPU at 1,000/s).
 *
 * Real (monotonic) time by default: it paces the wire, which the platform's Clock does not drive.
 */
export class SendPacer {
  private limit = Number.NaN;
  /** The window's length in ms for the current limit (longer for a fractional limit, see `setRate`). */
  private spanMs = 1000;
  /** How many sends the window may hold: the limit, whole. */
  private windowCount = 1;
  /** Send times, a ring buffer: send number n (counted from 0) is at n % capacity. */
  private times = new Float64Array(0);
  private sends = 0;
  /** The bucket's size: 2 % of the limit, at least two sends. */
  private burst = 2;
  /** How many waiters one wake-up lets out at most: GROUP_MS of the limit, within the burst. */
  private group = 1;
  private tokens: number;
  private last: number;
  private readonly waiting: (() => void)[] = [];
  private head = 0;
  private timer: unknown = null;

  constructor(
    limit: number,
    private readonly now: () => number = () => performance.now(),
    private readonly timers: PacerTimers = realTimers,
  ) {
    this.tokens = 1;
    this.last = now();
    this.setRate(limit);
  }

  /** The most sends in any second from now on (the channel's throughput, slowed by the error policy). */
  setRate(limit: number): void {
    const next = Math.max(0.5, limit);
    if (next === this.limit) return;
    // No refill before the first limit: tokens + elapsed x NaN made the bucket NaN, which never said wait, and every
    // window's worth went out at once (80 requests in a few ms at 80/s).
    if (Number.isFinite(this.limit)) this.refill();
    this.limit = next;
    // Two at least: with one, every late wake-up lost what it was late by (3 ms late at 80/s, a send due every
    // 12.5 ms: 64/s). The window above still caps any 1,015 ms.
    this.burst = Math.max(2, Math.floor(next / 50));
    this.tokens = Math.min(this.tokens, this.burst);
    // An unthrottled channel (no window) waits for the bucket only now and then: one at a time, as before.
    this.group = next > MAX_WINDOW ? 1 : Math.max(1, Math.min(this.burst, Math.floor((next * GROUP_MS) / 1000)));
    if (next > MAX_WINDOW) {
      this.windowCount = 0;
      return;
    }
    // A fractional limit (a slowed channel) keeps its whole part per proportionally longer span: 2.5/s is 2 per 0.8 s.
    this.windowCount = Math.max(1, Math.floor(next));
    this.spanMs = ((this.windowCount / next) * 1000) / (1 - PACING_MARGIN);
    if (this.windowCount > this.times.length) this.grow(this.windowCount);
  }

  get currentRate(): number {
    return this.windowCount === 0 ? this.limit : (this.windowCount / this.spanMs) * 1000;
  }

  private grow(capacity: number): void {
    const times = new Float64Array(capacity);
    const kept = Math.min(this.sends, this.times.length);
    for (let n = this.sends - kept; n < this.sends; n++) times[n % capacity] = this.times[n % this.times.length]!;
    this.times = times;
  }

  private refill(): void {
    const now = this.now();
    this.tokens = Math.min(this.burst, this.tokens + ((now - this.last) / 1000) * this.limit);
    this.last = now;
  }

  /** Takes a send if one is allowed now (0), else says how many ms until one may be. */
  tryTake(): number {
    this.refill();
    const waitMs = this.msUntil(1);
    if (waitMs > 0) return waitMs;
    this.tokens -= 1;
    if (this.windowCount > 0) this.times[this.sends % this.times.length] = this.last;
    this.sends += 1;
    return 0;
  }

  /** How many ms from the last refill until `count` sends in a row may go (count at most the burst). */
  private msUntil(count: number): number {
    let waitMs = 0;
    // A hair of tolerance: refills summed in floating point must make a whole token (else a wait of 1e-13 ms).
    if (this.tokens < count - 1e-9) waitMs = ((count - this.tokens) / this.limit) * 1000;
    // The send `windowCount` back from the count-th one must have left the window before that one may go.
    const leaving = this.sends - this.windowCount + count - 1;
    if (this.windowCount > 0 && leaving >= 0) {
      waitMs = Math.max(waitMs, this.times[leaving % this.times.length]! + this.spanMs - this.last);
    }
    return waitMs;
  }

  /** Waits for a send, after every earlier waiter. */
  take(): Promise<void> {
    if (this.head === this.waiting.length && this.tryTake() === 0) return Promise.resolve();
    return new Promise((resolve) => {
      this.waiting.push(resolve);
      if (this.timer === null) this.serve();
    });
  }

  /** Lets out the waiters that may go now, in order, and sleeps until the next one may. */
  private serve(): void {
    this.timer = null;
    while (this.head < this.waiting.length) {
      const waitMs = this.tryTake();
      if (waitMs > 0) {
        // Asleep until a group of sends may go, not the next one alone (see GROUP_MS).
        const group = Math.min(this.group, this.waiting.length - this.head);
        const groupMs = Math.max(waitMs, this.msUntil(group));
        this.timer = this.timers.set(() => this.serve(), Math.max(1, Math.ceil(groupMs)));
        // Forget the ones let out, now and then: a queue that never empties must not keep them all.
        if (this.head > 1024) {
          this.waiting.splice(0, this.head);
          this.head = 0;
        }
        return;
      }
      const resolve = this.waiting[this.head]!;
      this.head += 1;
      resolve();
    }
    this.waiting.length = 0;
    this.head = 0;
  }
}
