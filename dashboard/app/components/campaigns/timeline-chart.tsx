import { useTranslation } from 'react-i18next';
import { axisLabels } from '../../utils/chart-labels';
import { intlLocales, type Language } from '../../utils/language';
import { useTimeOfDay } from './use-time-of-day';

export interface TimelinePoint {
  at: string;
  sent: number;
  delivered: number;
  read: number;
  failed: number;
}

const SERIES = ['sent', 'delivered', 'read', 'failed'] as const;
const WIDTH = 640;
const HEIGHT = 200;
// Room below for the time labels clear of the axis's "0", and left for the maximum, in a phone's larger tick font.
const PAD = { top: 26, right: 10, bottom: 36, left: 48 };

/**
 * Sent, delivered, read and failed per interval as four lines: an SVG of our own (some 80 lines) rather than a
 * chart library of 100 KB and more for one chart. The numbers are in a table beside it for screen readers.
 */
export function TimelineChart({ points, bucketSeconds }: { points: TimelinePoint[]; bucketSeconds: number }) {
  const { t, i18n } = useTranslation();
  const timeOfDay = useTimeOfDay();
  if (points.length === 0) return <p className="field__hint">{t('campaigns.chart.empty')}</p>;
  const max = Math.max(1, ...points.flatMap((point) => SERIES.map((series) => point[series])));
  const innerW = WIDTH - PAD.left - PAD.right;
  const innerH = HEIGHT - PAD.top - PAD.bottom;
  const x = (index: number) => PAD.left + (points.length === 1 ? innerW / 2 : (index / (points.length - 1)) * innerW);
  const y = (value: number) => PAD.top + innerH - (value / max) * innerH;
  const compact = new Intl.NumberFormat(intlLocales[i18n.language as Language], { notation: 'compact' });
  const interval =
    bucketSeconds >= 3600
      ? t('campaigns.chart.hours', { count: bucketSeconds / 3600 })
      : t('campaigns.chart.minutes', { count: bucketSeconds / 60 });
  return (
    <figure className="campaign-chart">
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        className="campaign-chart__svg"
        role="img"
        aria-label={t('campaigns.chart.label', { interval })}
      >
        <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(0)} y2={y(0)} className="campaign-chart__axis" />
        <text x={PAD.left - 6} y={y(max) + 4} className="campaign-chart__tick" textAnchor="end">
          {compact.format(max)}
        </text>
        <text x={PAD.left - 6} y={y(0) + 4} className="campaign-chart__tick" textAnchor="end">
          0
        </text>
        {axisLabels(points.length).map(({ index, anchor, narrow }) => (
          <text
            key={points[index]!.at}
            x={x(index)}
            y={HEIGHT - 9}
            className={`campaign-chart__tick${narrow ? '' : ' campaign-chart__tick--wide'}`}
            textAnchor={points.length === 1 ? 'middle' : anchor}
          >
            {timeOfDay(points[index]!.at)}
          </text>
        ))}
        {SERIES.map((series) => (
          <polyline
            key={series}
            className={`campaign-chart__line campaign-chart__line--${series}`}
            points={points.map((point, index) => `${x(index)},${y(point[series])}`).join(' ')}
          />
        ))}
        {points.length === 1
          ? SERIES.map((series) => (
              <circle
                key={series}
                cx={x(0)}
                cy={y(points[0]![series])}
                r={4}
                className={`campaign-chart__dot campaign-chart__line--${series}`}
              />
            ))
          : null}
      </svg>
      <figcaption className="campaign-chart__legend">
        {SERIES.map((series) => (
          <span key={series} className="campaign-chart__key">
            <span className={`campaign-chart__swatch campaign-chart__line--${series}`} aria-hidden="true" />
            {t(`campaigns.counts.${series}`)}
          </span>
        ))}
        <span className="field__hint">{t('campaigns.chart.interval', { interval })}</span>
      </figcaption>
      {/* A table ignores a 1 px width: the hidden wrapper keeps it from widening the page. */}
      <div className="visually-hidden">
        <table>
          <caption>{t('campaigns.chart.label', { interval })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('campaigns.chart.time')}</th>
              {SERIES.map((series) => (
                <th key={series} scope="col">
                  {t(`campaigns.counts.${series}`)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {points.map((point) => (
              <tr key={point.at}>
                <th scope="row">{timeOfDay(point.at)}</th>
                {SERIES.map((series) => (
                  <td key={series}>{point[series]}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
