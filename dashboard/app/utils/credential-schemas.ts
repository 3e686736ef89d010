import * as z from 'zod/mini';

// The API's rule (auth.passwordTooShort / passwordTooLong); checked here first so the reader learns it at once.
export const PASSWORD_MIN_LENGTH = 10;
export const PASSWORD_MAX_LENGTH = 128;

// Every password field has the API's one limit (a current password longer than any new one could be is refused too).
const required = z
  .string()
  .check(
    z.minLength(1, { error: 'validation.required' }),
    z.maxLength(PASSWORD_MAX_LENGTH, { error: 'validation.tooLong' }),
  );

const newPassword = z
  .string()
  .check(
    z.minLength(PASSWORD_MIN_LENGTH, { error: 'validation.tooShort' }),
    z.maxLength(PASSWORD_MAX_LENGTH, { error: 'validation.tooLong' }),
  );

const typedTwice = z.refine<{ newPassword: string; confirmPassword: string }>(
  (form) => form.newPassword === form.confirmPassword,
  {
    path: ['confirmPassword'],
    error: 'validation.passwordsDoNotMatch',
  },
);

/** A new password typed twice, without a current one: a reset link, an accepted invitation. */
export const newPasswordSchema = z.object({ newPassword, confirmPassword: z.string() }).check(typedTwice);

/** Current password, new password, and the new one typed again: the forced change and the profile form. */
export const changePasswordSchema = z
  .object({
    currentPassword: required,
    newPassword,
    confirmPassword: z.string(),
  })
  .check(
    typedTwice,
    z.refine((form) => form.currentPassword === '' || form.newPassword !== form.currentPassword, {
      path: ['newPassword'],
      error: 'validation.samePassword',
    }),
  );

/** A 6-digit TOTP code or a recovery code (`k7m2-9qxd`); spaces people type or paste are dropped. */
export const twoFactorCodeSchema = z.string().check(
  z.overwrite((value) => value.replace(/\s+/g, '')),
  z.minLength(1, { error: 'validation.required' }),
  z.regex(/^(\d{6}|[A-Za-z0-9]{4,12}(-[A-Za-z0-9]{4,12})*)$/, { error: 'validation.code' }),
);

/** Only a code from the app: turning two-factor on proves the app has the new secret. */
export const totpCodeSchema = z.string().check(
  z.overwrite((value) => value.replace(/\s+/g, '')),
  z.minLength(1, { error: 'validation.required' }),
  z.regex(/^\d{6}$/, { error: 'validation.totp' }),
);

export const requiredPasswordSchema = required;
