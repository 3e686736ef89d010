/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import { renderInRemix } from '../../../test/support/render';
import { ReplyContent, type ReplyFacts } from './reply-content';

const none = { text: null, caption: null, fileName: null, mimeType: null, location: null };

describe('ReplyContent', () => {
  it('shows a photo as a photo with its caption', async () => {
    const photo: ReplyFacts = {
      ...none,
      type: 'image',
      text: 'Yang biru ada?',
      caption: 'Yang biru ada?',
      mimeType: 'image/jpeg',
    };
    renderInRemix(() => <ReplyContent reply={photo} />, { lng: 'en', path: '/contacts/1' });
    expect(await screen.findByText('Photo')).toBeTruthy();
    expect(screen.getByText('Yang biru ada?')).toBeTruthy();
  });

  it('shows a document’s file name and type, in Indonesian too', async () => {
    const document: ReplyFacts = {
      ...none,
      type: 'document',
      fileName: 'Daftar pesanan.pdf',
      mimeType: 'application/pdf',
    };
    renderInRemix(() => <ReplyContent reply={document} />, { lng: 'id', path: '/contacts/1' });
    expect(await screen.findByText('Dokumen')).toBeTruthy();
    expect(screen.getByText('Daftar pesanan.pdf')).toBeTruthy();
    expect(screen.getByText('application/pdf')).toBeTruthy();
  });

  it('shows a place’s name and address with a link to it on OpenStreetMap', async () => {
    const place: ReplyFacts = {
      ...none,
      type: 'location',
      text: 'Toko Cabang Sudirman',
      location: { latitude: -6.2088, longitude: 106.8456, name: 'Toko Cabang Sudirman', address: 'Jl. Sudirman 1' },
    };
    renderInRemix(() => <ReplyContent reply={place} />, { lng: 'en', path: '/contacts/1' });
    expect(await screen.findByText('Toko Cabang Sudirman')).toBeTruthy();
    expect(screen.getByText('Jl. Sudirman 1')).toBeTruthy();
    const link = screen.getByRole('link', { name: 'Open in map' });
    expect(link.getAttribute('href')).toBe(
      'https://www.openstreetmap.org/?mlat=-6.2088&mlon=106.8456#map=17/-6.2088/106.8456',
    );
  });

  it('says a place was removed once the retention purge emptied it', async () => {
    renderInRemix(() => <ReplyContent reply={{ ...none, type: 'location' }} />, { lng: 'en', path: '/contacts/1' });
    expect(await screen.findByText('Text removed after the retention period')).toBeTruthy();
  });
});
