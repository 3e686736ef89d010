import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../ui/alert';
import { Button } from '../ui/button';
import { Card } from '../ui/card';
import { SelectField } from '../ui/field';
import { OneTimeLink } from './one-time-link';
import type { MemberRow, MembersActionData } from './types';

/**
 * An Owner helps a member who lost their password back in, without e-mail: a one-time link (24 hours) that
 * sets a new password and signs the account out everywhere. The API refuses accounts that also belong to
 * workspaces this Owner does not own.
 */
export function ResetLinkCard({
  members,
  currentUserId,
  actionData,
}: {
  members: MemberRow[];
  currentUserId: string;
  actionData?: MembersActionData;
}) {
  const { t } = useTranslation();
  const others = members.filter((member) => member.user.id !== currentUserId);
  if (others.length === 0) return null;
  const issued = actionData?.ok ? actionData.link : undefined;
  return (
    <Card title={t('members.resetLink.title')} icon="key">
      {issued ? (
        <OneTimeLink
          testId="reset-link"
          title={t('members.resetLink.created', { email: issued.email })}
          url={issued.url}
          hint={t('members.resetLink.linkHint')}
        />
      ) : (
        <FormError message={actionData?.formError} />
      )}
      <p className="card__lead">{t('members.resetLink.intro')}</p>
      <Form method="post" action="/settings/members" className="form form--inline">
        <SelectField label={t('members.resetLink.member')} name="memberId">
          {others.map((member) => (
            <option key={member.id} value={member.id}>
              {member.user.name} ({member.user.email})
            </option>
          ))}
        </SelectField>
        <div className="form__actions">
          <Button variant="secondary" intent="issueResetLink">
            {t('members.resetLink.submit')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
