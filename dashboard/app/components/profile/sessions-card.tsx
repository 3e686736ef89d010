import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { MySessionsQuery } from '../../graphql/graphql';
import { useDateTime } from '../../utils/use-date-time';
import { FormError } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
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
          <Form method="post">
            <input type="hidden" name="sessionId" value={session.id} />
            <Button
              variant="secondary"
              size="small"
              intent="revokeSession"
              aria-label={t('profile.sessions.revokeLabel', { device: deviceOf(session) })}
            >
              {t('profile.sessions.revoke')}
            </Button>
          </Form>
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
