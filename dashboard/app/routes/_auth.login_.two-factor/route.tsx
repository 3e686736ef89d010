import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormError } from '../../components/ui/alert';
import { Field } from '../../components/ui/field';
import { graphql } from '../../graphql';
import { signIn } from '../../utils/auth.server';
import { requireSameOrigin } from '../../utils/csrf.server';
import { parseForm, useClientValidation } from '../../utils/forms';
import { formFailure, gqlResult } from '../../utils/graphql.server';
import { safeRedirectPath } from '../../utils/redirect';
import type { RouteHandle } from '../../utils/route-handle';
import { destroyChallengeCookie, getChallengeToken } from '../../utils/session.server';
import { verifySchema } from './schema';
import { Button } from '../../components/ui/button';

const VerifyTwoFactorMutation = graphql(`
  mutation VerifyTwoFactor($input: VerifyTwoFactorInput!) {
    verifyTwoFactor(input: $input) {
      status
      sessionToken
      mustChangePassword
    }
  }
`);

export const handle: RouteHandle = { titleKey: 'signIn.twoFactor.title' };

function restart(notice?: 'challengeExpired'): Response {
  return redirect(notice ? `/login?notice=${notice}` : '/login', {
    headers: { 'Set-Cookie': destroyChallengeCookie() },
  });
}

export function loader({ request }: LoaderFunctionArgs) {
  // The challenge from the password step lives in an httpOnly cookie; without it there is nothing to verify.
  if (!getChallengeToken(request)) throw restart();
  const redirectTo = safeRedirectPath(new URL(request.url).searchParams.get('redirectTo') ?? undefined) ?? null;
  return { redirectTo };
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const challengeToken = getChallengeToken(request);
  if (!challengeToken) throw restart('challengeExpired');
  const parsed = parseForm(verifySchema, await request.formData());
  if (!parsed.ok) return { fieldErrors: parsed.fieldErrors };

  const result = await gqlResult(request, VerifyTwoFactorMutation, {
    input: { challengeToken, code: parsed.data.code },
  });
  if (result.error) {
    // A wrong code is UNAUTHENTICATED too (auth.invalidCode); only a spent challenge (expired, or too many wrong
    // codes) sends the reader back to the password step.
    const expired = 'key' in result.error.message && result.error.message.key === 'auth.challengeExpired';
    if (expired) throw restart('challengeExpired');
    return formFailure(result.error);
  }
  const { verifyTwoFactor } = result.data;
  if (verifyTwoFactor.status !== 'SIGNED_IN' || !verifyTwoFactor.sessionToken) throw restart('challengeExpired');
  return signIn(
    request,
    { sessionToken: verifyTwoFactor.sessionToken, mustChangePassword: verifyTwoFactor.mustChangePassword },
    parsed.data.redirectTo,
  );
}

export default function TwoFactorPage() {
  const { redirectTo } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const navigation = useNavigation();
  const client = useClientValidation(verifySchema);
  const fieldErrors = client.fieldErrors ?? actionData?.fieldErrors;
  // A wrong code is about the field: say it there, not twice.
  const formError = actionData?.formError;
  const invalidCode = formError !== undefined && 'key' in formError && formError.key === 'auth.invalidCode';
  const codeError = fieldErrors?.code ?? (invalidCode ? formError : undefined);

  return (
    <>
      <h1 className="auth__title">{t('signIn.twoFactor.title')}</h1>
      <p className="auth__intro">{t('signIn.twoFactor.intro')}</p>
      <FormError message={invalidCode ? undefined : formError} />
      <Form method="post" className="form" noValidate onSubmit={client.onSubmit}>
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <Field
          label={t('signIn.twoFactor.code')}
          hint={t('signIn.twoFactor.codeHint')}
          name="code"
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={64}
          required
          autoFocus
          className="input--code"
          error={codeError}
        />
        <Button block pending={navigation.state === 'submitting'}>
          {t('signIn.twoFactor.submit')}
        </Button>
      </Form>
      <p className="auth__footer">
        <Link to="/login">{t('signIn.twoFactor.restart')}</Link>
      </p>
    </>
  );
}
