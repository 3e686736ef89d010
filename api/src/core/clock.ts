/**
 * The one source of "now" for everything time-based (lockouts, sessions, schedules, send
 * windows, rolling messaging-limit windows, retries, order expiry). Services take a Clock
 * instead of calling `new Date()`, and SQL that compares against the present takes the
 * clock's time as a parameter instead of `now()`, so tests move time instead of waiting.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };

/** A clock a test sets and moves; it never advances on its own. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: Date | number = Date.now()) {
    this.current = typeof start === 'number' ? start : start.getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  advance(ms: number): void {
    this.current += ms;
  }

  set(time: Date): void {
    this.current = time.getTime();
  }
}
