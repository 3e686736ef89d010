/**
 * The ways a number hides inside what the database keeps besides its digits: hex (a bytea, an id
 * built from bytes) and base64, standard and url-safe (Meta's wamid is base64 of a record holding the
 * recipient's number). Base64 depends on where the number starts within its 3-byte groups, so each
 * of the three alignments gives its own run of characters; only the characters that depend on the
 * number's bytes alone are kept, so a match holds whatever surrounds the number.
 */
export function encodedForms(digits: string): string[] {
  const bytes = Buffer.from(digits, 'latin1');
  const hex = bytes.toString('hex');
  const forms = [hex, hex.toUpperCase()];
  for (let lead = 0; lead < 3; lead += 1) {
    const encoded = Buffer.concat([Buffer.alloc(lead), bytes]).toString('base64');
    // The first group holds the unknown bytes before the number; a last partial group, those after it.
    const from = lead === 0 ? 0 : 4;
    const to = (lead + bytes.length) % 3 === 0 ? encoded.length : encoded.length - 4;
    const standard = encoded.slice(from, to);
    forms.push(standard, standard.replace(/\+/g, '-').replace(/\//g, '_'));
  }
  return [...new Set(forms)];
}
