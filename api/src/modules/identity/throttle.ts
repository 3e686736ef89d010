import type { EntityManager } from '@mikro-orm/postgresql';
import { AppError } from '../../core/app-error';
import type { Clock } from '../../core/clock';
import { query } from '../../db/sql';
import { THROTTLE_RELEASE, THROTTLE_RESERVE, THROTTLE_RESET } from './identity.sql';

export interface ThrottleRule {
  limit: number;
  lockSeconds: number;
  /** What a refused attempt says: an account lock (with minutes) or a plain rate limit. */
  refusal: 'locked' | 'rate-limited';
}

export interface Reservation {
  key: string;
  /** Attempts in the window, this one included. */
  attempts: number;
  /** True when this attempt is the one that reached the limit (a failure now locks). */
  reachedLimit: boolean;
}

/**
 * Attempt counters that reserve before they verify: `admit` counts the attempt first, in one
 * atomic statement, and refuses it when the limit is already used up, so N concurrent
 * guesses cost at most `limit` password (or code) checks. A success resets or releases.
 */
export class AttemptThrottle {
  constructor(private readonly clock: Clock) {}

  async admit(em: EntityManager, key: string, rule: ThrottleRule): Promise<Reservation> {
    const now = this.clock.now();
    const [row] = await query(em, THROTTLE_RESERVE, [key, rule.limit, rule.lockSeconds, now]);
    const attempts = row?.failures ?? 1;
    if (attempts > rule.limit) {
      if (rule.refusal === 'rate-limited') throw new AppError('RATE_LIMITED', 'errors.rateLimited');
      const lockedUntil = row?.locked_until ? new Date(row.locked_until).getTime() : now.getTime();
      const minutes = Math.max(1, Math.ceil((lockedUntil - now.getTime()) / 60_000));
      throw new AppError('ACCOUNT_LOCKED', 'auth.locked', { minutes });
    }
    return { key, attempts, reachedLimit: attempts === rule.limit };
  }

  /** The secret was right: the key starts over. */
  reset(em: EntityManager, key: string): Promise<unknown> {
    return query(em, THROTTLE_RESET, [key]);
  }

  /** The secret was right, but the key counts failures of many people (an IP): give the attempt back. */
  release(em: EntityManager, key: string): Promise<unknown> {
    return query(em, THROTTLE_RELEASE, [key]);
  }
}
