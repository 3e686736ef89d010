/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import { renderInRemix } from '../../../test/support/render';
import { LanguageSwitch } from './language-switch';

describe('LanguageSwitch', () => {
  it('offers both languages, marks the current one, and names the group in the reader language', async () => {
    renderInRemix(LanguageSwitch, { lng: 'id', path: '/contacts?tag=vip' });

    const indonesian = await screen.findByRole('button', { name: 'ID' });
    const english = screen.getByRole('button', { name: 'EN' });
    expect(screen.getByRole('group', { name: 'Bahasa' })).toBeTruthy();
    expect(indonesian.getAttribute('aria-pressed')).toBe('true');
    expect(english.getAttribute('aria-pressed')).toBe('false');
    expect(english.getAttribute('title')).toBe('Ganti bahasa ke English');
    expect(indonesian.getAttribute('title')).toBe('Ganti bahasa ke Bahasa Indonesia');
  });

  it('posts to /set-language without JavaScript and comes back to the same page', async () => {
    const { container } = renderInRemix(LanguageSwitch, { lng: 'en', path: '/contacts?tag=vip' });

    const english = await screen.findByRole('button', { name: 'EN' });
    expect(screen.getByRole('group', { name: 'Language' })).toBeTruthy();
    expect(english.getAttribute('title')).toBe('Switch language to English');
    const form = container.querySelector('form');
    expect(form?.getAttribute('method')).toBe('post');
    expect(form?.getAttribute('action')).toBe('/set-language');
    expect((form?.querySelector('input[name="redirectTo"]') as HTMLInputElement).value).toBe('/contacts?tag=vip');
    expect([...(form?.querySelectorAll('button[name="lng"]') ?? [])].map((b) => b.getAttribute('value'))).toEqual([
      'en',
      'id',
    ]);
  });
});
