import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../utils/format';
import type { Language } from '../../utils/language';
import { roleLabel } from '../../utils/permissions';
import { Alert, FormError } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Card } from '../ui/card';
import type { InvitationRow, MembersActionData } from './types';

/** Invitations not yet accepted: who, with which role, until when; revocable by whoever may manage members. */
export function InvitationsCard({
  invitations,
  canManage,
  actionData,
}: {
  invitations: InvitationRow[];
  canManage: boolean;
  actionData?: MembersActionData;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Language;
  return (
    <Card title={t('members.invitations.title')} icon="user" className="card--flush">
      {actionData ? (
        <div className="card__padded">
          {actionData.ok ? (
            <Alert tone="success">
              <p>{t('members.invitations.revoked')}</p>
            </Alert>
          ) : (
            <FormError message={actionData.formError} />
          )}
        </div>
      ) : null}
      {invitations.length === 0 ? (
        <p className="card__note card__padded">{t('members.invitations.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('members.invitations.email')}</th>
                <th scope="col">{t('members.invitations.role')}</th>
                <th scope="col">{t('members.invitations.status')}</th>
                <th scope="col">{t('members.invitations.expires')}</th>
                {canManage ? (
                  <th scope="col">
                    <span className="visually-hidden">{t('members.invitations.actions')}</span>
                  </th>
                ) : null}
              </tr>
            </thead>
            <tbody>
              {invitations.map((invitation) => (
                <tr key={invitation.id}>
                  <td>{invitation.email}</td>
                  <td>{roleLabel(t, invitation.role)}</td>
                  <td>
                    <Badge tone={invitation.status === 'PENDING' ? 'info' : 'neutral'}>
                      {t(`members.invitations.statuses.${invitation.status}`)}
                    </Badge>
                  </td>
                  <td>{formatDateTime(invitation.expiresAt, lng)}</td>
                  {canManage ? (
                    <td className="table__actions">
                      <Form method="post" action="/settings/members">
                        <input type="hidden" name="intent" value="revokeInvitation" />
                        <input type="hidden" name="invitationId" value={invitation.id} />
                        <button type="submit" className="button button--danger button--small">
                          {t('members.invitations.revoke')}
                        </button>
                      </Form>
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </Card>
  );
}
