/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import { renderInRemix } from '../../../test/support/render';
import { PaymentOrdersTable } from './payment-orders-table';

describe('PaymentOrdersTable with no orders', () => {
  it('says how to make the first top-up and links to it, for a reader who may top up', async () => {
    renderInRemix(() => <PaymentOrdersTable orders={[]} canTopUp />, { lng: 'id', path: '/dashboard' });
    const empty = await screen.findByTestId('payment-orders-empty');
    expect(empty.textContent).toContain('Kampanye dibayar dari dompet: isi saldo dulu');
    expect(screen.getByRole('link', { name: 'Isi saldo dompet' }).getAttribute('href')).toBe('/wallet#topup');
  });

  it('says who can top up, without a link, for a reader who may not', async () => {
    renderInRemix(() => <PaymentOrdersTable orders={[]} canTopUp={false} />, { lng: 'en', path: '/wallet' });
    const empty = await screen.findByTestId('payment-orders-empty');
    expect(empty.textContent).toContain('Someone with the permission to top up can add to the wallet');
    expect(screen.queryByRole('link')).toBeNull();
  });

  it('says only that nothing matches under a status filter', async () => {
    renderInRemix(() => <PaymentOrdersTable orders={[]} filtered canTopUp />, { lng: 'en', path: '/wallet' });
    expect((await screen.findByTestId('payment-orders-empty')).textContent).toBe('No top-ups with this status.');
  });
});
