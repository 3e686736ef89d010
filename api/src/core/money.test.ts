import { formatRupiah, rupiah } from './money';

describe('rupiah', () => {
  it('formats with dot thousands and no decimals', () => {
    expect(formatRupiah(rupiah(50_000))).toBe('Rp50.000');
    expect(formatRupiah(rupiah('1000000'))).toBe('Rp1.000.000');
    expect(formatRupiah(rupiah(0))).toBe('Rp0');
    expect(formatRupiah(rupiah(-5000))).toBe('-Rp5.000');
  });

  it('keeps amounts beyond 2^53 exact', () => {
    expect(formatRupiah(rupiah('9007199254740993'))).toBe('Rp9.007.199.254.740.993');
  });

  it('refuses fractions and text that is not a whole number', () => {
    expect(() => rupiah(10.5)).toThrow(RangeError);
    expect(() => rupiah('1e3')).toThrow(RangeError);
    expect(() => rupiah('12.000')).toThrow(RangeError);
  });
});
