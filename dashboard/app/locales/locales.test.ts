import en from './en.json';
import id from './id.json';

type Messages = { [key: string]: string | Messages };

/** `{ a: { b: 'x' } }` -> `Map { 'a.b' => 'x' }`; a non-string leaf is reported as an error by the caller. */
function flatten(messages: Messages, prefix = ''): Map<string, unknown> {
  const flat = new Map<string, unknown>();
  for (const [key, value] of Object.entries(messages)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'object' && value !== null && !Array.isArray(value)) {
      for (const [child, leaf] of flatten(value, path)) flat.set(child, leaf);
    } else {
      flat.set(path, value);
    }
  }
  return flat;
}

function variables(message: unknown): string[] {
  return [...String(message).matchAll(/{{\s*([^},\s]+)[^}]*}}/g)].map((match) => match[1] ?? '').sort();
}

const locales = { en: flatten(en), id: flatten(id) };

/**
 * Empty states that once said only what was missing ("No top-ups yet."): each says what to do next, or what will
 * fill it, in a sentence of its own.
 */
const EMPTY_STATES = [
  'wallet.orders.empty',
  'wallet.orders.emptyReadOnly',
  'wallet.ledger.empty',
  'wallet.ledger.emptyFiltered',
  'wallet.pricing.emptyCurrent',
  'wallet.pricing.emptyHistory',
  'apiTokens.empty',
  'members.table.empty',
  'members.table.emptyReadOnly',
  'audit.empty',
];

describe('locale files', () => {
  it('en.json and id.json have exactly the same keys', () => {
    const onlyInEn = [...locales.en.keys()].filter((key) => !locales.id.has(key));
    const onlyInId = [...locales.id.keys()].filter((key) => !locales.en.has(key));
    expect({ onlyInEn, onlyInId }).toEqual({ onlyInEn: [], onlyInId: [] });
  });

  it.each(Object.keys(locales) as (keyof typeof locales)[])('%s.json has a non-empty string for every key', (lng) => {
    const bad = [...locales[lng]].filter(([, value]) => typeof value !== 'string' || value.trim() === '');
    expect(bad.map(([key]) => key)).toEqual([]);
  });

  it('uses the same interpolation variables for each key in both languages', () => {
    const mismatched = [...locales.en]
      .filter(([key]) => locales.id.has(key))
      .map(([key, message]) => ({ key, en: variables(message), id: variables(locales.id.get(key)) }))
      .filter((entry) => entry.en.join() !== entry.id.join());
    expect(mismatched).toEqual([]);
  });

  it.each(Object.keys(locales) as (keyof typeof locales)[])(
    '%s.json: each empty state says what to do next after what is missing',
    (lng) => {
      const oneSentence = EMPTY_STATES.filter((key) => !/[.!?] +\S.*[.!?]$/.test(String(locales[lng].get(key))));
      expect(oneSentence).toEqual([]);
    },
  );

  it('reports a differing key set and mismatched variables (the checks above can fail)', () => {
    const a = flatten({ page: { title: 'Hi {{name}}', only: 'x' } });
    const b = flatten({ page: { title: 'Halo {{nama}}' } });
    expect([...a.keys()].filter((key) => !b.has(key))).toEqual(['page.only']);
    expect(variables(a.get('page.title'))).not.toEqual(variables(b.get('page.title')));
    expect(variables('{{count, number}} of {{ total }}')).toEqual(['count', 'total']);
  });
});
