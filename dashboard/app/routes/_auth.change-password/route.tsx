import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/ui/alert';
import { PasswordChangeFields } from '../../components/profile/password-change-fields';
import { graphql } from '../../graphql';
import { reconcileLanguage, requireUser } from '../../utils/auth.server';
import { requireSameOrigin } from '../../utils/csrf.server';
import { parseForm, useClientValidation } from '../../utils/forms';
import { gqlForm } from '../../utils/graphql.server';
import { changePasswordSchema } from '../../utils/credential-schemas';
import type { RouteHandle } from '../../utils/route-handle';
import { getSessionToken } from '../../utils/session.server';
import { Button } from '../../components/ui/button';

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
  const navigation = useNavigation();
  const client = useClientValidation(changePasswordSchema);
  const fieldErrors = client.fieldErrors ?? actionData?.fieldErrors;

  return (
    <>
      <h1 className="auth__title">{t('signIn.changePassword.title')}</h1>
      <p className="auth__intro">{t('signIn.changePassword.intro')}</p>
      <p className="auth__account">{t('signIn.changePassword.account', { email })}</p>
      <FormError message={actionData?.fieldErrors ? undefined : actionData?.formError} />
      <Form method="post" className="form" noValidate onSubmit={client.onSubmit}>
        <PasswordChangeFields
          email={email}
          errors={fieldErrors}
          autoFocus
          labels={{
            current: t('signIn.changePassword.current'),
            new: t('signIn.changePassword.new'),
            newHint: t('signIn.changePassword.newHint'),
            confirm: t('signIn.changePassword.confirm'),
          }}
        />
        <Button block pending={navigation.state === 'submitting'}>
          {t('signIn.changePassword.submit')}
        </Button>
      </Form>
      <Form method="post" action="/logout" className="auth__footer">
        <button type="submit" className="button-link">
          {t('signIn.changePassword.signOut')}
        </button>
      </Form>
    </>
  );
}
