/**
 * Token buckets keyed by a string (a phone number id, or a sender->recipient pair), on a clock in
 * milliseconds. Each key holds two numbers and is refilled lazily when it is next used, so a take is
 * O(1) whatever the number of keys.
 */
export interface BucketRule {
  /** Tokens added per second. */
  ratePerSecond: number;
  /** The most tokens a bucket holds (the burst a quiet key may send at once). */
  capacity: number;
}

export class TokenBuckets {
  private readonly buckets = new Map<string, { tokens: number; at: number }>();

  constructor(private readonly now: () => number) {}

  /** Takes one token if there is one; false when the key is over its rate. */
  take(key: string, rule: BucketRule, force = false): boolean {
    const now = this.now();
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: rule.capacity, at: now };
      this.buckets.set(key, bucket);
    } else if (now > bucket.at) {
      bucket.tokens = Math.min(rule.capacity, bucket.tokens + ((now - bucket.at) / 1000) * rule.ratePerSecond);
      bucket.at = now;
    }
    // A hair of tolerance: refills summed in floating point (6 × 1/6) must make a whole token.
    if (bucket.tokens >= 1 - 1e-9) {
      bucket.tokens -= 1;
      return true;
    }
    // Inbound messages count against a number's throughput but are never refused.
    if (force) bucket.tokens -= 1;
    return false;
  }

  clear(): void {
    this.buckets.clear();
  }
}
