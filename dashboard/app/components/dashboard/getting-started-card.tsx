import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../utils/format';
import { Badge } from '../ui/badge';
import { buttonClass } from '../ui/button';
import { Card } from '../ui/card';
import { Icon, type IconName } from '../ui/icon';

// The smallest top-up Midtrans orders accept (ARCHITECTURE.md, Top-up flow; the wallet refuses less).
const MINIMUM_TOPUP_RUPIAH = 50_000;

export const GETTING_STARTED_STEPS = ['channel', 'wallet', 'contacts', 'campaign'] as const;
export type GettingStartedStep = (typeof GETTING_STARTED_STEPS)[number];

const STEP_PAGES = {
  channel: { icon: 'logo', to: '/channels' },
  wallet: { icon: 'wallet', to: '/wallet' },
  contacts: { icon: 'contacts', to: '/contacts/import' },
  campaign: { icon: 'campaigns', to: '/campaigns/new' },
} as const satisfies Record<GettingStartedStep, { icon: IconName; to: string }>;

export interface GettingStartedProps {
  /** The steps the reader's role may take (the loader asks the permissions); the others belong to another role. */
  allowed: GettingStartedStep[];
  /** Steps the overview already knows are done (a balance or a payment; a campaign started). */
  done: GettingStartedStep[];
}

/** The road from a fresh install to a first broadcast: each step opens its page, or says it is done. */
export function GettingStartedCard({ allowed, done }: GettingStartedProps) {
  const { t } = useTranslation();
  return (
    <Card title={t('dashboard.gettingStarted.title')} icon="tool" className="card--wide">
      <p className="card__lead">{t('dashboard.gettingStarted.intro')}</p>
      <ol className="steps">
        {GETTING_STARTED_STEPS.map((step) => {
          const page = STEP_PAGES[step];
          const title = t(`dashboard.gettingStarted.${step}.title`);
          return (
            <li key={step} className="steps__item" data-testid={`getting-started-${step}`}>
              <span className="steps__icon">
                <Icon name={page.icon} size={18} />
              </span>
              <div className="steps__text">
                <h3 className="steps__title">{title}</h3>
                <p className="steps__description">
                  {t(`dashboard.gettingStarted.${step}.description`, { minimum: formatRupiah(MINIMUM_TOPUP_RUPIAH) })}
                </p>
              </div>
              {done.includes(step) ? (
                <Badge tone="success">{t('dashboard.gettingStarted.done')}</Badge>
              ) : allowed.includes(step) ? (
                <Link
                  to={page.to}
                  className={buttonClass({ variant: 'secondary' })}
                  aria-label={t('dashboard.gettingStarted.openStep', { step: title })}
                >
                  {t('dashboard.gettingStarted.open')}
                </Link>
              ) : (
                <Badge>{t('dashboard.gettingStarted.anotherRole')}</Badge>
              )}
            </li>
          );
        })}
      </ol>
    </Card>
  );
}
