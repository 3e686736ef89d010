import { Form } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { profileSchema } from './schemas';
import { useClientValidation } from '../../utils/forms';
import type { CurrentUser } from '../../utils/user';
import { FormError } from '../ui/alert';
import { Card } from '../ui/card';
import { Field, SelectField } from '../ui/field';
import { feedbackFor, type ProfileActionData } from './types';
import { Button } from '../ui/button';

export function DetailsCard({
  user,
  actionData,
}: {
  user: Pick<CurrentUser, 'email' | 'name' | 'language'>;
  actionData?: ProfileActionData;
}) {
  const { t } = useTranslation();
  const feedback = feedbackFor(actionData, 'updateProfile');
  const client = useClientValidation(profileSchema);
  const fieldErrors = client.fieldErrors ?? feedback?.fieldErrors;
  return (
    <Card title={t('profile.details.title')} icon="user">
      <FormError message={feedback?.fieldErrors ? undefined : feedback?.formError} />
      <Form method="post" className="form form--narrow" noValidate onSubmit={client.onSubmit}>
        <Field label={t('profile.details.email')} name="email" type="email" value={user.email} readOnly disabled />
        <Field
          label={t('profile.details.name')}
          name="name"
          autoComplete="name"
          defaultValue={user.name}
          maxLength={100}
          required
          error={fieldErrors?.name}
        />
        <SelectField
          label={t('profile.details.language')}
          hint={t('profile.details.languageHint')}
          name="language"
          defaultValue={user.language}
          error={fieldErrors?.language}
        >
          <option value="EN" lang="en">
            {t('shell.language.en.name')}
          </option>
          <option value="ID" lang="id">
            {t('shell.language.id.name')}
          </option>
        </SelectField>
        <div className="form__actions">
          <Button variant="primary" intent="updateProfile">
            {t('common.save')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
