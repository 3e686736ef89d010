import { Form, Link } from '@remix-run/react';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { Permission } from '../../graphql/graphql';
import { parseForm, type FieldErrors } from '../../utils/forms';
import { translateMessage } from '../../utils/message';
import { permissionAreas, roleLabel } from '../../utils/permissions';
import { Badge } from '../ui/badge';
import { Icon } from '../ui/icon';
import { createRoleSchema, updateRoleSchema } from './schemas';
import type { RoleColumn, RolesActionData } from './types';
import { Button, buttonClass } from '../ui/button';

const NEW = 'new';
const formId = (roleId: string) => `role-form-${roleId}`;

/**
 * Permissions (rows, grouped by area) x roles (columns). Built-in roles are shown read-only; each custom role's
 * column is one form (its inputs join it through the `form` attribute), and the last column creates a role.
 */
export function RoleMatrix({
  roles,
  canManage,
  actionData,
}: {
  roles: RoleColumn[];
  canManage: boolean;
  actionData?: RolesActionData;
}) {
  const { t } = useTranslation();
  const [clientErrors, setClientErrors] = useState<Record<string, FieldErrors>>({});
  // After a role is created the "new role" column starts empty again.
  const newColumnKey = `${NEW}-${roles.length}`;
  const errorsOf = (roleId: string): FieldErrors | undefined =>
    clientErrors[roleId] ??
    (actionData && !actionData.ok && actionData.roleId === roleId ? actionData.fieldErrors : undefined);

  const validate = (roleId: string) => (event: FormEvent<HTMLFormElement>) => {
    const formData = new FormData(event.currentTarget, (event.nativeEvent as SubmitEvent).submitter);
    const result = parseForm(roleId === NEW ? createRoleSchema : updateRoleSchema, formData, ['permissions']);
    setClientErrors((current) => {
      const next = { ...current };
      delete next[roleId];
      return result.ok ? next : { ...next, [roleId]: result.fieldErrors };
    });
    if (!result.ok) event.preventDefault();
  };

  const permissionLabel = (permission: Permission) => t(`permissions.${permission}`);
  const columns = 1 + roles.length + (canManage ? 1 : 0);

  return (
    // The matrix is wider than a phone: it scrolls inside its region (see .table-scroll), never the page.
    <div className="table-scroll" role="region" aria-label={t('roles.matrix.caption')} tabIndex={0}>
      <table className="matrix" data-testid="role-matrix">
        <caption className="visually-hidden">{t('roles.matrix.caption')}</caption>
        <thead>
          <tr>
            <th scope="col" className="matrix__corner">
              {t('roles.matrix.permission')}
            </th>
            {roles.map((role) => (
              <th scope="col" key={role.id} className="matrix__role">
                {role.builtIn || !canManage ? (
                  <span className="matrix__role-name">{roleLabel(t, role)}</span>
                ) : (
                  <NameInput
                    form={formId(role.id)}
                    defaultValue={role.name}
                    label={t('roles.matrix.roleName')}
                    errors={errorsOf(role.id)}
                  />
                )}
                <span className="matrix__role-meta">
                  {role.builtIn ? <Badge>{t('roles.builtInBadge')}</Badge> : null}
                  <span>{t('roles.memberCount', { count: role.memberCount })}</span>
                </span>
              </th>
            ))}
            {canManage ? (
              <th scope="col" className="matrix__role matrix__role--new">
                <NameInput
                  key={newColumnKey}
                  form={formId(NEW)}
                  label={t('roles.matrix.newRoleName')}
                  placeholder={t('roles.matrix.newRole')}
                  errors={errorsOf(NEW)}
                />
              </th>
            ) : null}
          </tr>
        </thead>
        {permissionAreas.map((area) => (
          <tbody key={area.id}>
            <tr className="matrix__area">
              <th scope="colgroup" colSpan={columns}>
                {t(`permissions.areas.${area.id}`)}
              </th>
            </tr>
            {area.permissions.map((permission) => (
              <tr key={permission}>
                <th scope="row" className="matrix__permission">
                  {permissionLabel(permission)}
                  <code className="matrix__code">{permission}</code>
                </th>
                {roles.map((role) => (
                  <td key={`${role.id}-${role.permissions.join()}`} className="matrix__cell">
                    {role.builtIn || !canManage ? (
                      <ReadOnlyGrant granted={role.permissions.includes(permission)} />
                    ) : (
                      <input
                        type="checkbox"
                        name="permissions"
                        value={permission}
                        form={formId(role.id)}
                        defaultChecked={role.permissions.includes(permission)}
                        aria-label={t('roles.matrix.grant', {
                          role: roleLabel(t, role),
                          permission: permissionLabel(permission),
                        })}
                      />
                    )}
                  </td>
                ))}
                {canManage ? (
                  <td key={newColumnKey} className="matrix__cell matrix__cell--new">
                    <input
                      type="checkbox"
                      name="permissions"
                      value={permission}
                      form={formId(NEW)}
                      aria-label={t('roles.matrix.grant', {
                        role: t('roles.matrix.newRole'),
                        permission: permissionLabel(permission),
                      })}
                    />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        ))}
        {canManage ? (
          <tfoot>
            <tr>
              <td />
              {roles.map((role) => (
                <td key={role.id} className="matrix__actions">
                  {role.builtIn ? null : (
                    <Form
                      id={formId(role.id)}
                      method="post"
                      action="/settings/roles"
                      noValidate
                      onSubmit={validate(role.id)}
                      className="matrix__form"
                    >
                      <input type="hidden" name="roleId" value={role.id} />
                      <Button variant="primary" size="small" intent="updateRole">
                        {t('roles.matrix.save')}
                      </Button>
                      <Link
                        to={`?delete=${encodeURIComponent(role.id)}`}
                        className={buttonClass({ variant: 'ghost-danger', size: 'small' })}
                        preventScrollReset
                      >
                        {t('roles.matrix.delete')}
                      </Link>
                    </Form>
                  )}
                </td>
              ))}
              <td className="matrix__actions">
                <Form
                  id={formId(NEW)}
                  method="post"
                  action="/settings/roles"
                  noValidate
                  onSubmit={validate(NEW)}
                  className="matrix__form"
                >
                  <Button variant="primary" size="small" intent="createRole">
                    {t('roles.matrix.create')}
                  </Button>
                </Form>
              </td>
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

/** A fixed grant: a check mark or a dash, with words for screen readers (the headers give the context). */
function ReadOnlyGrant({ granted }: { granted: boolean }) {
  const { t } = useTranslation();
  return granted ? (
    <span className="matrix__granted">
      <Icon name="check" size={14} />
      <span className="visually-hidden">{t('roles.matrix.granted')}</span>
    </span>
  ) : (
    <span className="matrix__denied">
      <span className="visually-hidden">{t('roles.matrix.notGranted')}</span>
    </span>
  );
}

function NameInput({
  form,
  label,
  defaultValue,
  placeholder,
  errors,
}: {
  form: string;
  label: string;
  defaultValue?: string;
  placeholder?: string;
  errors?: FieldErrors;
}) {
  const { t } = useTranslation();
  const error = errors?.name;
  const errorId = `${form}-name-error`;
  return (
    <>
      <input
        name="name"
        form={form}
        className="input input--compact matrix__name"
        defaultValue={defaultValue}
        placeholder={placeholder}
        aria-label={label}
        maxLength={60}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? errorId : undefined}
      />
      {error ? (
        <span id={errorId} className="field__error">
          {translateMessage(t, error)}
        </span>
      ) : null}
    </>
  );
}
