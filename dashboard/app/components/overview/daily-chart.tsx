import { scaleBand, scaleLinear } from 'd3-scale';
import { line } from 'd3-shape';
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

const WIDTH = 640;
const HEIGHT = 220;
const PAD = { top: 12, right: 64, bottom: 26, left: 40 };

/** A day as the reader says it (`1 Des` / `Dec 1`): the day is already the workspace's, so no zone applies. */
export function useDayLabel(format: Intl.DateTimeFormatOptions = { day: 'numeric', month: 'short' }) {
  const { i18n } = useTranslation();
  const locale = intlLocales[i18n.language as Language];
  return (day: string) => DateTime.fromISO(day).setLocale(locale).toLocaleString(format);
}

/**
 * Messages sent per day as bars and spend as a line on its own axis (right), drawn with d3's scales and line
 * generator as plain SVG with classes (the CSP drops inline styles, so no chart library that styles inline); the
 * numbers are in a table behind it for screen readers.
 */
export function DailyChart({ points }: { points: DailyPoint[] }) {
  const { t, i18n } = useTranslation();
  const dayLabel = useDayLabel();
  const number = new Intl.NumberFormat(intlLocales[i18n.language as Language]);
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
  const spendPath = line<DailyPoint>()
    .x((point) => (x(point.day) ?? 0) + x.bandwidth() / 2)
    .y((point) => spend(point.spend))(points);
  const labelEvery = Math.max(1, Math.ceil(points.length / 6));
  const [spendMax] = spend.domain().slice(-1);
  const title = t('overview.statistics.chartLabel', { days: points.length });
  return (
    <figure className="daily-chart">
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} className="daily-chart__svg" role="img" aria-label={title}>
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={volume(0)} y2={volume(0)} className="campaign-chart__axis" />
        {volume.ticks(4).map((tick) => (
          <text
            key={`v${tick}`}
            x={PAD.left - 6}
            y={volume(tick) + 4}
            className="campaign-chart__tick"
            textAnchor="end"
          >
            {number.format(tick)}
          </text>
        ))}
        <text x={WIDTH - PAD.right + 6} y={spend(spendMax ?? 0) + 4} className="campaign-chart__tick">
          {formatRupiah(Math.round(spendMax ?? 0))}
        </text>
        {points.map((point, index) => (
          <g key={point.day}>
            <rect
              x={x(point.day)}
              y={volume(point.sent)}
              width={x.bandwidth()}
              height={Math.max(0, volume(0) - volume(point.sent))}
              className="daily-chart__bar"
            />
            {index % labelEvery === 0 || index === points.length - 1 ? (
              <text
                x={(x(point.day) ?? 0) + x.bandwidth() / 2}
                y={HEIGHT - 8}
                className="campaign-chart__tick"
                textAnchor="middle"
              >
                {dayLabel(point.day)}
              </text>
            ) : null}
          </g>
        ))}
        {spendPath ? <path d={spendPath} className="daily-chart__spend" /> : null}
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
