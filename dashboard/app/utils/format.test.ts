import { timeZoneOf, formatDateTime, formatRupiah } from './format';

describe('formatRupiah', () => {
  it.each([
    [50000, 'Rp50.000'],
    [0, 'Rp0'],
    [999, 'Rp999'],
    [1000, 'Rp1.000'],
    [1_000_000, 'Rp1.000.000'],
    [-5000, '-Rp5.000'],
  ])('writes %p as %s', (amount, expected) => {
    expect(formatRupiah(amount)).toBe(expected);
  });

  it('formats bigint amounts beyond the safe integer range exactly', () => {
    expect(formatRupiah(12_345_678_901_234_567_890n)).toBe('Rp12.345.678.901.234.567.890');
    expect(formatRupiah(-250_000n)).toBe('-Rp250.000');
  });

  it('accepts integer strings as GraphQL delivers bigint money', () => {
    expect(formatRupiah('250000')).toBe('Rp250.000');
    expect(formatRupiah('-1500')).toBe('-Rp1.500');
    expect(formatRupiah('9007199254740993')).toBe('Rp9.007.199.254.740.993');
  });

  it('refuses fractions and text, since money is whole rupiah', () => {
    expect(() => formatRupiah(1.5)).toThrow(RangeError);
    expect(() => formatRupiah(Number.NaN)).toThrow(RangeError);
    expect(() => formatRupiah('12.5')).toThrow(RangeError);
    expect(() => formatRupiah('Rp5.000')).toThrow(RangeError);
    expect(() => formatRupiah('')).toThrow(RangeError);
  });
});

describe('formatDateTime', () => {
  const utc = '2025-01-15T07:05:09Z'; // 14:05 in Jakarta (UTC+7, no daylight saving)

  it('shows Jakarta time in Indonesian with a dot between hours and minutes', () => {
    expect(formatDateTime(utc, 'id')).toBe('15 Jan 2025, 14.05 WIB');
  });

  it('shows Jakarta time in British English, day before month and 24-hour clock', () => {
    expect(formatDateTime(new Date(utc), 'en')).toBe('15 Jan 2025, 14:05 WIB');
  });

  it('moves to the next day in Jakarta when UTC is still on the previous one', () => {
    expect(formatDateTime('2024-12-31T18:30:00Z', 'en')).toBe('1 Jan 2025, 01:30 WIB');
    expect(formatDateTime(Date.UTC(2024, 7, 16, 17, 0), 'id')).toBe('17 Agu 2024, 00.00 WIB');
  });

  it("shows the workspace's zone with its Indonesian name in both languages", () => {
    const eightInMakassar = '2026-12-01T00:00:00Z'; // WITA is UTC+8
    expect(formatDateTime(eightInMakassar, 'id', 'Asia/Makassar')).toBe('1 Des 2026, 08.00 WITA');
    expect(formatDateTime(eightInMakassar, 'en', 'Asia/Makassar')).toBe('1 Dec 2026, 08:00 WITA');
    expect(formatDateTime(eightInMakassar, 'id', 'Asia/Jayapura')).toBe('1 Des 2026, 09.00 WIT');
    expect(formatDateTime(eightInMakassar, 'en', 'Asia/Jakarta')).toBe('1 Dec 2026, 07:00 WIB');
  });

  it("maps the API's zone names to IANA ones, WIB when there is none", () => {
    expect(timeZoneOf('ASIA_JAYAPURA')).toBe('Asia/Jayapura');
    expect(timeZoneOf(null)).toBe('Asia/Jakarta');
  });

  it('refuses an invalid date instead of printing "Invalid Date"', () => {
    expect(() => formatDateTime('not a date', 'en')).toThrow(RangeError);
  });
});
