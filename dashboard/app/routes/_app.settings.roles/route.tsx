import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { InlineErrorBoundary } from '../../components/error-page';
import { DeleteRoleConfirmation } from '../../components/roles/delete-role-confirmation';
import { RoleMatrix } from '../../components/roles/role-matrix';
import { createRoleSchema, deleteRoleSchema, updateRoleSchema } from '../../components/roles/schemas';
import type { RolesActionData } from '../../components/roles/types';
import { Alert } from '../../components/ui/alert';
import { Card } from '../../components/ui/card';
import { can, requirePermission } from '../../utils/auth.server';
import { requireSameOrigin } from '../../utils/csrf.server';
import { refused } from '../../utils/action.server';
import { parseForm } from '../../utils/forms';
import { redirectWithToast } from '../../utils/toast.server';
import { errorResponse, gql, gqlForm } from '../../utils/graphql.server';
import { translateMessage } from '../../utils/message';
import { roleLabel } from '../../utils/permissions';
import type { RouteHandle } from '../../utils/route-handle';
import { CreateRoleMutation, DeleteRoleMutation, RolesPageQuery, UpdateRoleMutation } from './documents';

export const handle: RouteHandle = { titleKey: 'roles.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'MEMBERS_READ');
  const { roles } = await gql(request, RolesPageQuery);
  const canManage = can(user, 'ROLES_MANAGE');
  const deleteId = new URL(request.url).searchParams.get('delete');
  const confirmDelete =
    canManage && deleteId ? (roles.find((role) => role.id === deleteId && !role.builtIn) ?? null) : null;
  return { roles, canManage, confirmDelete };
}

const ROLES = '/settings/roles';

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  await requirePermission(request, 'ROLES_MANAGE');
  const form = await request.formData();
  switch (form.get('intent')) {
    case 'createRole': {
      const parsed = parseForm(createRoleSchema, form, ['permissions']);
      if (!parsed.ok) {
        return refused<RolesActionData>({
          intent: 'createRole',
          ok: false,
          roleId: 'new',
          fieldErrors: parsed.fieldErrors,
        });
      }
      const result = await gqlForm(request, CreateRoleMutation, { input: parsed.data });
      if (result.failure) {
        return refused<RolesActionData>(
          { intent: 'createRole', ok: false, roleId: 'new', ...result.failure },
          result.status,
        );
      }
      return redirectWithToast(ROLES, {
        type: 'success',
        key: 'roles.created',
        params: { name: result.data.createRole.name },
      });
    }
    case 'updateRole': {
      const parsed = parseForm(updateRoleSchema, form, ['permissions']);
      const roleId = typeof form.get('roleId') === 'string' ? String(form.get('roleId')) : undefined;
      if (!parsed.ok) {
        return refused<RolesActionData>({ intent: 'updateRole', ok: false, roleId, fieldErrors: parsed.fieldErrors });
      }
      const result = await gqlForm(request, UpdateRoleMutation, { input: parsed.data });
      if (result.failure) {
        return refused<RolesActionData>({ intent: 'updateRole', ok: false, roleId, ...result.failure }, result.status);
      }
      return redirectWithToast(ROLES, {
        type: 'success',
        key: 'roles.updated',
        params: { name: result.data.updateRole.name },
      });
    }
    case 'deleteRole': {
      const parsed = parseForm(deleteRoleSchema, form);
      if (!parsed.ok) {
        return refused<RolesActionData>({ intent: 'deleteRole', ok: false, formError: { key: 'validation.invalid' } });
      }
      const result = await gqlForm(request, DeleteRoleMutation, { roleId: parsed.data.roleId });
      if (result.failure) {
        return refused<RolesActionData>(
          { intent: 'deleteRole', ok: false, roleId: parsed.data.roleId, ...result.failure },
          result.status,
        );
      }
      return redirectWithToast(ROLES, { type: 'success', key: 'roles.deleted' });
    }
    default:
      throw errorResponse({ messageKey: 'errors.generic' }, 400);
  }
}

export default function RolesPage() {
  const { roles, canManage, confirmDelete } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const failedRole = actionData?.roleId ? roles.find((role) => role.id === actionData.roleId) : undefined;
  const failureText =
    actionData && !actionData.ok ? (actionData.formError ?? Object.values(actionData.fieldErrors ?? {})[0]) : undefined;

  return (
    <>
      <h1 className="page__title page__title--section">{t('roles.title')}</h1>
      <p className="page__lead page__lead--section">{t('roles.intro')}</p>
      <div className="stack">
        {confirmDelete ? <DeleteRoleConfirmation role={confirmDelete} /> : null}
        {failureText ? (
          <Alert tone="danger">
            <p>
              {t('roles.errorFor', {
                role: failedRole ? roleLabel(t, failedRole) : t('roles.matrix.newRole'),
                message: translateMessage(t, failureText),
              })}
            </p>
          </Alert>
        ) : null}
        {canManage ? null : (
          <Alert tone="info">
            <p>{t('roles.matrix.readOnly')}</p>
          </Alert>
        )}
        <Card title={t('roles.matrix.caption')} icon="shield" className="card--flush">
          <RoleMatrix roles={roles} canManage={canManage} actionData={actionData} />
        </Card>
      </div>
    </>
  );
}

export { InlineErrorBoundary as ErrorBoundary };
