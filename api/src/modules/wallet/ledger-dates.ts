import { DateTime } from 'luxon';
import { AppError } from '../../core/app-error';

/** A day as the reader names it (`2026-12-01`), in the workspace's time zone. */
export const CALENDAR_DAY = /^\d{4}-\d{2}-\d{2}$/;

export interface DayRange {
  /** The first instant of the first day, or null for no lower bound. */
  from: Date | null;
  /** The first instant after the last day (exclusive), or null for no upper bound. */
  before: Date | null;
}

/**
 * Calendar days `from`..`to` (both inclusive) in `zone` as the instants that bound them. Day boundaries
 * are luxon's: a workspace in Asia/Jayapura sees its own midnight, not Jakarta's or UTC's. A day that does
 * not exist (`2026-02-30`) or a range that ends before it starts is the reader's to fix.
 */
export function dayRange(from: string | null | undefined, to: string | null | undefined, zone: string): DayRange {
  const start = from ? day(from, zone, 'from') : null;
  const end = to ? day(to, zone, 'to') : null;
  if (start && end && end < start) {
    throw new AppError('BAD_USER_INPUT', 'errors.validation', {}, { to: 'wallet.ledger.toBeforeFrom' });
  }
  return {
    from: start ? start.toJSDate() : null,
    before: end ? end.plus({ days: 1 }).toJSDate() : null,
  };
}

function day(value: string, zone: string, field: 'from' | 'to'): DateTime {
  const parsed = CALENDAR_DAY.test(value) ? DateTime.fromISO(value, { zone }) : null;
  if (!parsed?.isValid)
    throw new AppError('BAD_USER_INPUT', 'errors.validation', {}, { [field]: 'wallet.ledger.badDay' });
  return parsed.startOf('day');
}
