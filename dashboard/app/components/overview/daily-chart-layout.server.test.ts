import { layoutDailyChart } from './daily-chart-layout.server';
import type { DailyPoint } from './daily-chart';

/** Thirty quiet days ending 2026-12-04, with `busy` overriding some of them by index. */
function days(busy: Record<number, Partial<DailyPoint>> = {}): DailyPoint[] {
  return Array.from({ length: 30 }, (_, index) => ({
    day: `2026-11-${String(index + 5).padStart(2, '0')}`.replace('2026-11-31', '2026-12-01'),
    sent: 0,
    delivered: 0,
    read: 0,
    failed: 0,
    spend: 0,
    ...busy[index],
  }));
}

const tickValues = (points: DailyPoint[]) => layoutDailyChart(points)?.volumeTicks.map((tick) => tick.value);

describe('the overview chart’s layout', () => {
  it('ticks the volume axis in whole messages on a quiet month', () => {
    expect(tickValues(days({ 29: { sent: 1, spend: 350 } }))).toEqual([0, 1]);
    expect(tickValues(days({ 3: { sent: 2, spend: 700 }, 29: { sent: 1, spend: 350 } }))).toEqual([0, 1, 2]);
    expect(tickValues(days({ 29: { sent: 3, spend: 1050 } }))).toEqual([0, 1, 2, 3]);
    expect(tickValues(days({ 29: { sent: 1800, spend: 630_000 } }))).toEqual([0, 500, 1000, 1500, 2000]);
  });

  it('tops the spend axis in whole rupiah, and not at all when nothing was spent', () => {
    expect(layoutDailyChart(days({ 29: { sent: 1, spend: 350 } }))?.spendMax?.value).toBe(400);
    expect(layoutDailyChart(days({ 29: { sent: 3, spend: 1 } }))?.spendMax?.value).toBe(1);
    // Sent at no cost (a price of Rp0): bars, and no made-up spend maximum.
    expect(layoutDailyChart(days({ 29: { sent: 3, spend: 0 } }))?.spendMax).toBeNull();
  });

  it('lays out no chart for a period with nothing sent and nothing spent', () => {
    expect(layoutDailyChart(days())).toBeNull();
  });
});
