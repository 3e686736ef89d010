import { useTranslation } from 'react-i18next';
import { useDateTime } from '../../utils/use-date-time';
import { Badge } from '../ui/badge';
import { Card } from '../ui/card';

export interface SystemInfo {
  version: string;
  time: string;
}

/** The API's version and clock, or a calm note that the API is unreachable (the page itself still works). */
export function SystemCard({ system }: { system: SystemInfo | null }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
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
              <time dateTime={system.time}>{dateTime(system.time)}</time>
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
