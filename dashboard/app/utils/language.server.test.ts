import {
  getLanguage,
  languageFromAcceptLanguage,
  languageFromCookie,
  serializeLanguageCookie,
} from './language.server';

function request(headers: Record<string, string>): Request {
  return new Request('http://dashboard.test/dashboard', { headers });
}

describe('getLanguage', () => {
  it('follows the lng cookie over the browser preference', () => {
    expect(getLanguage(request({ Cookie: 'theme=dark; lng=en', 'Accept-Language': 'id-ID' }))).toBe('en');
    expect(getLanguage(request({ Cookie: 'lng=id', 'Accept-Language': 'en-US,en;q=0.9' }))).toBe('id');
  });

  it('ignores a cookie naming a language the portal does not speak', () => {
    expect(getLanguage(request({ Cookie: 'lng=fr', 'Accept-Language': 'en-GB' }))).toBe('en');
  });

  it('speaks Indonesian when nothing says otherwise', () => {
    expect(getLanguage(request({}))).toBe('id');
    expect(getLanguage(request({ 'Accept-Language': 'ja-JP, zh;q=0.8' }))).toBe('id');
  });
});

describe('languageFromAcceptLanguage', () => {
  it.each([
    ['en-US,en;q=0.9', 'en'],
    ['id-ID,id;q=0.9,en-US;q=0.8,en;q=0.7', 'id'],
    ['en;q=0.5, id;q=0.8', 'id'],
    ['fr-FR, en;q=0.4', 'en'],
    ['in-ID', 'id'],
    ['en;q=0, id', 'id'],
    ['*', undefined],
  ])('reads %p as %p', (header, expected) => {
    expect(languageFromAcceptLanguage(header)).toBe(expected);
  });
});

describe('languageFromCookie', () => {
  it('finds lng among other cookies and ignores look-alikes', () => {
    expect(languageFromCookie('a=1; lng=id; b=2')).toBe('id');
    expect(languageFromCookie('xlng=en')).toBeUndefined();
    expect(languageFromCookie(null)).toBeUndefined();
  });
});

describe('serializeLanguageCookie', () => {
  it('keeps the choice for a year on every path, sent on top-level navigations', () => {
    expect(serializeLanguageCookie('en')).toBe('lng=en; Max-Age=31536000; Path=/; SameSite=Lax; HttpOnly');
  });
});
