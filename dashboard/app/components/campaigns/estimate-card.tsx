import { useTranslation } from 'react-i18next';
import type { EstimateCampaignQuery } from '../../graphql/graphql';
import { formatRupiah } from '../../utils/format';
import { translateMessage, type Message } from '../../utils/message';
import { Alert } from '../ui/alert';
import { Card } from '../ui/card';

type Estimate = EstimateCampaignQuery['estimateCampaign'];

/** What a launch would send and cost now, against the available balance and the messaging limit. */
export function EstimateCard({ estimate, error }: { estimate: Estimate | null; error: Message | null }) {
  const { t, i18n } = useTranslation();
  const number = new Intl.NumberFormat(i18n.language === 'id' ? 'id-ID' : 'en-US');
  return (
    <Card title={t('campaigns.estimate.title')} icon="wallet">
      {error ? (
        <Alert tone="warning">
          <p>{translateMessage(t, error)}</p>
        </Alert>
      ) : !estimate ? (
        <p className="field__hint">{t('campaigns.estimate.needsTemplate')}</p>
      ) : (
        <div className="stack" data-testid="campaign-estimate">
          <dl className="campaign-figures">
            <Figure label={t('campaigns.estimate.recipients')} value={number.format(estimate.recipients)} strong />
            <Figure label={t('campaigns.estimate.matched')} value={number.format(estimate.matched)} />
            <Figure label={t('campaigns.estimate.suppressed')} value={number.format(estimate.suppressed)} />
            <Figure label={t('campaigns.estimate.invalid')} value={number.format(estimate.invalid)} />
            <Figure
              label={t('campaigns.estimate.cost')}
              value={formatRupiah(estimate.cost)}
              hint={t('campaigns.estimate.price', { price: formatRupiah(estimate.price) })}
              strong
            />
            <Figure label={t('campaigns.estimate.available')} value={formatRupiah(estimate.available)} />
            <Figure
              label={t('campaigns.estimate.limit')}
              value={
                estimate.messagingLimit == null
                  ? t('campaigns.estimate.limitUnknown')
                  : estimate.messagingLimit < 0
                    ? t('campaigns.estimate.unlimited')
                    : number.format(estimate.limitRemainingToday ?? estimate.messagingLimit)
              }
              hint={
                estimate.messagingLimit != null && estimate.messagingLimit >= 0
                  ? t('campaigns.estimate.limitOf', { limit: number.format(estimate.messagingLimit) })
                  : undefined
              }
            />
            <Figure
              label={t('campaigns.estimate.days')}
              value={t('campaigns.estimate.daysValue', { count: estimate.days })}
            />
          </dl>
          {estimate.shortfall > 0 ? (
            <Alert tone="danger">
              <p>{t('campaigns.estimate.shortfall', { amount: formatRupiah(estimate.shortfall) })}</p>
            </Alert>
          ) : null}
          {estimate.days > 1 ? (
            <Alert tone={estimate.exceedsSpread ? 'warning' : 'info'}>
              <p>
                {estimate.exceedsSpread
                  ? t('campaigns.estimate.exceedsSpread', { count: estimate.days })
                  : t('campaigns.estimate.spread', { count: estimate.days })}
              </p>
            </Alert>
          ) : null}
        </div>
      )}
    </Card>
  );
}

function Figure({ label, value, hint, strong }: { label: string; value: string; hint?: string; strong?: boolean }) {
  return (
    <div className={strong ? 'campaign-figure campaign-figure--strong' : 'campaign-figure'}>
      <dt className="campaign-figure__label">{label}</dt>
      <dd className="campaign-figure__value">{value}</dd>
      {hint ? <dd className="campaign-figure__hint">{hint}</dd> : null}
    </div>
  );
}
