import { TokenBucket } from '../../src/modules/campaigns/dispatch/token-bucket';

/**
 * The dispatcher's pacing against Meta's rule (a number's throughput counted per second at receive time):
 * no 1 s window may hold more sends than the limit, whatever the sender did before (idle, stalled, greedy),
 * and a greedy sender still gets at least 98 % of the limit. Time is a fake clock the test moves.
 */
function greedy(limit: number, seconds: number, stallAt?: { fromMs: number; toMs: number }) {
  let now = 0;
  const bucket = new TokenBucket(limit, () => now);
  now = 60_000; // a bucket that sat idle for a minute is as full as it gets
  const start = now;
  const sent: number[] = [];
  while (now - start < seconds * 1000) {
    const elapsed = now - start;
    if (stallAt && elapsed >= stallAt.fromMs && elapsed < stallAt.toMs) {
      now = start + stallAt.toMs;
      continue;
    }
    const waitMs = bucket.tryTake();
    if (waitMs === 0) sent.push(now);
    else now += waitMs;
  }
  return sent;
}

/** The most sends in any window [t, t + 1000 ms). */
function maxInAnySecond(times: number[]): number {
  let best = 0;
  let first = 0;
  for (let last = 0; last < times.length; last++) {
    while (times[last]! - times[first]! >= 1000) first++;
    best = Math.max(best, last - first + 1);
  }
  return best;
}

describe('the dispatcher token bucket', () => {
  it.each([1000, 80, 20])('never lets more than %i sends into any second, starting full', (limit) => {
    expect(maxInAnySecond(greedy(limit, 10))).toBeLessThanOrEqual(limit);
  });

  it('never lets a stalled sender catch up beyond the limit', () => {
    const sent = greedy(1000, 10, { fromMs: 3000, toMs: 4500 });
    expect(maxInAnySecond(sent)).toBeLessThanOrEqual(1000);
  });

  it('sustains at least 98 % of the limit', () => {
    const sent = greedy(1000, 10);
    expect(sent.length).toBeGreaterThanOrEqual(0.98 * 1000 * 10);
  });

  it('follows a slower rate at once (the error policy slowing a channel)', () => {
    let now = 0;
    const bucket = new TokenBucket(1000, () => now);
    bucket.setRate(100);
    const sent: number[] = [];
    while (now < 5000) {
      const waitMs = bucket.tryTake();
      if (waitMs === 0) sent.push(now);
      else now += waitMs;
    }
    expect(maxInAnySecond(sent)).toBeLessThanOrEqual(100);
  });
});
