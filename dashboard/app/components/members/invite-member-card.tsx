import { Form } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useClientValidation } from '../../utils/forms';
import { roleLabel } from '../../utils/permissions';
import { FormError } from '../ui/alert';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { Field, SelectField } from '../ui/field';
import { OneTimeLink } from './one-time-link';
import { inviteMemberSchema } from './schemas';
import type { MembersActionData, RoleOption } from './types';

/**
 * Invites an address with a role. The answer never says whether the address has an account: the inviter gets a
 * link to hand over, and the invitee accepts it (signed in, or by choosing a password).
 */
export function InviteMemberCard({ roles, actionData }: { roles: RoleOption[]; actionData?: MembersActionData }) {
  const { t } = useTranslation();
  const client = useClientValidation(inviteMemberSchema);
  const fieldErrors = client.fieldErrors ?? actionData?.fieldErrors;
  const form = useRef<HTMLFormElement>(null);
  const invited = actionData?.ok ? actionData.link : undefined;
  // New members usually start with little access; Viewer is the safe default when it exists.
  const defaultRole = roles.find((role) => role.key === 'viewer') ?? roles.at(-1);

  useEffect(() => {
    if (invited) form.current?.reset();
  }, [invited]);

  return (
    <Card title={t('members.invite.title')} icon="plus">
      {invited ? (
        <OneTimeLink
          testId="invitation-link"
          title={t('members.invite.created', { email: invited.email })}
          url={invited.url}
          hint={t('members.invite.linkHint')}
        />
      ) : (
        <FormError message={actionData?.fieldErrors ? undefined : actionData?.formError} />
      )}
      <p className="card__lead">{t('members.invite.intro')}</p>
      <Form
        method="post"
        action="/settings/members"
        className="form form--inline"
        noValidate
        onSubmit={client.onSubmit}
        ref={form}
      >
        <Field
          label={t('members.invite.email')}
          name="email"
          type="email"
          autoComplete="off"
          required
          error={fieldErrors?.email}
        />
        <SelectField
          label={t('members.invite.role')}
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
          <Button intent="inviteMember">{t('members.invite.submit')}</Button>
        </div>
      </Form>
    </Card>
  );
}
