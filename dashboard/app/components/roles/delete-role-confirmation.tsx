import { useTranslation } from 'react-i18next';
import { ConfirmAction } from '../ui/confirm-action';
import type { RoleColumn } from './types';

export function DeleteRoleConfirmation({ role }: { role: RoleColumn }) {
  const { t } = useTranslation();
  return (
    <ConfirmAction
      title={t('roles.confirmDelete.title', { name: role.name })}
      body={t('roles.confirmDelete.body')}
      confirmLabel={t('roles.confirmDelete.confirm')}
      action="/settings/roles"
      intent="deleteRole"
      fields={{ roleId: role.id }}
    />
  );
}
