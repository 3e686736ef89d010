/** @jest-environment jsdom */
import { screen } from '@testing-library/react';
import { renderInRemix } from '../../../test/support/render';
import { ChannelCard } from './channel-card';
import type { ChannelRow } from './types';

const channel: ChannelRow = {
  id: '0190a000-0000-7000-8000-000000000001',
  name: 'Toko utama',
  phoneNumberId: '106540352242922',
  wabaId: '102290129340398',
  portfolioId: '9102290129340398',
  displayNumber: '+62 812-3456-7890',
  status: 'CONNECTED',
  statusReason: null,
  quality: 'GREEN',
  throughput: 80,
  messagingLimit: 2000,
  messagingLimitUsed: 0,
  messagingLimitRemaining: 2000,
  subscribed: true,
  checkedAt: '2026-12-03T01:00:00.000Z',
  lastWebhookAt: null,
  webhookSilent: false,
  createdAt: '2026-12-03T01:00:00.000Z',
};

/**
 * Issue 18 point 1: the channel page warns when a channel that sent in the last 10 minutes has heard no webhook
 * (the API's `webhookSilent`), in the reader's language; a channel whose webhooks arrive shows no warning.
 */
describe('ChannelCard', () => {
  it.each([
    ['en', 'No webhook from Meta', /sent messages in the last 10 minutes but Meta has sent no webhook since/],
    ['id', 'Tidak ada webhook dari Meta', /mengirim pesan dalam 10 menit terakhir tetapi Meta belum mengirim webhook/],
  ] as const)(
    '%s: warns that Meta’s webhooks are not arriving while the channel is silent',
    async (lng, title, body) => {
      renderInRemix(() => <ChannelCard channel={{ ...channel, webhookSilent: true }} canManage={false} />, {
        lng,
        path: '/channels',
      });
      expect(await screen.findByText(title)).toBeTruthy();
      expect(screen.getByText(body)).toBeTruthy();
    },
  );

  it('shows no such warning while webhooks arrive', async () => {
    renderInRemix(() => <ChannelCard channel={channel} canManage={false} />, { lng: 'en', path: '/channels' });
    expect(await screen.findByText('Toko utama')).toBeTruthy();
    expect(screen.queryByText('No webhook from Meta')).toBeNull();
  });
});
