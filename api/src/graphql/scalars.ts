import { GraphQLScalarType, Kind, type ValueNode } from 'graphql';
import { AppError } from '../core/app-error';
import { rupiah, type Rupiah } from '../core/money';

/**
 * Money on the wire: whole rupiah as a JSON integer (`50000`). A fraction, a string, or a
 * value beyond 2^53 - 1 (where JSON numbers stop being exact) is refused with a localized
 * BAD_USER_INPUT; the error reaches the caller through the shaped `originalError`.
 */
function toRupiah(value: unknown, minimum: bigint | undefined): Rupiah {
  if (typeof value !== 'number' || !Number.isInteger(value)) throw new AppError('BAD_USER_INPUT', 'money.notWhole');
  if (!Number.isSafeInteger(value)) throw new AppError('BAD_USER_INPUT', 'money.tooLarge');
  const amount = rupiah(value);
  if (minimum !== undefined && amount < minimum) {
    throw new AppError('BAD_USER_INPUT', 'money.belowMinimum', { minimum: Number(minimum) });
  }
  return amount;
}

function literal(node: ValueNode): unknown {
  if (node.kind === Kind.INT) return Number(node.value);
  if (node.kind === Kind.FLOAT) return Number(node.value);
  return undefined;
}

function serialize(value: unknown): number {
  if (typeof value !== 'bigint') throw new TypeError(`Rupiah output must be a bigint, got ${typeof value}`);
  const number = Number(value);
  // An amount JSON cannot carry exactly is a bug upstream, not something to round.
  if (!Number.isSafeInteger(number)) throw new RangeError('Rupiah output beyond the safe-integer range');
  return number;
}

function rupiahScalar(name: string, description: string, minimum?: bigint) {
  return new GraphQLScalarType<Rupiah, number>({
    name,
    description,
    serialize,
    parseValue: (value) => toRupiah(value, minimum),
    parseLiteral: (node) => toRupiah(literal(node), minimum),
  });
}

export const RupiahScalar = rupiahScalar(
  'Rupiah',
  'Whole Indonesian rupiah as a JSON integer (50000 is Rp50.000); may be negative (a debt, a debit).',
);

export const PositiveRupiahScalar = rupiahScalar(
  'PositiveRupiah',
  'Whole Indonesian rupiah as a JSON integer, at least 1 (an amount to pay or charge).',
  1n,
);
