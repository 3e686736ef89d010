/**
 * Whole rupiah. Money is never a float: in the database it is `bigint`, in code this
 * branded bigint, so a plain number cannot be passed where money is expected.
 */
export type Rupiah = bigint & { readonly __brand: 'Rupiah' };

export function rupiah(value: bigint | number | string): Rupiah {
  if (typeof value === 'number' && !Number.isSafeInteger(value)) {
    throw new RangeError(`Rupiah must be a whole number, got ${value}`);
  }
  if (typeof value === 'string' && !/^-?\d+$/.test(value)) {
    throw new RangeError(`Rupiah must be a whole number, got "${value}"`);
  }
  return BigInt(value) as Rupiah;
}

const groupFormatter = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0, useGrouping: true });

/** The single formatter for money: `Rp50.000`, `-Rp5.000` (same output in every language). */
export function formatRupiah(amount: Rupiah | bigint): string {
  const negative = amount < 0n;
  const digits = groupFormatter.format(negative ? -amount : amount);
  return `${negative ? '-' : ''}Rp${digits}`;
}
