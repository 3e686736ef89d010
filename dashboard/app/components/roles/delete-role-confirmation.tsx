import { Form, Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { RoleColumn } from './types';

export function DeleteRoleConfirmation({ role }: { role: RoleColumn }) {
  const { t } = useTranslation();
  return (
    <section className="confirm" aria-labelledby="confirm-delete-title" aria-describedby="confirm-delete-body">
      <h2 className="confirm__title" id="confirm-delete-title">
        {t('roles.confirmDelete.title', { name: role.name })}
      </h2>
      <p id="confirm-delete-body">{t('roles.confirmDelete.body')}</p>
      <Form method="post" action="/settings/roles" className="confirm__actions">
        <input type="hidden" name="intent" value="deleteRole" />
        <input type="hidden" name="roleId" value={role.id} />
        <button type="submit" className="button button--danger">
          {t('roles.confirmDelete.confirm')}
        </button>
        <Link to="/settings/roles" className="button button--secondary">
          {t('common.cancel')}
        </Link>
      </Form>
    </section>
  );
}
