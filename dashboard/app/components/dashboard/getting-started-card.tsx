import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../utils/format';
import { Badge } from '../ui/badge';
import { Card } from '../ui/card';
import { Icon, type IconName } from '../ui/icon';

// The smallest top-up Midtrans orders accept (ARCHITECTURE.md, Top-up flow); the wallet issue will read it from the API.
const MINIMUM_TOPUP_RUPIAH = 50_000;

const steps = [
  { id: 'channel', icon: 'logo' },
  { id: 'wallet', icon: 'wallet' },
  { id: 'contacts', icon: 'contacts' },
  { id: 'campaign', icon: 'campaigns' },
] as const satisfies readonly { id: string; icon: IconName }[];

/** The road from a fresh install to a first broadcast; every step is marked as upcoming until its issue lands. */
export function GettingStartedCard() {
  const { t } = useTranslation();
  return (
    <Card title={t('dashboard.gettingStarted.title')} icon="tool" className="card--wide">
      <p className="card__lead">{t('dashboard.gettingStarted.intro')}</p>
      <ol className="steps">
        {steps.map((step) => (
          <li key={step.id} className="steps__item">
            <span className="steps__icon">
              <Icon name={step.icon} size={18} />
            </span>
            <div className="steps__text">
              <h3 className="steps__title">{t(`dashboard.gettingStarted.${step.id}.title`)}</h3>
              <p className="steps__description">
                {t(`dashboard.gettingStarted.${step.id}.description`, {
                  minimum: formatRupiah(MINIMUM_TOPUP_RUPIAH),
                })}
              </p>
            </div>
            <Badge>{t('common.comingSoon')}</Badge>
          </li>
        ))}
      </ol>
    </Card>
  );
}
