import { rupiah, type Rupiah } from '../../core/money';

/**
 * PPN on top-ups. `exclusive`: the payer pays the amount plus PPN and the wallet gets the
 * amount; `inclusive`: the amount includes PPN (the wallet gets all of it, the receipt shows
 * the tax part); `none`: no tax line. PPN = rate x tax base x net (e.g. 12 % of 11/12),
 * rounded half up to whole rupiah.
 */
export interface TaxPolicy {
  mode: 'none' | 'inclusive' | 'exclusive';
  ratePercent: number;
  taxBase: [number, number];
}

function ppnOf(net: bigint, { ratePercent, taxBase: [numerator, denominator] }: TaxPolicy): bigint {
  const scale = 100n * BigInt(denominator);
  return (net * BigInt(ratePercent) * BigInt(numerator) * 2n + scale) / (2n * scale);
}

export function splitTax(amount: Rupiah, policy: TaxPolicy): { gross: Rupiah; credit: Rupiah; tax: Rupiah } {
  if (policy.mode === 'exclusive') {
    const tax = ppnOf(amount, policy);
    return { gross: rupiah(amount + tax), credit: amount, tax: rupiah(tax) };
  }
  if (policy.mode === 'inclusive') {
    // net + ppn(net) = amount: net = amount / (1 + rate x base), rounded down; the tax is the rest.
    const {
      ratePercent,
      taxBase: [numerator, denominator],
    } = policy;
    const scale = 100n * BigInt(denominator);
    const net = (amount * scale) / (scale + BigInt(ratePercent) * BigInt(numerator));
    return { gross: amount, credit: amount, tax: rupiah(amount - net) };
  }
  return { gross: amount, credit: amount, tax: rupiah(0) };
}
