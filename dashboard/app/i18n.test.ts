import { createI18n, isTranslationKey } from './i18n';

describe('createI18n', () => {
  it('translates synchronously right after creation, as server and client render need', () => {
    expect(createI18n('id').t('shell.nav.dashboard')).toBe('Dasbor');
    expect(createI18n('en').t('shell.nav.dashboard')).toBe('Dashboard');
  });

  it('keeps instances apart, so concurrent renders in two languages do not mix', () => {
    const id = createI18n('id');
    const en = createI18n('en');
    expect([id.language, en.language]).toEqual(['id', 'en']);
    expect(id.t('shell.nav.wallet')).toBe('Dompet');
  });

  it('interpolates without HTML-escaping (React escapes on render)', () => {
    expect(createI18n('en').t('shell.language.switchTo', { language: 'Bahasa "Indonesia" & co' })).toBe(
      'Switch language to Bahasa "Indonesia" & co',
    );
  });

  it('rejects unknown keys at type level', () => {
    const t = createI18n('en').t;
    // @ts-expect-error 'missing.key' is not in en.json; tsc fails if this line ever type-checks.
    expect(t('missing.key')).toBe('missing.key');
  });
});

describe('isTranslationKey', () => {
  it('accepts leaf keys only', () => {
    expect(isTranslationKey('errors.apiUnavailable')).toBe(true);
    expect(isTranslationKey('errors')).toBe(false);
    expect(isTranslationKey('errors.nope')).toBe(false);
    expect(isTranslationKey('toString')).toBe(false);
    expect(isTranslationKey('constructor.name')).toBe(false);
    expect(isTranslationKey(42)).toBe(false);
  });
});
