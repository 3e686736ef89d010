import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { MySessionsQuery } from '../../graphql/graphql';
import { useDateTime } from '../../utils/use-date-time';
import { FormError } from '../ui/alert';
import { Badge } from '../ui/badge';
import { buttonClass } from '../ui/button';
import { Card } from '../ui/card';
import { ConfirmAction } from '../ui/confirm-action';
import { Table, type Column } from '../ui/table';
import { feedbackFor, type ProfileActionData } from './types';

type Session = MySessionsQuery['mySessions'][number];

export function SessionsCard({ sessions, actionData }: { sessions: Session[]; actionData?: ProfileActionData }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const feedback = feedbackFor(actionData, 'revokeSession');
  // This browser first, then the most recently active.
  const ordered = [...sessions].sort(
    (a, b) => Number(b.current) - Number(a.current) || b.lastSeenAt.localeCompare(a.lastSeenAt),
  );
  const deviceOf = (session: Session) => session.userAgent || t('profile.sessions.unknownDevice');
  const columns: Column<Session>[] = [
    {
      id: 'device',
      header: t('profile.sessions.device'),
      cell: (session) => (
        <>
          <span className="table__ua" title={deviceOf(session)}>
            {deviceOf(session)}
          </span>
          {session.current ? <Badge tone="success">{t('profile.sessions.current')}</Badge> : null}
        </>
      ),
    },
    { id: 'ip', header: t('profile.sessions.ip'), className: 'table__mono', cell: (session) => session.ip ?? '' },
    {
      id: 'createdAt',
      header: t('profile.sessions.createdAt'),
      className: 'table__nowrap',
      cell: (session) => dateTime(session.createdAt),
    },
    {
      id: 'lastSeen',
      header: t('profile.sessions.lastSeen'),
      className: 'table__nowrap',
      cell: (session) => dateTime(session.lastSeenAt),
    },
    {
      id: 'actions',
      header: t('profile.sessions.revoke'),
      headerHidden: true,
      className: 'table__actions',
      cell: (session) =>
        session.current ? null : (
          <Link
            to={`?revokeSession=${encodeURIComponent(session.id)}`}
            className={buttonClass({ variant: 'secondary', size: 'small' })}
            aria-label={t('profile.sessions.revokeLabel', { device: deviceOf(session) })}
          >
            {t('profile.sessions.revoke')}
          </Link>
        ),
    },
  ];
  return (
    <Card title={t('profile.sessions.title')} icon="activity" className="card--flush">
      <p className="card__lead card__lead--padded">{t('profile.sessions.intro')}</p>
      <div className="card__padded">
        <FormError message={feedback?.ok ? undefined : feedback?.formError} />
      </div>
      <Table
        caption={t('profile.sessions.title')}
        columns={columns}
        rows={ordered}
        rowKey={(session) => session.id}
        empty={t('profile.sessions.empty')}
        rowProps={(session) => (session.current ? { 'aria-current': 'true' } : {})}
        testId="sessions"
      />
    </Card>
  );
}

/** Asks before signing another device out (`?revokeSession=<id>`). */
export function RevokeSessionConfirmation({ session }: { session: Session }) {
  const { t } = useTranslation();
  const device = session.userAgent || t('profile.sessions.unknownDevice');
  return (
    <ConfirmAction
      title={t('profile.sessions.confirmRevoke.title', { device })}
      body={t('profile.sessions.confirmRevoke.body')}
      confirmLabel={t('profile.sessions.confirmRevoke.confirm')}
      action="/settings/profile"
      intent="revokeSession"
      fields={{ sessionId: session.id }}
    />
  );
}
