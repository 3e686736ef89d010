/**
 * What the simulator received, for tests that prove "at most once" and rates: sends per recipient and per
 * `biz_opaque_callback_data` (accepted ones: a message Meta took), every request's arrival time, and accepted
 * ones' times. Counters are maps and the times plain arrays, so recording is O(1).
 */
export class SendLedger {
  /** Accepted messages per recipient (wa_id). */
  readonly acceptedByRecipient = new Map<string, number>();
  /** Accepted messages per `biz_opaque_callback_data`. */
  readonly acceptedByCallback = new Map<string, number>();
  /** Send requests per recipient, whatever their answer. */
  readonly attemptsByRecipient = new Map<string, number>();
  /** Arrival time (clock ms) of the latest send request per `biz_opaque_callback_data`, whatever its answer. */
  readonly lastAttemptByCallback = new Map<string, number>();
  /** Arrival time (clock ms) of every send request. */
  readonly receivedAt: number[] = [];
  /** Arrival time (clock ms) of every accepted message. */
  readonly acceptedAt: number[] = [];
  /** Answers by kind: `accepted`, a Graph error code, or a transport fault. */
  readonly outcomes = new Map<string, number>();

  attempt(recipient: string, at: number, callbackData?: string): void {
    this.receivedAt.push(at);
    increment(this.attemptsByRecipient, recipient);
    if (callbackData !== undefined) this.lastAttemptByCallback.set(callbackData, at);
  }

  accept(recipient: string, callbackData: string | undefined, at: number): void {
    this.acceptedAt.push(at);
    increment(this.acceptedByRecipient, recipient);
    if (callbackData !== undefined) increment(this.acceptedByCallback, callbackData);
  }

  outcome(kind: string): void {
    increment(this.outcomes, kind);
  }

  /** Recipients that were sent more than one message, with their counts. */
  duplicates(): Map<string, number> {
    return new Map([...this.acceptedByRecipient].filter(([, count]) => count > 1));
  }

  /**
   * Accepted messages per whole second of `times` (clock ms), oldest first, without the first and last (partial)
   * seconds: what a 1 s window rate check compares with a number's throughput.
   */
  static perSecond(times: readonly number[]): number[] {
    if (times.length === 0) return [];
    const counts = new Map<number, number>();
    let first = Infinity;
    let last = -Infinity;
    for (const time of times) {
      const second = Math.floor(time / 1000);
      counts.set(second, (counts.get(second) ?? 0) + 1);
      if (second < first) first = second;
      if (second > last) last = second;
    }
    const windows: number[] = [];
    for (let second = first + 1; second < last; second += 1) windows.push(counts.get(second) ?? 0);
    return windows;
  }

  /** The most accepted messages in any sliding 1 s window (a stricter check than whole seconds). */
  static maxInAnySecond(times: readonly number[]): number {
    const sorted = [...times].sort((a, b) => a - b);
    let best = 0;
    let start = 0;
    for (let end = 0; end < sorted.length; end += 1) {
      while (sorted[end]! - sorted[start]! >= 1000) start += 1;
      best = Math.max(best, end - start + 1);
    }
    return best;
  }

  clear(): void {
    this.acceptedByRecipient.clear();
    this.acceptedByCallback.clear();
    this.attemptsByRecipient.clear();
    this.lastAttemptByCallback.clear();
    this.receivedAt.length = 0;
    this.acceptedAt.length = 0;
    this.outcomes.clear();
  }
}

function increment(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}
