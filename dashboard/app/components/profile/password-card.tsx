import { Form } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { changePasswordSchema } from '../../utils/credential-schemas';
import { useClientValidation } from '../../utils/forms';
import { Alert, FormError } from '../ui/alert';
import { Card } from '../ui/card';
import { PasswordChangeFields } from './password-change-fields';
import { feedbackFor, type ProfileActionData } from './types';

export function PasswordCard({ email, actionData }: { email: string; actionData?: ProfileActionData }) {
  const { t } = useTranslation();
  const feedback = feedbackFor(actionData, 'changePassword');
  const client = useClientValidation(changePasswordSchema);
  const fieldErrors = client.fieldErrors ?? feedback?.fieldErrors;
  const form = useRef<HTMLFormElement>(null);

  // Passwords do not linger in the form once the change went through.
  useEffect(() => {
    if (feedback?.ok) form.current?.reset();
  }, [feedback]);

  return (
    <Card title={t('profile.password.title')} icon="lock">
      {feedback?.ok ? (
        <Alert tone="success">
          <p>{t('profile.password.changed')}</p>
        </Alert>
      ) : (
        <FormError message={feedback?.fieldErrors ? undefined : feedback?.formError} />
      )}
      <Form method="post" className="form form--narrow" noValidate onSubmit={client.onSubmit} ref={form}>
        <input type="hidden" name="intent" value="changePassword" />
        <PasswordChangeFields
          email={email}
          errors={fieldErrors}
          labels={{
            current: t('profile.password.current'),
            new: t('profile.password.new'),
            newHint: t('profile.password.newHint'),
            confirm: t('profile.password.confirm'),
          }}
        />
        <div className="form__actions">
          <button type="submit" className="button button--primary">
            {t('profile.password.submit')}
          </button>
        </div>
      </Form>
    </Card>
  );
}
