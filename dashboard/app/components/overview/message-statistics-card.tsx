import { useTranslation } from 'react-i18next';
import { formatRupiah, timeZoneAbbreviation, timeZoneOf, type timeZones } from '../../utils/format';
import { intlLocales, type Language } from '../../utils/language';
import { Card } from '../ui/card';
import { DailyChart, type DailyChartLayout, type DailyPoint } from './daily-chart';

export interface PeriodStatistics {
  sent: number;
  delivered: number;
  read: number;
  failed: number;
  deliveryRate?: number | null;
  readRate?: number | null;
  spend: number;
}

/** What the overview reads of `messageStatistics` (OverviewStatisticsQuery). */
export interface MessageStatistics {
  timeZone: keyof typeof timeZones;
  today: PeriodStatistics;
  last7Days: PeriodStatistics;
  last30Days: PeriodStatistics;
  daily: DailyPoint[];
  /** The daily chart's geometry (the loader computes it: d3 stays on the server); null when nothing was sent. */
  chart: DailyChartLayout | null;
}

const PERIODS = ['today', 'last7Days', 'last30Days'] as const;
const COUNTS = ['sent', 'delivered', 'read', 'failed'] as const;

function Period({ name, period }: { name: (typeof PERIODS)[number]; period: PeriodStatistics }) {
  const { t, i18n } = useTranslation();
  const locale = intlLocales[i18n.language as Language];
  const number = new Intl.NumberFormat(locale);
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 });
  const rate = (share: number | null | undefined) =>
    share === null || share === undefined ? t('overview.campaigns.noRate') : percent.format(share);
  return (
    <section
      className="message-period"
      data-testid={`statistics-${name}`}
      aria-label={t(`overview.statistics.${name}`)}
    >
      <h3 className="message-period__title">{t(`overview.statistics.${name}`)}</h3>
      <dl className="message-period__figures">
        {COUNTS.map((count) => (
          <div key={count} className="message-period__figure">
            <dt>{t(`overview.statistics.${count}`)}</dt>
            <dd>{number.format(period[count])}</dd>
          </div>
        ))}
      </dl>
      <p className="message-period__rates">
        {t('overview.statistics.rates', { delivered: rate(period.deliveryRate), read: rate(period.readRate) })}
      </p>
      <p className="message-period__rates">{t('overview.statistics.spent', { spend: formatRupiah(period.spend) })}</p>
    </section>
  );
}

/**
 * Messages sent, delivered, read and failed today, over 7 and 30 days (days of the workspace's zone), with delivery
 * and read rates, then the daily volume and spend of the last 30 days.
 */
export function MessageStatisticsCard({ statistics }: { statistics: MessageStatistics }) {
  const { t } = useTranslation();
  return (
    <Card title={t('overview.statistics.title')} icon="activity" className="message-statistics">
      <p className="field__hint">
        {t('overview.statistics.zone', { zone: timeZoneAbbreviation(timeZoneOf(statistics.timeZone)) })}
      </p>
      <div className="message-statistics__periods">
        {PERIODS.map((name) => (
          <Period key={name} name={name} period={statistics[name]} />
        ))}
      </div>
      {statistics.chart ? (
        <DailyChart points={statistics.daily} layout={statistics.chart} />
      ) : (
        <p className="field__hint" data-testid="daily-chart-empty">
          {t('overview.statistics.chartEmpty', { days: statistics.daily.length })}
        </p>
      )}
    </Card>
  );
}
