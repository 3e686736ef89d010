import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { MySessionsQuery } from '../../graphql/graphql';
import { formatDateTime } from '../../utils/format';
import type { Language } from '../../utils/language';
import { Alert, FormError } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Card } from '../ui/card';
import { feedbackFor, type ProfileActionData } from './types';

type Session = MySessionsQuery['mySessions'][number];

export function SessionsCard({ sessions, actionData }: { sessions: Session[]; actionData?: ProfileActionData }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Language;
  const feedback = feedbackFor(actionData, 'revokeSession');
  // This browser first, then the most recently active.
  const ordered = [...sessions].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt),
  );
  return (
    <Card title={t('profile.sessions.title')} icon="activity" className="card--flush">
      <p className="card__lead card__lead--padded">{t('profile.sessions.intro')}</p>
      <div className="card__padded">
        {feedback?.ok ? (
          <Alert tone="success">
            <p>{t('profile.sessions.revoked')}</p>
          </Alert>
        ) : (
          <FormError message={feedback?.formError} />
        )}
      </div>
      <div className="table-wrap">
        <table className="table" data-testid="sessions">
          <thead>
            <tr>
              <th scope="col">{t('profile.sessions.device')}</th>
              <th scope="col">{t('profile.sessions.ip')}</th>
              <th scope="col">{t('profile.sessions.createdAt')}</th>
              <th scope="col">{t('profile.sessions.lastSeen')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('profile.sessions.revoke')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {ordered.map((session) => {
              const device = session.userAgent || t('profile.sessions.unknownDevice');
              return (
                <tr key={session.id} aria-current={session.current ? 'true' : undefined}>
                  <td>
                    <span className="table__ua" title={device}>
                      {device}
                    </span>
                    {session.current ? <Badge tone="success">{t('profile.sessions.current')}</Badge> : null}
                  </td>
                  <td className="table__mono">{session.ip ?? ''}</td>
                  <td className="table__nowrap">{formatDateTime(session.createdAt, lng)}</td>
                  <td className="table__nowrap">{formatDateTime(session.lastSeenAt, lng)}</td>
                  <td className="table__actions">
                    {session.current ? null : (
                      <Form method="post">
                        <input type="hidden" name="intent" value="revokeSession" />
                        <input type="hidden" name="sessionId" value={session.id} />
                        <button
                          type="submit"
                          className="button button--secondary button--small"
                          aria-label={t('profile.sessions.revokeLabel', { device })}
                        >
                          {t('profile.sessions.revoke')}
                        </button>
                      </Form>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
