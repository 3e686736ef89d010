import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { NewPasswordForm } from '../../components/auth/new-password-form';
import { FormError } from '../../components/ui/alert';
import { graphql } from '../../graphql';
import { requireSameOrigin } from '../../utils/csrf.server';
import { newPasswordSchema } from '../../utils/credential-schemas';
import { formFailureRenamed, gqlResult } from '../../utils/graphql.server';
import { parseForm } from '../../utils/forms';
import type { RouteHandle } from '../../utils/route-handle';
import { forgetLink, linkToken } from '../../utils/one-time-links.server';
import { destroySessionCookie } from '../../utils/session.server';

const PasswordResetPreviewQuery = graphql(`
  query PasswordResetPreview($token: String!) {
    passwordResetLink(token: $token) {
      email
      expiresAt
    }
  }
`);

const ResetPasswordMutation = graphql(`
  mutation ResetPassword($input: ResetPasswordInput!) {
    resetPassword(input: $input)
  }
`);

export const handle: RouteHandle = { titleKey: 'passwordReset.title' };

/** The page a password-reset link opens: a new password, then every session of the account ends. */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = linkToken(request, 'reset');
  if (!token) return { email: null, problem: { key: 'resetLinks.invalid' as const } };
  const preview = await gqlResult(request, PasswordResetPreviewQuery, { token });
  if (preview.error) return { email: null, problem: preview.error.message };
  return { email: preview.data.passwordResetLink.email, problem: null };
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const parsed = parseForm(newPasswordSchema, await request.formData());
  if (!parsed.ok) return { fieldErrors: parsed.fieldErrors };
  const result = await gqlResult(request, ResetPasswordMutation, {
    input: { token: linkToken(request, 'reset') ?? '', password: parsed.data.newPassword },
  });
  if (result.error) return formFailureRenamed(result.error, { password: 'newPassword' });
  // Every session of the account has ended, this browser's included if it had one.
  const headers = new Headers();
  headers.append('Set-Cookie', destroySessionCookie());
  headers.append('Set-Cookie', forgetLink('reset'));
  return redirect('/login?notice=passwordReset', { headers });
}

export default function PasswordResetPage() {
  const { email, problem } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();

  if (!email) {
    return (
      <>
        <h1 className="auth__title">{t('passwordReset.invalidTitle')}</h1>
        <FormError message={problem} />
        <p className="auth__footer">
          <Link to="/login">{t('invitation.toLogin')}</Link>
        </p>
      </>
    );
  }
  return (
    <>
      <h1 className="auth__title">{t('passwordReset.title')}</h1>
      <p className="auth__intro">{t('passwordReset.intro')}</p>
      <p className="auth__account">{t('passwordReset.account', { email })}</p>
      <NewPasswordForm
        email={email}
        askCurrent={false}
        actionData={actionData}
        submitLabel={t('passwordReset.submit')}
      />
    </>
  );
}
