import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Alert, FormError } from '../../components/ui/alert';
import { Field } from '../../components/ui/field';
import { graphql } from '../../graphql';
import { getUser, homeFor, signIn } from '../../utils/auth.server';
import { requireSameOrigin } from '../../utils/csrf.server';
import { parseForm, useClientValidation } from '../../utils/forms';
import { formFailure, gqlResult, isApiUnavailable } from '../../utils/graphql.server';
import { safeRedirectPath } from '../../utils/redirect';
import type { RouteHandle } from '../../utils/route-handle';
import { commitChallengeCookie } from '../../utils/session.server';
import { loginSchema } from './schema';
import { Button } from '../../components/ui/button';

const LoginMutation = graphql(`
  mutation Login($input: LoginInput!) {
    login(input: $input) {
      status
      sessionToken
      challengeToken
      mustChangePassword
    }
  }
`);

export const handle: RouteHandle = { titleKey: 'signIn.login.title' };

const notices = ['signedOut', 'sessionExpired', 'challengeExpired', 'passwordReset'] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const url = new URL(request.url);
  const redirectTo = safeRedirectPath(url.searchParams.get('redirectTo') ?? undefined) ?? null;
  const notice = notices.find((candidate) => candidate === url.searchParams.get('notice')) ?? null;
  try {
    const user = await getUser(request);
    if (user) throw redirect(homeFor(user, redirectTo));
  } catch (error) {
    // Without the API nobody can sign in, but the page still says so in the reader's language.
    if (isApiUnavailable(error)) return { redirectTo, notice, apiUnavailable: true };
    throw error;
  }
  return { redirectTo, notice, apiUnavailable: false };
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const parsed = parseForm(loginSchema, await request.formData());
  if (!parsed.ok) return { fieldErrors: parsed.fieldErrors };
  const { email, password, redirectTo } = parsed.data;

  const result = await gqlResult(request, LoginMutation, { input: { email, password } });
  // Wrong email and wrong password read the same (the API words it so); a lockout says for how long.
  if (result.error) return formFailure(result.error);

  const { login } = result.data;
  if (login.status === 'TWO_FACTOR_REQUIRED' && login.challengeToken) {
    const back = safeRedirectPath(redirectTo);
    return redirect(`/login/two-factor${back ? `?${new URLSearchParams({ redirectTo: back })}` : ''}`, {
      headers: { 'Set-Cookie': commitChallengeCookie(login.challengeToken) },
    });
  }
  if (login.status === 'SIGNED_IN' && login.sessionToken) {
    return signIn(
      request,
      { sessionToken: login.sessionToken, mustChangePassword: login.mustChangePassword },
      redirectTo,
    );
  }
  return { formError: { key: 'errors.generic' as const } };
}

export default function LoginPage() {
  const { redirectTo, notice, apiUnavailable } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const navigation = useNavigation();
  const pending = navigation.state === 'submitting' && navigation.formAction === '/login';
  const client = useClientValidation(loginSchema);
  const fieldErrors = client.fieldErrors ?? actionData?.fieldErrors;

  return (
    <>
      <h1 className="auth__title">{t('signIn.login.title')}</h1>
      <p className="auth__intro">{t('signIn.login.intro')}</p>
      {apiUnavailable ? (
        <Alert tone="warning">
          <p>{t('signIn.notices.apiUnavailable')}</p>
        </Alert>
      ) : null}
      {notice && !actionData ? (
        <Alert tone={notice === 'signedOut' || notice === 'passwordReset' ? 'success' : 'info'}>
          <p>{t(`signIn.notices.${notice}`)}</p>
        </Alert>
      ) : null}
      <FormError message={actionData?.formError} />
      <Form method="post" action="/login" className="form" noValidate onSubmit={client.onSubmit}>
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <Field
          label={t('signIn.login.email')}
          name="email"
          type="email"
          autoComplete="username"
          required
          autoFocus
          error={fieldErrors?.email}
        />
        <Field
          label={t('signIn.login.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          required
          error={fieldErrors?.password}
        />
        <Button block pending={pending} pendingLabel={t('signIn.login.pending')}>
          {t('signIn.login.submit')}
        </Button>
      </Form>
    </>
  );
}
