import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { NewPasswordForm } from '../../components/auth/new-password-form';
import { graphql } from '../../graphql';
import { reconcileLanguage, requireUser } from '../../utils/auth.server';
import { requireSameOrigin } from '../../utils/csrf.server';
import { parseForm } from '../../utils/forms';
import { gqlForm } from '../../utils/graphql.server';
import { changePasswordSchema } from '../../utils/credential-schemas';
import type { RouteHandle } from '../../utils/route-handle';
import { getSessionToken } from '../../utils/session.server';

const ForcedChangePasswordMutation = graphql(`
  mutation ForcedChangePassword($input: ChangePasswordInput!) {
    changePassword(input: $input)
  }
`);

export const handle: RouteHandle = { titleKey: 'signIn.changePassword.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request, { allowPasswordChange: true });
  // Nothing forced: the profile page is where a password is changed by choice.
  if (!user.mustChangePassword) throw redirect('/settings/profile');
  return { email: user.email };
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const user = await requireUser(request, { allowPasswordChange: true });
  const parsed = parseForm(changePasswordSchema, await request.formData());
  if (!parsed.ok) return { fieldErrors: parsed.fieldErrors };
  const { currentPassword, newPassword } = parsed.data;
  const result = await gqlForm(request, ForcedChangePasswordMutation, { input: { currentPassword, newPassword } });
  if (result.failure) return result.failure;
  // Now that the API accepts more than the change, a language chosen in this browser becomes the account's.
  const token = getSessionToken(request);
  const cookie = token ? await reconcileLanguage(request, token, { ...user, mustChangePassword: false }) : undefined;
  return redirect('/dashboard', cookie ? { headers: { 'Set-Cookie': cookie } } : undefined);
}

export default function ChangePasswordPage() {
  const { email } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();

  return (
    <>
      <h1 className="auth__title">{t('signIn.changePassword.title')}</h1>
      <p className="auth__intro">{t('signIn.changePassword.intro')}</p>
      <p className="auth__account">{t('signIn.changePassword.account', { email })}</p>
      <NewPasswordForm
        email={email}
        askCurrent
        actionData={actionData}
        submitLabel={t('signIn.changePassword.submit')}
      />
      <Form method="post" action="/logout" className="auth__footer">
        <button type="submit" className="button-link">
          {t('signIn.changePassword.signOut')}
        </button>
      </Form>
    </>
  );
}
