import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { TranslationKey } from '../../i18n';
import { Badge } from '../ui/badge';
import { Icon, type IconName } from '../ui/icon';

/** The page behind a navigation item whose feature has not landed yet; its issue replaces the route. */
export function ComingSoonPage({ titleKey, icon }: { titleKey: TranslationKey; icon: IconName }) {
  const { t } = useTranslation();
  return (
    <div className="page">
      <header className="page__header">
        <h1 className="page__title">{t(titleKey)}</h1>
      </header>
      <div className="empty-state">
        <span className="empty-state__icon">
          <Icon name={icon} size={28} />
        </span>
        <Badge tone="info">{t('common.comingSoon')}</Badge>
        <p className="empty-state__text">{t('comingSoon.description')}</p>
        <Link to="/dashboard" className="button button--secondary">
          <Icon name="arrowLeft" size={16} />
          {t('comingSoon.back')}
        </Link>
      </div>
    </div>
  );
}
