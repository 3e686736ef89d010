import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import type { DailyChartLayout, DailyPoint } from './daily-chart';

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 12, right: 64, bottom: 26, left: 40 };

/**
 * The chart's geometry, computed with d3's scales and line generator on the server, where the loader runs: the page
 * draws the numbers it is given, so d3 (scales, interpolators, number and time formats) never ships to the browser.
 * It was a third of the overview's script and took its first load past 200 KB.
 */
export function layoutDailyChart(points: DailyPoint[]): DailyChartLayout {
  const x = scaleBand<string>()
    .domain(points.map((point) => point.day))
    .range([PAD.left, WIDTH - PAD.right])
    .padding(0.25);
  const volume = scaleLinear()
    .domain([0, Math.max(1, ...points.map((point) => point.sent))])
    .nice(4)
    .range([HEIGHT - PAD.bottom, PAD.top]);
  const spend = scaleLinear()
    .domain([0, Math.max(1, ...points.map((point) => point.spend))])
    .nice(4)
    .range([HEIGHT - PAD.bottom, PAD.top]);
  const middle = (day: string) => (x(day) ?? 0) + x.bandwidth() / 2;
  const labelEvery = Math.max(1, Math.ceil(points.length / 6));
  const spendMax = spend.domain().slice(-1)[0] ?? 0;
  return {
    width: WIDTH,
    height: HEIGHT,
    axis: { x1: PAD.left, x2: WIDTH - PAD.right, y: volume(0) },
    volumeTicks: volume.ticks(4).map((value) => ({ value, x: PAD.left - 6, y: volume(value) + 4 })),
    spendMax: { value: Math.round(spendMax), x: WIDTH - PAD.right + 6, y: spend(spendMax) + 4 },
    bars: points.map((point, index) => ({
      day: point.day,
      x: x(point.day) ?? 0,
      y: volume(point.sent),
      width: x.bandwidth(),
      height: Math.max(0, volume(0) - volume(point.sent)),
      label: index % labelEvery === 0 || index === points.length - 1 ? { x: middle(point.day), y: HEIGHT - 8 } : null,
    })),
    spendPath: line<DailyPoint>()
      .x((point) => middle(point.day))
      .y((point) => spend(point.spend))(points),
  };
}
