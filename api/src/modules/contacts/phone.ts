import { parsePhoneNumberWithError, ParseError, validatePhoneNumberLength } from 'libphonenumber-js/max';

/**
 * Phone numbers as the address book keeps them: E.164, parsed with libphonenumber's full
 * metadata (`/max`: the `min` set cannot tell a mobile from a fixed line), Indonesia as the
 * default region. WhatsApp reaches mobiles only, so a valid fixed line is refused too.
 */
export const DEFAULT_REGION = 'ID';

export type PhoneProblem = 'NOT_A_NUMBER' | 'TOO_SHORT' | 'TOO_LONG' | 'INVALID_COUNTRY' | 'NOT_MOBILE' | 'INVALID';

export type PhoneResult = { ok: true; e164: string } | { ok: false; problem: PhoneProblem };

/** The message key of each refusal (core/messages, both languages). */
export const PHONE_PROBLEM_KEYS: Record<PhoneProblem, string> = {
  NOT_A_NUMBER: 'contacts.phone.notANumber',
  TOO_SHORT: 'contacts.phone.tooShort',
  TOO_LONG: 'contacts.phone.tooLong',
  INVALID_COUNTRY: 'contacts.phone.invalidCountry',
  NOT_MOBILE: 'contacts.phone.notMobile',
  INVALID: 'contacts.phone.invalid',
};

const MOBILE_TYPES = new Set(['MOBILE', 'FIXED_LINE_OR_MOBILE']);

/** Digits (any script), a plus and the usual separators: nothing around the number to cut away. */
const BARE_NUMBER = /^[+\p{Nd}\s().-]+$/u;

function parse(text: string): PhoneResult {
  let phone;
  try {
    // `extract` finds the number inside "Tel: 0812-3456-7890 (WA)"; a bare number skips that search
    // (three times faster: it is most of an import's CPU).
    phone = parsePhoneNumberWithError(text, { defaultCountry: DEFAULT_REGION, extract: !BARE_NUMBER.test(text) });
  } catch (error) {
    if (!(error instanceof ParseError)) throw error;
    const known: string[] = ['NOT_A_NUMBER', 'TOO_SHORT', 'TOO_LONG', 'INVALID_COUNTRY'];
    return { ok: false, problem: known.includes(error.message) ? (error.message as PhoneProblem) : 'INVALID' };
  }
  // A type is only found for a valid number, so a mobile type settles it in one pass.
  const type = phone.getType();
  if (type && MOBILE_TYPES.has(type)) return { ok: true, e164: phone.number };
  const length = validatePhoneNumberLength(phone.number);
  if (length === 'TOO_SHORT' || length === 'TOO_LONG') return { ok: false, problem: length };
  if (!type) return { ok: false, problem: length === 'INVALID_LENGTH' ? 'TOO_LONG' : 'INVALID' };
  return { ok: false, problem: 'NOT_MOBILE' };
}

/**
 * `0812-3456-7890`, `+62 812 3456 7890`, `62812...`, `812...` and `(0812) 3456 7890` are one
 * number. Digits written `62...` without a plus are an international number first (people
 * paste them from WhatsApp links): as a national number they would be a wrong area code.
 */
export function normalizePhone(input: string): PhoneResult {
  const text = input.normalize('NFKC').trim();
  if (text.length === 0 || text.length > 64) return { ok: false, problem: text.length ? 'TOO_LONG' : 'NOT_A_NUMBER' };
  const bare = text.replace(/[\s().-]/g, '');
  if (/^62\d{8,}$/.test(bare)) {
    const international = parse(`+${bare}`);
    if (international.ok) return international;
  }
  return parse(text);
}

/**
 * The digits to look for when someone searches by a fragment of a number: a leading 0 is
 * the national prefix, stored as 62 (`0812 34` finds +62812 34...).
 */
export function phoneFragmentDigits(fragment: string): string {
  const digits = fragment.normalize('NFKC').replace(/\D/g, '');
  return digits.startsWith('0') ? `62${digits.slice(1)}` : digits;
}
