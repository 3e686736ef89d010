import { Link, useRevalidator } from '@remix-run/react';
import { useEffect, useId, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../utils/format';
import { intlLocales, type Language } from '../../utils/language';
import { useDateTime } from '../../utils/use-date-time';
import { Badge, type BadgeTone } from '../ui/badge';
import { Card } from '../ui/card';
import { ProgressBar } from '../ui/progress';
import {
  campaignPercent,
  campaignRates,
  livePollDelay,
  processedMessages,
  type CampaignCounts,
  type CampaignStatus,
} from './campaign-progress';

export interface OverviewCampaign {
  id: string;
  name: string;
  status: CampaignStatus;
  pauseReasonText?: string | null;
  scheduledAt?: string | null;
  completedAt?: string | null;
  cost: number;
  counts: CampaignCounts;
}

const TONES: Record<CampaignStatus, BadgeTone> = {
  DRAFT: 'neutral',
  SCHEDULED: 'info',
  RUNNING: 'info',
  PAUSED: 'warning',
  COMPLETED: 'success',
  CANCELLED: 'neutral',
  FAILED: 'danger',
};

/** Reloads the overview's data while one of its campaigns is sending or scheduled (`livePollDelay`). */
function useLiveCampaigns(campaigns: readonly OverviewCampaign[]): void {
  const revalidator = useRevalidator();
  // Worked out again with each answer: a scheduled start comes closer, a campaign starts or ends.
  const delay = livePollDelay(campaigns, Date.now());
  useEffect(() => {
    if (delay === null) return;
    const timer = setInterval(() => {
      if (revalidator.state === 'idle' && document.visibilityState === 'visible') revalidator.revalidate();
    }, delay);
    return () => clearInterval(timer);
  }, [delay, revalidator]);
}

function usePercent(): (share: number | null) => string {
  const { i18n, t } = useTranslation();
  const format = new Intl.NumberFormat(intlLocales[i18n.language as Language], {
    style: 'percent',
    maximumFractionDigits: 1,
  });
  return (share) => (share === null ? t('overview.campaigns.noRate') : format.format(share));
}

function StatusBadge({ status }: { status: CampaignStatus }) {
  const { t } = useTranslation();
  return <Badge tone={TONES[status]}>{t(`overview.campaigns.status.${status}`)}</Badge>;
}

/** One campaign's row: its name (a link to its page) and status, above what the kind of row shows. */
function CampaignItem({
  campaign,
  testId,
  children,
}: {
  campaign: OverviewCampaign;
  testId: string;
  children: ReactNode;
}) {
  return (
    <li className="overview-campaign" data-testid={testId}>
      <div className="overview-campaign__head">
        <Link to={`/campaigns/${campaign.id}`} className="overview-campaign__name">
          {campaign.name}
        </Link>
        <StatusBadge status={campaign.status} />
      </div>
      {children}
    </li>
  );
}

/** A live campaign: its progress bar, what it has done, and when a scheduled one starts. */
function LiveCampaign({ campaign }: { campaign: OverviewCampaign }) {
  const { t, i18n } = useTranslation();
  const labelId = useId();
  const dateTime = useDateTime();
  const percent = usePercent();
  const number = new Intl.NumberFormat(intlLocales[i18n.language as Language]);
  const rates = campaignRates(campaign.counts);
  return (
    <CampaignItem campaign={campaign} testId="overview-live-campaign">
      {campaign.status === 'SCHEDULED' && campaign.scheduledAt ? (
        <p className="overview-campaign__meta">
          {t('overview.campaigns.startsAt', { time: dateTime(campaign.scheduledAt) })}
        </p>
      ) : (
        <>
          <ProgressBar
            id={labelId}
            label={t('overview.campaigns.progress', {
              done: number.format(processedMessages(campaign.counts)),
              total: number.format(campaign.counts.total),
            })}
            percent={campaignPercent(campaign.status, campaign.counts)}
            testId="overview-campaign-progress"
          />
          <p className="overview-campaign__meta">
            {t('overview.campaigns.rates', { delivered: percent(rates.delivered), read: percent(rates.read) })}
            {campaign.status === 'PAUSED' && campaign.pauseReasonText ? ` · ${campaign.pauseReasonText}` : null}
          </p>
        </>
      )}
    </CampaignItem>
  );
}

/** A finished campaign: how it ended, its delivery and read rates, and what it cost. */
function FinishedCampaign({ campaign }: { campaign: OverviewCampaign }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const percent = usePercent();
  const rates = campaignRates(campaign.counts);
  return (
    <CampaignItem campaign={campaign} testId="overview-finished-campaign">
      <p className="overview-campaign__meta">
        {t('overview.campaigns.result', {
          delivered: percent(rates.delivered),
          read: percent(rates.read),
          cost: formatRupiah(campaign.cost),
        })}
        {campaign.completedAt ? ` · ${dateTime(campaign.completedAt)}` : null}
      </p>
    </CampaignItem>
  );
}

/** One list of the card under its heading, or the sentence that says it is empty. */
function CampaignSection({ heading, empty, children }: { heading: string; empty: string; children: ReactNode[] }) {
  return (
    <div>
      <h3 className="overview-campaigns__heading">{heading}</h3>
      {children.length > 0 ? (
        <ul className="overview-campaigns__list">{children}</ul>
      ) : (
        <p className="overview-campaigns__empty">{empty}</p>
      )}
    </div>
  );
}

/**
 * The overview's campaigns: running, paused and scheduled ones with live progress (refreshed while one sends or is
 * scheduled), then the latest finished ones with their results. Empty, it says what to do next.
 */
export function CampaignsCard({
  live,
  finished,
}: {
  live: readonly OverviewCampaign[];
  finished: readonly OverviewCampaign[];
}) {
  const { t } = useTranslation();
  useLiveCampaigns(live);
  return (
    <Card
      title={t('overview.campaigns.title')}
      icon="campaigns"
      action={<Link to="/campaigns">{t('overview.campaigns.all')}</Link>}
      className="overview-campaigns"
    >
      <div className="overview-campaigns__body" data-testid="overview-campaigns">
        <CampaignSection heading={t('overview.campaigns.live')} empty={t('overview.campaigns.noLive')}>
          {live.map((campaign) => (
            <LiveCampaign key={campaign.id} campaign={campaign} />
          ))}
        </CampaignSection>
        <CampaignSection heading={t('overview.campaigns.finished')} empty={t('overview.campaigns.noFinished')}>
          {finished.map((campaign) => (
            <FinishedCampaign key={campaign.id} campaign={campaign} />
          ))}
        </CampaignSection>
      </div>
    </Card>
  );
}
