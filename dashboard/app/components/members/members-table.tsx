import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { roleLabel } from '../../utils/permissions';
import type { SortState } from '../../utils/table-params';
import { useDateTime } from '../../utils/use-date-time';
import { FormError } from '../ui/alert';
import { Badge } from '../ui/badge';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { rowActionsColumn } from '../ui/row-actions';
import { Table, type Column } from '../ui/table';
import type { MemberRow, MembersActionData, RoleOption } from './types';

export function MembersTable({
  members,
  roles,
  canManage,
  currentUserId,
  sort,
  actionData,
}: {
  members: MemberRow[];
  roles: RoleOption[];
  canManage: boolean;
  currentUserId: string;
  sort: SortState;
  actionData?: MembersActionData;
}) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const columns: Column<MemberRow>[] = [
    {
      id: 'name',
      header: t('members.table.member'),
      sortable: true,
      cell: (member) => (
        <>
          <span className="table__primary">
            {member.user.name}
            {member.user.id === currentUserId ? <Badge tone="info">{t('common.you')}</Badge> : null}
          </span>
          <span className="table__secondary">{member.user.email}</span>
        </>
      ),
    },
    {
      id: 'role',
      header: t('members.table.role'),
      sortable: true,
      cell: (member) =>
        canManage ? (
          <Form method="post" action="/settings/members" className="inline-form">
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
            <Button variant="secondary" size="small" intent="changeRole">
              {t('members.changeRole')}
            </Button>
          </Form>
        ) : (
          roleLabel(t, member.role)
        ),
    },
    {
      id: 'twoFactor',
      header: t('members.table.twoFactor'),
      cell: (member) => (
        <Badge tone={member.user.twoFactorEnabled ? 'success' : 'neutral'}>
          {member.user.twoFactorEnabled ? t('common.on') : t('common.off')}
        </Badge>
      ),
    },
    {
      id: 'joined',
      header: t('members.table.joined'),
      sortable: true,
      className: 'table__nowrap',
      cell: (member) => dateTime(member.joinedAt),
    },
  ];
  if (canManage) {
    columns.push(
      rowActionsColumn(t('members.table.actions'), (member) =>
        // Leaving a workspace is not done from its members table.
        member.user.id === currentUserId
          ? []
          : [
              {
                kind: 'confirm',
                to: `?remove=${encodeURIComponent(member.id)}`,
                label: t('members.remove'),
                ariaLabel: t('members.removeLabel', { name: member.user.name }),
              },
            ],
      ),
    );
  }
  return (
    <Card title={t('members.table.caption')} icon="contacts" className="card--flush">
      {actionData && !actionData.ok ? (
        <div className="card__padded">
          <FormError message={actionData.formError} />
        </div>
      ) : null}
      <Table
        caption={t('members.table.caption')}
        columns={columns}
        rows={members}
        rowKey={(member) => member.id}
        sort={sort}
        empty={canManage ? t('members.table.empty') : t('members.table.emptyReadOnly')}
        testId="members"
      />
    </Card>
  );
}
