/**
 * The dispatch lease's timing (issue 21 point 2): every number the holder, the taker and the tick use, from the one
 * configured TTL (CAMPAIGN_LEASE_TTL_MS, 15 s by default), so that they cannot drift apart. At 15 s:
 *
 *   renewal (asked) ── every 3.75 s ──> next renewal
 *   |<──────── send horizon 10 s: the holder sends ────────>|<─ gap 1 s ─>| takeover at 11 s: anyone may take it
 *
 * - The holder sends only while its last renewal is younger than the send horizon, timed on its monotonic clock from
 *   when the renewal was ASKED (the database writes it later, never earlier).
 * - Every acquire and renewal writes the row's `expires_at` as the database's clock at that write plus `takeoverMs`
 *   (horizon + gap); every "is the lease free" check compares it with the database's clock too (campaigns.sql.ts), so
 *   no worker's own clock, nor the skew between hosts, enters the decision. Since the write comes after the ask, the
 *   holder's horizon ends at least the gap before the lease can be taken.
 * - The gap keeps a dead holder's last requests (written up to its horizon's end, still on the wire or inside Meta's
 *   one-second throughput window) a second apart from the taker's first ones at the default TTL, and absorbs the
 *   drift between the holder's monotonic clock and the database's over one horizon.
 * - A killed holder's channel is handed over at most `takeoverMs` after its last renewal was written, which is no
 *   earlier than the kill minus a round trip, plus the waiting loop's margin and a job-store poll: about 11.3 s at
 *   15 s, within the TTL; the TTL minus `takeoverMs` (4 s) absorbs a late poll or tick on a loaded host.
 * - A live holder's lease never has less than `takeoverMs - renewEveryMs` (7.25 s) left, so one that comes within the
 *   takeover window (a third of the TTL, 5 s, and no more than one tick) is a dead holder's: the tick starts a loop
 *   that waits for the takeover instead of the next tick finding the lease free seconds later.
 *
 * Why `expires_at` carries the takeover moment rather than a column of its own: during a rolling upgrade old and new
 * workers share the table. An old holder renews only `expires_at`, so a separate column would go stale under it and a
 * new worker would take a live old holder's channel; written into `expires_at`, old takers wait for their own later
 * end (TTL after a renewal) and old holders stop sending at their horizon (the same TTL - TTL/3) before the takeover.
 */
export interface LeaseTiming {
  ttlMs: number;
  /** How often the holder renews: a quarter TTL. */
  renewEveryMs: number;
  /** The holder sends while its last renewal (from when it was asked) is younger than this: TTL - TTL/3. */
  sendHorizonMs: number;
  /** Between the end of the holder's horizon and the takeover: TTL/15. */
  gapMs: number;
  /** Written as `expires_at` = the database's clock + this, at every acquire and renewal: horizon + gap. */
  takeoverMs: number;
}

export function leaseTiming(ttlMs: number): LeaseTiming {
  const renewEveryMs = Math.max(100, Math.floor(ttlMs / 4));
  const sendHorizonMs = ttlMs - Math.floor(ttlMs / 3);
  const gapMs = Math.floor(ttlMs / 15);
  return { ttlMs, renewEveryMs, sendHorizonMs, gapMs, takeoverMs: sendHorizonMs + gapMs };
}

/**
 * How close to its takeover a lease held by another must be for the tick (and a worker's heartbeat) to start a loop
 * that waits for it: a third of the TTL, under the least a live holder's lease has left (takeover - renewal
 * interval, 7.25 s at 15 s, less 2.25 s for a slow renewal), and at most one tick, so that each tick either sees a
 * dying lease inside the window or finds it already free.
 */
export function takeoverWindowMs(ttlMs: number, tickMs: number): number {
  return Math.min(tickMs, Math.floor(ttlMs / 3));
}

/**
 * A waiting loop asks for the lease this long after the takeover moment it read: the sleep starts after the read, so
 * the database's clock is past the moment by then already; the margin only covers a timer that fires a millisecond
 * early.
 */
export const TAKEOVER_MARGIN_MS = 20;
