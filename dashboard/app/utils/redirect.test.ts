import { safeRedirectPath } from './redirect';

describe('safeRedirectPath', () => {
  it('keeps paths on this site, query included', () => {
    expect(safeRedirectPath('/dashboard')).toBe('/dashboard');
    expect(safeRedirectPath('/contacts?tag=vip')).toBe('/contacts?tag=vip');
  });

  it.each([
    'https://evil.example/',
    '//evil.example',
    '/\\evil.example',
    '/\t/evil.example',
    'dashboard',
    '/dashboard\u2215..\u2215evil.example',
    '/\u00a0/evil.example',
    '/kontak/ü',
    '/a b',
    `/${'x'.repeat(3000)}`,
    '',
    undefined,
  ])('refuses %p, which could leave the site', (value) => {
    expect(safeRedirectPath(value)).toBeUndefined();
  });
});
