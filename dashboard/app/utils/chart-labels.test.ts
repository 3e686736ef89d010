import { axisLabels } from './chart-labels';

describe('x-axis labels of a chart', () => {
  it('labels 30 days with today, every fifth day back, and half of them on a phone', () => {
    // 30 days, at most six labels: 5 days apart, ending on today (index 29).
    expect(axisLabels(30).map((label) => label.index)).toEqual([4, 9, 14, 19, 24, 29]);
    expect(
      axisLabels(30)
        .filter((label) => label.narrow)
        .map((label) => label.index),
    ).toEqual([9, 19, 29]);
    // Only today's label ends at its point; the others are centred on theirs.
    expect(
      axisLabels(30)
        .filter((label) => label.anchor === 'end')
        .map((label) => label.index),
    ).toEqual([29]);
  });

  it('labels every point of a short series and never more than six', () => {
    expect(axisLabels(4).map((label) => label.index)).toEqual([0, 1, 2, 3]);
    for (const count of [1, 7, 13, 59, 60, 61, 365]) {
      const labels = axisLabels(count);
      expect(labels.length).toBeLessThanOrEqual(6);
      expect(labels.at(-1)?.index).toBe(count - 1);
      expect(labels[0]!.index).toBeGreaterThanOrEqual(0);
    }
    expect(axisLabels(0)).toEqual([]);
  });
});
