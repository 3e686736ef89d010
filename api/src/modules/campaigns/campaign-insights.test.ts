import { bucketSecondsFor, fillTimeline, MAX_TIMELINE_POINTS } from './campaign-insights.service';

const at = (iso: string) => new Date(iso);

describe('campaign timeline intervals', () => {
  it('takes the smallest interval that keeps the chart within 120 points', () => {
    expect(bucketSecondsFor(at('2026-12-01T03:00:00Z'), at('2026-12-01T03:00:05Z'))).toBe(60);
    // Two hours in minutes would be 121 points: five minutes it is.
    expect(bucketSecondsFor(at('2026-12-01T03:00:00Z'), at('2026-12-01T05:00:00Z'))).toBe(300);
    expect(bucketSecondsFor(at('2026-12-01T03:00:00Z'), at('2026-12-03T03:00:00Z'))).toBe(1800);
    expect(bucketSecondsFor(at('2026-01-01T00:00:00Z'), at('2026-12-31T00:00:00Z'))).toBe(7 * 86_400);
    expect(MAX_TIMELINE_POINTS).toBe(120);
  });

  it('fills the intervals where nothing happened with zeros', () => {
    const rows = [
      { bucket: at('2026-12-01T03:00:00Z'), sent: 5, delivered: 4, read: 1, failed: 0 },
      { bucket: at('2026-12-01T03:02:00Z'), sent: 0, delivered: 1, read: 2, failed: 1 },
    ];
    expect(fillTimeline(rows, 60)).toEqual([
      { at: at('2026-12-01T03:00:00Z'), sent: 5, delivered: 4, read: 1, failed: 0 },
      { at: at('2026-12-01T03:01:00Z'), sent: 0, delivered: 0, read: 0, failed: 0 },
      { at: at('2026-12-01T03:02:00Z'), sent: 0, delivered: 1, read: 2, failed: 1 },
    ]);
    expect(fillTimeline([], 60)).toEqual([]);
  });
});
