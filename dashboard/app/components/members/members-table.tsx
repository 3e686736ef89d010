import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../utils/format';
import type { Language } from '../../utils/language';
import { roleLabel } from '../../utils/permissions';
import { Alert, FormError } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Card } from '../ui/card';
import type { MemberRow, MembersActionData, RoleOption } from './types';

export function MembersTable({
  members,
  roles,
  canManage,
  currentUserId,
  actionData,
}: {
  members: MemberRow[];
  roles: RoleOption[];
  canManage: boolean;
  currentUserId: string;
  actionData?: MembersActionData;
}) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Language;
  return (
    <Card title={t('members.table.caption')} icon="contacts" className="card--flush">
      {actionData ? (
        <div className="card__padded">
          {actionData.ok ? (
            <Alert tone="success">
              <p>
                {actionData.intent === 'changeRole'
                  ? t('members.roleChanged', { name: actionData.name ?? '' })
                  : t('members.removed')}
              </p>
            </Alert>
          ) : (
            <FormError message={actionData.formError} />
          )}
        </div>
      ) : null}
      <div className="table-wrap">
        <table className="table" data-testid="members">
          <thead>
            <tr>
              <th scope="col">{t('members.table.member')}</th>
              <th scope="col">{t('members.table.role')}</th>
              <th scope="col">{t('members.table.twoFactor')}</th>
              <th scope="col">{t('members.table.joined')}</th>
              {canManage ? (
                <th scope="col">
                  <span className="visually-hidden">{t('members.table.actions')}</span>
                </th>
              ) : null}
            </tr>
          </thead>
          <tbody>
            {members.map((member) => (
              <tr key={member.id}>
                <td>
                  <span className="table__primary">
                    {member.user.name}
                    {member.user.id === currentUserId ? <Badge tone="info">{t('common.you')}</Badge> : null}
                  </span>
                  <span className="table__secondary">{member.user.email}</span>
                </td>
                <td>
                  {canManage ? (
                    <Form method="post" action="/settings/members" className="inline-form">
                      <input type="hidden" name="intent" value="changeRole" />
                      <input type="hidden" name="memberId" value={member.id} />
                      <select
                        name="roleId"
                        className="input input--select input--compact"
                        defaultValue={member.role.id}
                        aria-label={t('members.roleOf', { name: member.user.name })}
                      >
                        {roles.map((role) => (
                          <option key={role.id} value={role.id}>
                            {roleLabel(t, role)}
                          </option>
                        ))}
                      </select>
                      <button type="submit" className="button button--secondary button--small">
                        {t('members.changeRole')}
                      </button>
                    </Form>
                  ) : (
                    roleLabel(t, member.role)
                  )}
                </td>
                <td>
                  <Badge tone={member.user.twoFactorEnabled ? 'success' : 'neutral'}>
                    {member.user.twoFactorEnabled ? t('common.on') : t('common.off')}
                  </Badge>
                </td>
                <td className="table__nowrap">{formatDateTime(member.joinedAt, lng)}</td>
                {canManage ? (
                  <td className="table__actions">
                    {member.user.id === currentUserId ? null : (
                      <Link
                        to={`?remove=${encodeURIComponent(member.id)}`}
                        className="button button--ghost-danger button--small"
                        aria-label={t('members.removeLabel', { name: member.user.name })}
                      >
                        {t('members.remove')}
                      </Link>
                    )}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </Card>
  );
}
