import { Form, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { changePasswordSchema, newPasswordSchema } from '../../utils/credential-schemas';
import { useClientValidation } from '../../utils/forms';
import type { Message } from '../../utils/message';
import { PasswordChangeFields } from '../profile/password-change-fields';
import { FormError } from '../ui/alert';
import { Button } from '../ui/button';

export interface NewPasswordActionData {
  fieldErrors?: Partial<Record<'currentPassword' | 'newPassword' | 'confirmPassword', Message>>;
  formError?: Message;
}

/**
 * The sign-in pages' one form for choosing a new password: the forced change after sign-in (which asks for the
 * current password) and a reset link (where the link stands in for it). Same fields, hints for password managers,
 * validation in the browser and the same schema on the server, the form's error above it and one pending button.
 */
export function NewPasswordForm({
  email,
  askCurrent,
  actionData,
  submitLabel,
}: {
  email: string;
  /** The forced change proves who is asking with the current password; a reset link does without. */
  askCurrent: boolean;
  actionData?: NewPasswordActionData;
  submitLabel: string;
}) {
  const { t } = useTranslation();
  const navigation = useNavigation();
  const client = useClientValidation(askCurrent ? changePasswordSchema : newPasswordSchema);
  const fieldErrors = client.fieldErrors ?? actionData?.fieldErrors;
  return (
    <>
      <FormError message={actionData?.fieldErrors ? undefined : actionData?.formError} />
      <Form method="post" className="form" noValidate onSubmit={client.onSubmit}>
        <PasswordChangeFields
          email={email}
          errors={fieldErrors}
          autoFocus
          labels={{
            current: askCurrent ? t('signIn.changePassword.current') : undefined,
            new: t('signIn.changePassword.new'),
            newHint: t('signIn.changePassword.newHint'),
            confirm: t('signIn.changePassword.confirm'),
          }}
        />
        <Button block pending={navigation.state === 'submitting'}>
          {submitLabel}
        </Button>
      </Form>
    </>
  );
}
