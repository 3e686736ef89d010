import type { OrderRow } from './payments.sql';

/** When an order's status is asked of Midtrans again: 1, 5, 15 and 60 minutes after creation, then hourly. */
export const CHECK_OFFSETS_MIN = [1, 5, 15, 60];

/** Midtrans' expiry notifications take up to 90 s: an order expires locally only after this margin. */
export const EXPIRY_MARGIN_MS = 10 * 60_000;

/** The next check after `now`, and a last one after Midtrans' expiry plus the margin. */
export function nextCheckAt(order: Pick<OrderRow, 'created_at' | 'expires_at'>, now: Date): Date {
  const at = now.getTime();
  const created = new Date(order.created_at).getTime();
  const last = new Date(order.expires_at).getTime() + EXPIRY_MARGIN_MS;
  const planned =
    CHECK_OFFSETS_MIN.map((minutes) => created + minutes * 60_000).find((time) => time > at) ?? at + 3_600_000;
  return new Date(Math.min(planned, last));
}

/** Whether an order still open locally is past Midtrans' expiry plus the margin. */
export function pastExpiry(order: Pick<OrderRow, 'expires_at'>, now: Date): boolean {
  return now.getTime() >= new Date(order.expires_at).getTime() + EXPIRY_MARGIN_MS;
}
