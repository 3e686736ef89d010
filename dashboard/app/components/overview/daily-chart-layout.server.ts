import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
import { axisLabels } from '../../utils/chart-labels';
import type { DailyChartLayout, DailyPoint } from './daily-chart';

const WIDTH = 640;
const HEIGHT = 230;
// The top margin holds the spend axis's maximum (right-aligned above the plot, where a long rupiah amount has
// room); the bottom one the day labels, clear of the volume axis's "0" even in a phone's larger tick font.
const PAD = { top: 36, right: 12, bottom: 36, left: 48 };

/**
 * The chart's geometry, computed with d3's scales and line generator on the server, where the loader runs: the page
 * draws the numbers it is given, so d3 (scales, interpolators, number and time formats) never ships to the browser.
 * It was a third of the overview's script and took its first load past 200 KB. Nothing sent and nothing spent in
 * the period is no chart (null): an axis of nothing says nothing.
 */
export function layoutDailyChart(points: DailyPoint[]): DailyChartLayout | null {
  if (points.every((point) => point.sent === 0 && point.spend === 0)) return null;
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
  const labelled = new Map(axisLabels(points.length).map((label) => [label.index, label]));
  const spendMax = spend.domain().slice(-1)[0] ?? 0;
  const spent = points.some((point) => point.spend > 0);
  return {
    width: WIDTH,
    height: HEIGHT,
    axis: { x1: PAD.left, x2: WIDTH - PAD.right, y: volume(0) },
    // Messages come whole: on a quiet month d3 would tick 0, 0.2 … 1.
    volumeTicks: volume
      .ticks(4)
      .filter(Number.isInteger)
      .map((value) => ({ value, x: PAD.left - 6, y: volume(value) + 4 })),
    // Whole rupiah; with nothing spent the line lies on the axis, and the axis's top would be a made-up Rp1.
    spendMax: spent ? { value: Math.ceil(spendMax), x: WIDTH - PAD.right, y: PAD.top - 10 } : null,
    bars: points.map((point, index) => {
      const label = labelled.get(index);
      return {
        day: point.day,
        x: x(point.day) ?? 0,
        y: volume(point.sent),
        width: x.bandwidth(),
        height: Math.max(0, volume(0) - volume(point.sent)),
        label: label
          ? {
              // Today's label ends at its bar's right edge.
              x: label.anchor === 'end' ? (x(point.day) ?? 0) + x.bandwidth() : middle(point.day),
              y: HEIGHT - 8,
              anchor: label.anchor,
              narrow: label.narrow,
            }
          : null,
      };
    }),
    spendPath: line<DailyPoint>()
      .x((point) => middle(point.day))
      .y((point) => spend(point.spend))(points),
  };
}
