import { createHash, timingSafeEqual } from 'node:crypto';

/**
 * Midtrans' notification signature: hex SHA-512 of order_id + status_code + gross_amount +
 * server key, over the strings exactly as received ("105000.00", not 105000).
 */
export function midtransSignature(orderId: string, statusCode: string, grossAmount: string, serverKey: string): string {
  return createHash('sha512').update(`${orderId}${statusCode}${grossAmount}${serverKey}`, 'utf8').digest('hex');
}

/** Constant-time comparison; anything that is not four strings fails. */
export function hasValidSignature(body: Record<string, unknown>, serverKey: string): boolean {
  const { order_id, status_code, gross_amount, signature_key } = body;
  if (![order_id, status_code, gross_amount, signature_key].every((value) => typeof value === 'string')) return false;
  const expected = Buffer.from(
    midtransSignature(order_id as string, status_code as string, gross_amount as string, serverKey),
  );
  const given = Buffer.from((signature_key as string).toLowerCase());
  return given.length === expected.length && timingSafeEqual(given, expected);
}

/** "105000.00" -> 105000n; anything else (fractions, junk) -> undefined. */
export function parseGrossAmount(value: unknown): bigint | undefined {
  if (typeof value !== 'string') return undefined;
  const match = /^(\d{1,15})(?:\.0{1,2})?$/.exec(value);
  return match ? BigInt(match[1]!) : undefined;
}
