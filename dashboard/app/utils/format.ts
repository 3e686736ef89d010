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

/** Indonesia's three zones (the workspace's `timeZone`, WorkspaceTimeZone in GraphQL, as IANA names). */
export const timeZones = {
  ASIA_JAKARTA: 'Asia/Jakarta',
  ASIA_MAKASSAR: 'Asia/Makassar',
  ASIA_JAYAPURA: 'Asia/Jayapura',
} as const;

export type TimeZone = (typeof timeZones)[keyof typeof timeZones];
export const DEFAULT_TIME_ZONE: TimeZone = timeZones.ASIA_JAKARTA;

const formats = new Map<string, Intl.DateTimeFormat>();

function cachedFormat(key: string, make: () => Intl.DateTimeFormat): Intl.DateTimeFormat {
  let format = formats.get(key);
  if (!format) {
    format = make();
    formats.set(key, format);
  }
  return format;
}

/**
 * WIB, WITA or WIT: the names Indonesians use in both languages (`08.00 WITA` on an English page too), taken
 * from the Indonesian CLDR data through Intl, never from an offset table of our own.
 */
function zoneAbbreviation(value: Date, timeZone: TimeZone): string {
  const format = cachedFormat(
    `zone|${timeZone}`,
    () => new Intl.DateTimeFormat('id-ID', { timeZone, timeZoneName: 'short' }),
  );
  return format.formatToParts(value).find((part) => part.type === 'timeZoneName')?.value ?? timeZone;
}

/**
 * THE way a moment is shown: in the workspace's time zone, in the reader's language, with the zone's name:
 * `15 Jan 2025, 14.05 WIB` (Indonesian) / `15 Jan 2025, 15:05 WITA` (English). Components use `useDateTime()`,
 * which supplies the language and the signed-in workspace's zone.
 */
export function formatDateTime(date: Date | string | number, lng: Language, timeZone: TimeZone = DEFAULT_TIME_ZONE) {
  const value = date instanceof Date ? date : new Date(date);
  if (Number.isNaN(value.getTime())) throw new RangeError(`Not a date: ${String(date)}`);
  const format = cachedFormat(
    `${lng}|${timeZone}`,
    () => new Intl.DateTimeFormat(intlLocales[lng], { timeZone, dateStyle: 'medium', timeStyle: 'short' }),
  );
  return `${format.format(value)} ${zoneAbbreviation(value, timeZone)}`;
}

/** `WIB`, `WITA` or `WIT`. */
export function timeZoneAbbreviation(timeZone: TimeZone): string {
  return zoneAbbreviation(new Date(), timeZone);
}

/** The IANA zone of a GraphQL `WorkspaceTimeZone` (WIB when the API sends none, such as outside a workspace). */
export function timeZoneOf(value: keyof typeof timeZones | null | undefined): TimeZone {
  return value ? timeZones[value] : DEFAULT_TIME_ZONE;
}
