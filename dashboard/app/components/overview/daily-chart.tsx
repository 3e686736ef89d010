import { DateTime } from 'luxon';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../utils/format';
import { intlLocales, type Language } from '../../utils/language';

export interface DailyPoint {
  /** `YYYY-MM-DD` in the workspace's time zone. */
  day: string;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  spend: number;
}

/** Where everything of the chart goes, in SVG units (computed on the server: daily-chart-layout.server.ts). */
export interface DailyChartLayout {
  width: number;
  height: number;
  axis: { x1: number; x2: number; y: number };
  volumeTicks: { value: number; x: number; y: number }[];
  /** The spend axis's top; none when nothing was spent. */
  spendMax: { value: number; x: number; y: number } | null;
  bars: {
    day: string;
    x: number;
    y: number;
    width: number;
    height: number;
    /** `narrow`: also shown on a phone, where every other label would crowd. */
    label: { x: number; y: number; anchor: 'middle' | 'end'; narrow: boolean } | null;
  }[];
  spendPath: string | null;
}

/** A day as the reader says it (`1 Des` / `Dec 1`): the day is already the workspace's, so no zone applies. */
export function useDayLabel(format: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' }) {
  const { i18n } = useTranslation();
  const locale = intlLocales[i18n.language as Language];
  return (day: string) => DateTime.fromISO(day).setLocale(locale).toLocaleString(format);
}

/**
 * Messages sent per day as bars and spend as a line on its own axis (right), plain SVG with classes (the CSP drops
 * inline styles, so no chart library that styles inline) at the places the server computed with d3; the numbers
 * are in a table behind it for screen readers.
 */
export function DailyChart({ points, layout }: { points: DailyPoint[]; layout: DailyChartLayout }) {
  const { t, i18n } = useTranslation();
  const dayLabel = useDayLabel();
  const number = new Intl.NumberFormat(intlLocales[i18n.language as Language]);
  // The axis says "12 rb" / "12K": a phone's half-size chart has no room for "12.000" beside the bars.
  const compact = new Intl.NumberFormat(intlLocales[i18n.language as Language], { notation: 'compact' });
  const title = t('overview.statistics.chartLabel', { days: points.length });
  const { axis, spendMax } = layout;
  return (
    <figure className="daily-chart">
      <svg viewBox={`0 0 ${layout.width} ${layout.height}`} className="daily-chart__svg" role="img" aria-label={title}>
        <line x1={axis.x1} x2={axis.x2} y1={axis.y} y2={axis.y} className="campaign-chart__axis" />
        {layout.volumeTicks.map((tick) => (
          <text key={`v${tick.value}`} x={tick.x} y={tick.y} className="campaign-chart__tick" textAnchor="end">
            {compact.format(tick.value)}
          </text>
        ))}
        {spendMax ? (
          <text x={spendMax.x} y={spendMax.y} className="campaign-chart__tick" textAnchor="end">
            {formatRupiah(spendMax.value)}
          </text>
        ) : null}
        {layout.bars.map((bar) => (
          <g key={bar.day}>
            <rect x={bar.x} y={bar.y} width={bar.width} height={bar.height} className="daily-chart__bar" />
            {bar.label ? (
              <text
                x={bar.label.x}
                y={bar.label.y}
                className={`campaign-chart__tick${bar.label.narrow ? '' : ' campaign-chart__tick--wide'}`}
                textAnchor={bar.label.anchor}
              >
                {dayLabel(bar.day)}
              </text>
            ) : null}
          </g>
        ))}
        {layout.spendPath ? <path d={layout.spendPath} className="daily-chart__spend" /> : null}
      </svg>
      <figcaption className="campaign-chart__legend">
        <span className="campaign-chart__key">
          <span className="campaign-chart__swatch daily-chart__swatch--sent" aria-hidden="true" />
          {t('overview.statistics.sentPerDay')}
        </span>
        <span className="campaign-chart__key">
          <span className="campaign-chart__swatch daily-chart__swatch--spend" aria-hidden="true" />
          {t('overview.statistics.spendPerDay')}
        </span>
      </figcaption>
      {/* A table ignores a 1 px width: the hidden wrapper keeps it from widening the page. */}
      <div className="visually-hidden">
        <table>
          <caption>{title}</caption>
          <thead>
            <tr>
              <th scope="col">{t('overview.statistics.day')}</th>
              <th scope="col">{t('overview.statistics.sent')}</th>
              <th scope="col">{t('overview.statistics.delivered')}</th>
              <th scope="col">{t('overview.statistics.read')}</th>
              <th scope="col">{t('overview.statistics.failed')}</th>
              <th scope="col">{t('overview.statistics.spend')}</th>
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.day}>
                <th scope="row">{dayLabel(point.day)}</th>
                <td>{number.format(point.sent)}</td>
                <td>{number.format(point.delivered)}</td>
                <td>{number.format(point.read)}</td>
                <td>{number.format(point.failed)}</td>
                <td>{formatRupiah(point.spend)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
