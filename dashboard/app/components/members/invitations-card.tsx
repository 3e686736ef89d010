import { useTranslation } from 'react-i18next';
import { roleLabel } from '../../utils/permissions';
import { useDateTime } from '../../utils/use-date-time';
import { FormError } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Card } from '../ui/card';
import { rowActionsColumn } from '../ui/row-actions';
import { Table, type Column } from '../ui/table';
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
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const columns: Column<InvitationRow>[] = [
    { id: 'email', header: t('members.invitations.email'), cell: (invitation) => invitation.email },
    { id: 'role', header: t('members.invitations.role'), cell: (invitation) => roleLabel(t, invitation.role) },
    {
      id: 'status',
      header: t('members.invitations.status'),
      cell: (invitation) => (
        <Badge tone={invitation.status === 'PENDING' ? 'info' : 'neutral'}>
          {t(`members.invitations.statuses.${invitation.status}`)}
        </Badge>
      ),
    },
    {
      id: 'expires',
      header: t('members.invitations.expires'),
      className: 'table__nowrap',
      cell: (invitation) => dateTime(invitation.expiresAt),
    },
  ];
  if (canManage) {
    columns.push(
      rowActionsColumn(t('members.invitations.actions'), (invitation) => [
        {
          kind: 'confirm',
          to: `?revokeInvitation=${encodeURIComponent(invitation.id)}`,
          label: t('members.invitations.revoke'),
          ariaLabel: t('members.invitations.revokeLabel', { email: invitation.email }),
        },
      ]),
    );
  }
  return (
    <Card title={t('members.invitations.title')} icon="user" className="card--flush">
      {actionData && !actionData.ok ? (
        <div className="card__padded">
          <FormError message={actionData.formError} />
        </div>
      ) : null}
      <Table
        caption={t('members.invitations.title')}
        columns={columns}
        rows={invitations}
        rowKey={(invitation) => invitation.id}
        empty={t('members.invitations.empty')}
        testId="invitations"
      />
    </Card>
  );
}
