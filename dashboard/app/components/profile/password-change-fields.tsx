import { Field } from '../ui/field';
import { PASSWORD_MAX_LENGTH, PASSWORD_MIN_LENGTH } from '../../utils/credential-schemas';
import type { Message } from '../../utils/message';

export interface PasswordChangeLabels {
  /** Without it, no current-password field: a reset link or an invitation stands in for it. */
  current?: string;
  new: string;
  newHint: string;
  confirm: string;
}

/**
 * Current, new and confirmation password fields, with the hints password managers need.
 * Used by the forced change after sign-in, the profile page, reset links and invitations.
 */
export function PasswordChangeFields({
  email,
  labels,
  errors,
  autoFocus = false,
}: {
  email: string;
  labels: PasswordChangeLabels;
  errors?: Partial<Record<'currentPassword' | 'newPassword' | 'confirmPassword', Message>>;
  autoFocus?: boolean;
}) {
  return (
    <>
      <input type="hidden" name="username" autoComplete="username" value={email} />
      {labels.current ? (
        <Field
          label={labels.current}
          name="currentPassword"
          type="password"
          autoComplete="current-password"
          required
          autoFocus={autoFocus}
          error={errors?.currentPassword}
        />
      ) : null}
      <Field
        label={labels.new}
        hint={labels.newHint}
        name="newPassword"
        type="password"
        autoComplete="new-password"
        minLength={PASSWORD_MIN_LENGTH}
        maxLength={PASSWORD_MAX_LENGTH}
        required
        autoFocus={autoFocus && !labels.current}
        error={errors?.newPassword}
      />
      <Field
        label={labels.confirm}
        name="confirmPassword"
        type="password"
        autoComplete="new-password"
        required
        error={errors?.confirmPassword}
      />
    </>
  );
}
