/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import { renderInRemix } from '../../../test/support/render';
import { SidebarNav } from './sidebar-nav';

describe('SidebarNav', () => {
  it('lists every section in Indonesian and marks the current page', async () => {
    renderInRemix(SidebarNav, { lng: 'id', path: '/dashboard' });

    const nav = await screen.findByRole('navigation', { name: 'Navigasi utama' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      'Dasbor',
      'KontakSegera',
      'KampanyeSegera',
      'TemplatSegera',
      'DompetSegera',
      'PengaturanSegera',
    ]);
    expect(within(nav).getByRole('link', { name: 'Dasbor' }).getAttribute('aria-current')).toBe('page');
    expect(
      within(nav)
        .getByRole('link', { name: /Dompet/ })
        .getAttribute('href'),
    ).toBe('/wallet');
  });
});
