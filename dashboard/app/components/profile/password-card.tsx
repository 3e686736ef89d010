import { Form } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { changePasswordSchema, PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../utils/credential-schemas';
import { useClientValidation } from '../../utils/forms';
import { Alert, FormError } from '../ui/alert';
import { Card } from '../ui/card';
import { Field } from '../ui/field';
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
        <input type="hidden" name="username" autoComplete="username" value={email} />
        <Field
          label={t('profile.password.current')}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          error={fieldErrors?.currentPassword}
        />
        <Field
          label={t('profile.password.new')}
          hint={t('profile.password.newHint')}
          name="newPassword"
          type="password"
          autoComplete="new-password"
          minLength={PASSWORD_MIN_LENGTH}
          maxLength={PASSWORD_MAX_LENGTH}
          required
          error={fieldErrors?.newPassword}
        />
        <Field
          label={t('profile.password.confirm')}
          name="confirmPassword"
          type="password"
          autoComplete="new-password"
          required
          error={fieldErrors?.confirmPassword}
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
