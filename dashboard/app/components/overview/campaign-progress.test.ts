import {
  campaignPercent,
  campaignRates,
  livePollDelay,
  processedMessages,
  type CampaignCounts,
} from './campaign-progress';

const counts = (values: Partial<CampaignCounts>): CampaignCounts => ({
  total: 0,
  queued: 0,
  sending: 0,
  sent: 0,
  delivered: 0,
  read: 0,
  failed: 0,
  skipped: 0,
  unknown: 0,
  ...values,
});

describe('a campaign on the overview', () => {
  // 1,000 recipients: 400 waiting or in flight, 600 past the dispatcher.
  const running = counts({
    total: 1000,
    queued: 390,
    sending: 10,
    sent: 100,
    delivered: 250,
    read: 150,
    failed: 80,
    skipped: 15,
    unknown: 5,
  });

  it('counts every message past the dispatcher as processed, whatever became of it', () => {
    expect(processedMessages(running)).toBe(600);
    expect(campaignPercent('RUNNING', running)).toBe(60);
  });

  it('shows 100 % only once the campaign is COMPLETED, and 0 % for an empty audience', () => {
    const almost = counts({ total: 1000, queued: 1, sent: 999 });
    expect(campaignPercent('PAUSED', almost)).toBe(99);
    expect(campaignPercent('COMPLETED', almost)).toBe(100);
    expect(campaignPercent('RUNNING', counts({}))).toBe(0);
  });

  it('rates delivery over what Meta took and reads over what was delivered', () => {
    // Meta took 100 + 250 + 150 + 80 = 580; delivered or read 400 of them; 150 of those 400 read.
    const rates = campaignRates(running);
    expect(rates.delivered).toBeCloseTo(400 / 580, 10);
    expect(rates.read).toBeCloseTo(150 / 400, 10);
  });

  it('has no rate before anything reached Meta', () => {
    expect(campaignRates(counts({ total: 10, queued: 10 }))).toEqual({ delivered: null, read: null });
  });

  describe('asking again while the overview is open', () => {
    const now = Date.parse('2026-12-04T09:00:00.000Z');
    const at = (seconds: number) => new Date(now + seconds * 1000).toISOString();

    it('asks every 5 s while a campaign runs, whatever else is scheduled', () => {
      expect(livePollDelay([{ status: 'RUNNING' }], now)).toBe(5_000);
      expect(livePollDelay([{ status: 'SCHEDULED', scheduledAt: at(3600) }, { status: 'RUNNING' }], now)).toBe(5_000);
    });

    it('asks while a campaign is scheduled, to show its start: at the start, every 5 s once due, once a minute before', () => {
      expect(livePollDelay([{ status: 'SCHEDULED', scheduledAt: at(20) }], now)).toBe(20_000);
      expect(livePollDelay([{ status: 'SCHEDULED', scheduledAt: at(2) }], now)).toBe(5_000);
      // Due but not started yet (the worker's tick comes): keep asking.
      expect(livePollDelay([{ status: 'SCHEDULED', scheduledAt: at(-30) }], now)).toBe(5_000);
      expect(livePollDelay([{ status: 'SCHEDULED', scheduledAt: at(86_400 * 40) }], now)).toBe(60_000);
      expect(
        livePollDelay(
          [
            { status: 'SCHEDULED', scheduledAt: at(3600) },
            { status: 'SCHEDULED', scheduledAt: at(30) },
          ],
          now,
        ),
      ).toBe(30_000);
    });

    it('stops once nothing is running or scheduled', () => {
      expect(livePollDelay([], now)).toBeNull();
      expect(livePollDelay([{ status: 'PAUSED' }, { status: 'COMPLETED' }, { status: 'DRAFT' }], now)).toBeNull();
    });
  });
});
