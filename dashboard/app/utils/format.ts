import { intlLocales, type Language } from './language';

// Rupiah is always written the Indonesian way (Rp50.000), whatever the reader's language: it is how prices
// appear on every invoice and receipt in Indonesia. Grouping comes from Intl, not from string surgery.
const rupiahGroups = new Intl.NumberFormat('id-ID', { useGrouping: true, maximumFractionDigits: 0 });

/** `Rp50.000`, `-Rp5.000`. Money is whole rupiah: a fractional or non-numeric amount is a bug, so it throws. */
export function formatRupiah(amount: number | bigint | string): string {
  const value = toWholeRupiah(amount);
  const negative = value < 0n;
  return `${negative ? '-' : ''}Rp${rupiahGroups.format(negative ? -value : value)}`;
}

function toWholeRupiah(amount: number | bigint | string): bigint {
  if (typeof amount === 'bigint') return amount;
  if (typeof amount === 'number') {
    if (!Number.isSafeInteger(amount)) throw new RangeError(`Not a whole rupiah amount: ${amount}`);
    return BigInt(amount);
  }
  const trimmed = amount.trim();
  if (!/^-?\d+$/.test(trimmed)) throw new RangeError(`Not a whole rupiah amount: "${amount}"`);
  return BigInt(trimmed);
}

const TIME_ZONE = 'Asia/Jakarta';
const dateTimeFormats: Record<Language, Intl.DateTimeFormat> = {
  en: new Intl.DateTimeFormat(intlLocales.en, { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' }),
  id: new Intl.DateTimeFormat(intlLocales.id, { timeZone: TIME_ZONE, dateStyle: 'medium', timeStyle: 'short' }),
};

/** A moment shown in Jakarta time in the reader's language: `15 Jan 2025, 14.05 WIB` / `15 Jan 2025, 14:05 WIB`. */
export function formatDateTime(date: Date | string | number, lng: Language): string {
  const value = date instanceof Date ? date : new Date(date);
  if (Number.isNaN(value.getTime())) throw new RangeError(`Not a date: ${String(date)}`);
  return `${dateTimeFormats[lng].format(value)} WIB`;
}
