import { Form } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useClientValidation } from '../../utils/forms';
import { roleLabel } from '../../utils/permissions';
import { Alert, FormError } from '../ui/alert';
import { Card } from '../ui/card';
import { CopyButton } from '../ui/copy-button';
import { Field, SelectField } from '../ui/field';
import { addMemberSchema } from './schemas';
import type { MembersActionData, RoleOption } from './types';

export function AddMemberCard({ roles, actionData }: { roles: RoleOption[]; actionData?: MembersActionData }) {
  const { t } = useTranslation();
  const client = useClientValidation(addMemberSchema);
  const fieldErrors = client.fieldErrors ?? actionData?.fieldErrors;
  const form = useRef<HTMLFormElement>(null);
  const added = actionData?.ok ? actionData.added : undefined;
  // New members usually start with little access; Viewer is the safe default when it exists.
  const defaultRole = roles.find((role) => role.key === 'viewer') ?? roles.at(-1);

  useEffect(() => {
    if (added) form.current?.reset();
  }, [added]);

  return (
    <Card title={t('members.add.title')} icon="plus">
      {added ? (
        <Alert tone="success">
          <p>{t('members.add.added', { name: added.name })}</p>
          {added.temporaryPassword ? (
            <div className="once">
              <p className="once__label">{t('members.add.temporaryPassword', { email: added.email })}</p>
              <div className="secret">
                <code className="secret__value" data-testid="temporary-password">
                  {added.temporaryPassword}
                </code>
                <CopyButton value={added.temporaryPassword} />
              </div>
              <p className="field__hint">{t('members.add.temporaryPasswordHint')}</p>
            </div>
          ) : null}
        </Alert>
      ) : (
        <FormError message={actionData?.fieldErrors ? undefined : actionData?.formError} />
      )}
      <p className="card__lead">{t('members.add.intro')}</p>
      <Form
        method="post"
        action="/settings/members"
        className="form form--inline"
        noValidate
        onSubmit={client.onSubmit}
        ref={form}
      >
        <input type="hidden" name="intent" value="addMember" />
        <Field
          label={t('members.add.email')}
          name="email"
          type="email"
          autoComplete="off"
          required
          error={fieldErrors?.email}
        />
        <Field label={t('members.add.name')} name="name" autoComplete="off" required error={fieldErrors?.name} />
        <SelectField
          label={t('members.add.role')}
          name="roleId"
          defaultValue={defaultRole?.id}
          error={fieldErrors?.roleId}
        >
          {roles.map((role) => (
            <option key={role.id} value={role.id}>
              {roleLabel(t, role)}
            </option>
          ))}
        </SelectField>
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            {t('members.add.submit')}
          </button>
        </div>
      </Form>
    </Card>
  );
}
