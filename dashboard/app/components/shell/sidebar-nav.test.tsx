/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import { renderInRemix } from '../../../test/support/render';
import { SidebarNav } from './sidebar-nav';

describe('SidebarNav', () => {
  it('lists every section in Indonesian and marks the current page', async () => {
    const everything = () => (
      <SidebarNav permissions={['CONTACTS_READ', 'CAMPAIGNS_READ', 'TEMPLATES_READ', 'CHANNELS_READ', 'WALLET_READ']} />
    );
    renderInRemix(everything, { lng: 'id', path: '/dashboard' });

    const nav = await screen.findByRole('navigation', { name: 'Navigasi utama' });
    const links = within(nav).getAllByRole('link');
    expect(links.map((link) => link.textContent)).toEqual([
      'Dasbor',
      'Kontak',
      'Kampanye',
      'Templat',
      'Saluran',
      'Dompet',
      'Pengaturan',
    ]);
    expect(within(nav).getByRole('link', { name: 'Dasbor' }).getAttribute('aria-current')).toBe('page');
    expect(
      within(nav)
        .getByRole('link', { name: /Dompet/ })
        .getAttribute('href'),
    ).toBe('/wallet');
  });

  it("hides the sections the user's role does not allow", async () => {
    const finance = () => <SidebarNav permissions={['WALLET_READ', 'PAYMENTS_READ', 'CAMPAIGNS_READ']} />;
    renderInRemix(finance, { lng: 'en', path: '/wallet' });

    const nav = await screen.findByRole('navigation', { name: 'Main navigation' });
    expect(
      within(nav)
        .getAllByRole('link')
        .map((link) => link.getAttribute('href')),
    ).toEqual(['/dashboard', '/campaigns', '/wallet', '/settings']);
  });
});
