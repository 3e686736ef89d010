import { Form } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { changePasswordSchema } from '../../utils/credential-schemas';
import { useClientValidation } from '../../utils/forms';
import { FormError } from '../ui/alert';
import { Card } from '../ui/card';
import { PasswordChangeFields } from './password-change-fields';
import { feedbackFor, type ProfileActionData } from './types';
import { Button, useIsPending } from '../ui/button';

export function PasswordCard({ email, actionData }: { email: string; actionData?: ProfileActionData }) {
  const { t } = useTranslation();
  const feedback = feedbackFor(actionData, 'changePassword');
  const client = useClientValidation(changePasswordSchema);
  const fieldErrors = client.fieldErrors ?? feedback?.fieldErrors;
  const form = useRef<HTMLFormElement>(null);
  const pending = useIsPending({ intent: 'changePassword' });
  const wasPending = useRef(false);

  // Passwords do not linger in the form once the change went through: success redirects back here (with a
  // toast), which keeps this component mounted, so the end of a submission that left no error clears the form.
  useEffect(() => {
    if (wasPending.current && !pending && !feedback) form.current?.reset();
    wasPending.current = pending;
  }, [pending, feedback]);

  return (
    <Card title={t('profile.password.title')} icon="lock">
      <FormError message={feedback?.fieldErrors ? undefined : feedback?.formError} />
      <Form method="post" className="form form--narrow" noValidate onSubmit={client.onSubmit} ref={form}>
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
          <Button variant="primary" intent="changePassword">
            {t('profile.password.submit')}
          </Button>
        </div>
      </Form>
    </Card>
  );
}
