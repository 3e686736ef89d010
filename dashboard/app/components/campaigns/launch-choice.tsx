import { Form } from '@remix-run/react';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { EstimateCampaignQuery } from '../../graphql/graphql';
import { intlLocales, type Language } from '../../utils/language';
import { Button } from '../ui/button';

type Estimate = EstimateCampaignQuery['estimateCampaign'];

/**
 * "Start now". When the messaging limit would spread the audience over more days than the portal waits
 * (`exceedsSpread`), two starts side by side instead, each saying what it does: today's share only (the recipients the
 * limit leaves in the current 24 hours; `startCampaign(todayOnly: true)`), or everyone over the days it takes.
 */
export function LaunchChoice({ estimate }: { estimate: Estimate | null }) {
  const { t, i18n } = useTranslation();
  const headingId = useId();
  const number = new Intl.NumberFormat(intlLocales[i18n.language as Language]);
  const share = estimate?.limitRemainingToday ?? 0;
  if (!estimate?.exceedsSpread || share <= 0) {
    return (
      <Form method="post">
        <Button intent="start" pendingLabel={t('campaigns.launch.starting')} data-testid="campaign-start">
          {t('campaigns.launch.start')}
        </Button>
      </Form>
    );
  }
  const rest = Math.max(0, estimate.recipients - share);
  return (
    <div className="launch-choice" role="group" aria-labelledby={headingId} data-testid="campaign-launch-choice">
      <h3 id={headingId} className="launch-choice__title">
        {t('campaigns.launch.choice.title', { count: estimate.days })}
      </h3>
      <p className="field__hint">{t('campaigns.launch.choice.intro', { count: estimate.days })}</p>
      <div className="launch-choice__options">
        <LaunchOption
          todayOnly
          title={t('campaigns.launch.choice.todayTitle')}
          body={t('campaigns.launch.choice.todayBody', {
            count: share,
            share: number.format(share),
            rest: number.format(rest),
          })}
          label={t('campaigns.launch.choice.startToday', { count: share, share: number.format(share) })}
          testId="campaign-start-today"
        />
        <LaunchOption
          todayOnly={false}
          title={t('campaigns.launch.choice.allTitle')}
          body={t('campaigns.launch.choice.allBody', {
            count: estimate.days,
            recipients: number.format(estimate.recipients),
          })}
          label={t('campaigns.launch.choice.startAll', { count: estimate.days })}
          testId="campaign-start"
        />
      </div>
    </div>
  );
}

function LaunchOption({
  todayOnly,
  title,
  body,
  label,
  testId,
}: {
  todayOnly: boolean;
  title: string;
  body: string;
  label: string;
  testId: string;
}) {
  const { t } = useTranslation();
  const bodyId = useId();
  return (
    <Form method="post" className="launch-choice__option">
      <input type="hidden" name="todayOnly" value={String(todayOnly)} />
      <p className="launch-choice__option-title">{title}</p>
      <p id={bodyId} className="launch-choice__option-body">
        {body}
      </p>
      <Button
        intent="start"
        variant={todayOnly ? 'primary' : 'secondary'}
        pendingLabel={t('campaigns.launch.starting')}
        aria-describedby={bodyId}
        data-testid={testId}
      >
        {label}
      </Button>
    </Form>
  );
}
