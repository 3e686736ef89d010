import { normalizePhone, type PhoneProblem } from '../../src/modules/contacts/phone';

/**
 * Indonesian numbers as people type, paste and export them, with the E.164 form WhatsApp
 * needs or the reason each is refused. Written from the numbering plan (mobile 08xx, 9-13
 * digits; Jakarta fixed lines 021), not from the code.
 */
const VALID: [string, string][] = [
  ['0812-3456-7890', '+6281234567890'],
  ['+62 812 3456 7890', '+6281234567890'],
  ['6281234567890', '+6281234567890'],
  ['81234567890', '+6281234567890'],
  ['(0812) 3456 7890', '+6281234567890'],
  ['+62 0 812 3456 7890', '+6281234567890'],
  ['+62 (0) 812-3456-7890', '+6281234567890'],
  ['0812.3456.7890', '+6281234567890'],
  ['0812 3456 7890', '+6281234567890'],
  ['08123456789', '+628123456789'],
  ['+62-858-1234-5678', '+6285812345678'],
  ['085812345678', '+6285812345678'],
  ['0811 1234 567', '+628111234567'],
  ['0813-1234-5678', '+6281312345678'],
  ['0821 1234 5678', '+6282112345678'],
  ['0822-1234-5678', '+6282212345678'],
  ['0852 1234 5678', '+6285212345678'],
  ['0856-1234-5678', '+6285612345678'],
  ['0857 1234 5678', '+6285712345678'],
  ['0877-1234-5678', '+6287712345678'],
  ['0878 1234 5678', '+6287812345678'],
  ['0895-1234-56789', '+62895123456789'],
  ['0896 1234 5678', '+6289612345678'],
  ['0881-1234-5678', '+6288112345678'],
  ['+6281234567890', '+6281234567890'],
  ['62 812-3456-7890', '+6281234567890'],
  ['٠٨١٢٣٤٥٦٧٨٩٠', '+6281234567890'],
  ['۰۸۱۲-۳۴۵۶-۷۸۹۰', '+6281234567890'],
  ['Tel: 0812-3456-7890', '+6281234567890'],
  ['0812-3456-7890 (WA)', '+6281234567890'],
  ['HP 0812 3456 7890.', '+6281234567890'],
  ['  0812 3456 7890  ', '+6281234567890'],
  ['+65 9123 4567', '+6591234567'],
  ['+60 12-345 6789', '+60123456789'],
];

const INVALID: [string, PhoneProblem][] = [
  ['021-5551234', 'NOT_MOBILE'],
  ['(021) 555 1234', 'NOT_MOBILE'],
  ['+62 21 5551234', 'NOT_MOBILE'],
  ['62 21 5551234', 'NOT_MOBILE'],
  ['022-7654321', 'NOT_MOBILE'],
  ['0812', 'TOO_SHORT'],
  ['08123', 'TOO_SHORT'],
  ['+999 1234567', 'INVALID_COUNTRY'],
  ['hello', 'NOT_A_NUMBER'],
  ['', 'NOT_A_NUMBER'],
  ['-', 'NOT_A_NUMBER'],
  // Possible by length for the library (Indonesian numbers run to 17 digits in its metadata), but no such range.
  ['+6281234567890123456', 'INVALID'],
  ['0812345678901234567', 'TOO_LONG'],
];

describe('phone normalization (default region Indonesia, mobiles only)', () => {
  it('has at least 40 real-world cases', () => {
    expect(VALID.length + INVALID.length).toBeGreaterThanOrEqual(40);
  });

  it.each(VALID)('%j is %s', (input, e164) => {
    expect(normalizePhone(input)).toEqual({ ok: true, e164 });
  });

  it.each(INVALID)('%j is refused: %s', (input, problem) => {
    expect(normalizePhone(input)).toEqual({ ok: false, problem });
  });
});
