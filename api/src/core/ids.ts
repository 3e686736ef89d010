import { randomBytes } from 'node:crypto';
import { v7 as uuidv7 } from 'uuid';

/** Row ids are UUIDv7: time-ordered, so B-tree inserts stay at the right edge of the index. */
export function newId(): string {
  return uuidv7();
}

const ORDER_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * Human-readable, unique order ids such as `BZ-TOPUP-20261124-7K3M9QXD` (Midtrans allows
 * up to 50 characters of letters, digits, `-`, `_`, `~` and `.`).
 */
export function newOrderId(kind: string, now: Date = new Date()): string {
  const day = now.toISOString().slice(0, 10).replaceAll('-', '');
  const suffix = Array.from(randomBytes(8), (byte) => ORDER_ALPHABET[byte % 32]).join('');
  return `BZ-${kind.toUpperCase()}-${day}-${suffix}`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** Whether a value has the shape of a row id (any UUID version: ids made before v7 stay valid). */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
