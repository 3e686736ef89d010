/** Axis labels at most on a wide screen; a phone, where a 640-unit chart is drawn at about half size with its ticks
 * twice as large, shows every other one of them. */
const LABELS_MOST = 6;

export interface AxisLabel {
  index: number;
  /** The last point's label ends at its position (centred, it would run past the drawing); the others are centred. */
  anchor: 'middle' | 'end';
  /** Also shown on a phone. */
  narrow: boolean;
}

/**
 * Which of `count` points along an x axis carry a label: the last (the latest) always, then every k-th point back, so
 * the labels are evenly spaced and the latest never crowds the one before it.
 */
export function axisLabels(count: number): AxisLabel[] {
  const every = Math.max(1, Math.ceil(count / LABELS_MOST));
  const labels: AxisLabel[] = [];
  for (let index = count - 1, rank = 0; index >= 0; index -= every, rank += 1) {
    labels.push({ index, anchor: rank === 0 ? 'end' : 'middle', narrow: rank % 2 === 0 });
  }
  return labels.reverse();
}
