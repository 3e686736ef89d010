import { leaseTiming, TAKEOVER_MARGIN_MS, takeoverWindowMs } from './lease-timing';

/**
 * The lease's promises (issue 21 point 2), for every TTL and tick the configuration accepts (config.ts:
 * CAMPAIGN_LEASE_TTL_MS 500 ms to 600 s, CAMPAIGN_TICK_MS 200 ms to 600 s).
 */
describe('the dispatch lease timing', () => {
  it('at the default 15 s TTL: renewals every 3.75 s, sends for 10 s after one, taken over 11 s after it, window 5 s', () => {
    expect(leaseTiming(15_000)).toEqual({
      ttlMs: 15_000,
      renewEveryMs: 3_750,
      sendHorizonMs: 10_000,
      gapMs: 1_000,
      takeoverMs: 11_000,
    });
    expect(takeoverWindowMs(15_000, 5_000)).toBe(5_000);
  });

  const ttls = [500, 501, 999, 1_500, 3_000, 7_777, 15_000, 60_000, 600_000];
  const ticks = [200, 250, 1_000, 5_000, 600_000];

  it('the holder stops sending before anyone may take its lease, with a gap between', () => {
    for (const ttl of ttls) {
      const timing = leaseTiming(ttl);
      expect({ ttl, stopsBefore: timing.sendHorizonMs < timing.takeoverMs }).toEqual({ ttl, stopsBefore: true });
      // The holder survives a late or failed renewal: it renews at least twice within its horizon.
      expect({ ttl, renewals: Math.floor(timing.sendHorizonMs / timing.renewEveryMs) >= 2 }).toEqual({
        ttl,
        renewals: true,
      });
    }
  });

  it('a dead holder’s lease can be taken within the TTL, with room left for a job store’s poll', () => {
    for (const ttl of ttls) {
      const { takeoverMs } = leaseTiming(ttl);
      // The takeover comes at most `takeoverMs` after the killed holder's last renewal, itself no later than the kill.
      expect({ ttl, room: ttl - takeoverMs - TAKEOVER_MARGIN_MS >= ttl / 5 }).toEqual({ ttl, room: true });
    }
  });

  it('a live holder’s lease never comes within the takeover window, and every tick sees a dying lease in it', () => {
    for (const ttl of ttls) {
      for (const tick of ticks) {
        const { takeoverMs, renewEveryMs } = leaseTiming(ttl);
        const window = takeoverWindowMs(ttl, tick);
        // Right before its next renewal a live lease has takeover - renewal interval left; a slow renewal (a tenth
        // of the TTL) must not bring it into the window either.
        expect({ ttl, tick, live: takeoverMs - renewEveryMs - ttl / 10 > window }).toEqual({ ttl, tick, live: true });
        expect({ ttl, tick, seen: window <= tick }).toEqual({ ttl, tick, seen: true });
      }
    }
  });
});
