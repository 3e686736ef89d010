import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../utils/format';
import type { Language } from '../../utils/language';
import { Badge } from '../ui/badge';
import { Card } from '../ui/card';

export interface SystemInfo {
  version: string;
  time: string;
}

/** The API's version and clock, or a calm note that the API is unreachable (the page itself still works). */
export function SystemCard({ system }: { system: SystemInfo | null }) {
  const { t, i18n } = useTranslation();
  const online = system !== null;
  return (
    <Card
      title={t('dashboard.system.title')}
      icon="activity"
      action={
        <Badge tone={online ? 'success' : 'danger'}>
          {online ? t('dashboard.system.online') : t('dashboard.system.offline')}
        </Badge>
      }
    >
      {system ? (
        <dl className="facts">
          <div className="facts__row">
            <dt>{t('dashboard.system.version')}</dt>
            <dd className="facts__value--mono" data-testid="api-version">
              {system.version}
            </dd>
          </div>
          <div className="facts__row">
            <dt>{t('dashboard.system.serverTime')}</dt>
            <dd>
              <time dateTime={system.time}>{formatDateTime(system.time, i18n.language as Language)}</time>
            </dd>
          </div>
        </dl>
      ) : (
        <p className="card__note" role="status">
          {t('dashboard.system.unavailable')}
        </p>
      )}
    </Card>
  );
}
