import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { PasswordChangeFields } from '../../components/profile/password-change-fields';
import { Alert, FormError } from '../../components/ui/alert';
import { Field } from '../../components/ui/field';
import { graphql } from '../../graphql';
import { getUser, signIn } from '../../utils/auth.server';
import { requireSameOrigin } from '../../utils/csrf.server';
import { parseForm, useClientValidation } from '../../utils/forms';
import { formFailureRenamed, gqlForm, gqlResult } from '../../utils/graphql.server';
import { getLanguage } from '../../utils/language.server';
import { forgetLink, linkToken } from '../../utils/one-time-links.server';
import { roleLabel } from '../../utils/permissions';
import type { RouteHandle } from '../../utils/route-handle';
import { acceptWithNewAccountSchema } from './schema';
import { Button } from '../../components/ui/button';

const InvitationPreviewQuery = graphql(`
  query InvitationPreview($token: String!) {
    invitation(token: $token) {
      email
      workspaceName
      expiresAt
      role {
        id
        key
        name
        builtIn
      }
    }
  }
`);

const AcceptInvitationMutation = graphql(`
  mutation AcceptInvitation($token: String!) {
    acceptInvitation(token: $token) {
      id
    }
  }
`);

const AcceptInvitationWithNewAccountMutation = graphql(`
  mutation AcceptInvitationWithNewAccount($input: AcceptInvitationWithNewAccountInput!) {
    acceptInvitationWithNewAccount(input: $input) {
      status
      sessionToken
      mustChangePassword
    }
  }
`);

export const handle: RouteHandle = { titleKey: 'invitation.title' };

/**
 * The page an invitation link opens. Signed in as the invited address: one button. Signed out: choose a name and
 * a password (a new account) or sign in and come back. The link's secret is in a cookie (one-time-links.server.ts).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const token = linkToken(request, 'invite');
  if (!token) return { invitation: null, problem: { key: 'invitations.invalid' as const }, signedInAs: null };
  const preview = await gqlResult(request, InvitationPreviewQuery, { token });
  if (preview.error) return { invitation: null, problem: preview.error.message, signedInAs: null };
  const user = await getUser(request);
  return { invitation: preview.data.invitation, problem: null, signedInAs: user?.email ?? null };
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  const token = linkToken(request, 'invite') ?? '';
  const form = await request.formData();
  if (form.get('intent') === 'accept') {
    const result = await gqlForm(request, AcceptInvitationMutation, { token });
    if (result.failure) return result.failure;
    return redirect('/dashboard', { headers: { 'Set-Cookie': forgetLink('invite') } });
  }
  const parsed = parseForm(acceptWithNewAccountSchema, form);
  if (!parsed.ok) return { fieldErrors: parsed.fieldErrors };
  const result = await gqlResult(request, AcceptInvitationWithNewAccountMutation, {
    input: {
      token,
      name: parsed.data.name,
      password: parsed.data.newPassword,
      // The account keeps the language its owner read this page in.
      language: getLanguage(request) === 'en' ? 'EN' : 'ID',
    },
  });
  if (result.error) return formFailureRenamed(result.error, { password: 'newPassword' });
  const { sessionToken, mustChangePassword } = result.data.acceptInvitationWithNewAccount;
  if (!sessionToken) return { formError: { key: 'errors.generic' as const } };
  const response = await signIn(request, { sessionToken, mustChangePassword }, '/dashboard');
  response.headers.append('Set-Cookie', forgetLink('invite'));
  return response;
}

export default function InvitationPage() {
  const { invitation, problem, signedInAs } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const navigation = useNavigation();
  const pending = navigation.state === 'submitting';
  const client = useClientValidation(acceptWithNewAccountSchema);
  const fieldErrors = client.fieldErrors ?? actionData?.fieldErrors;
  // The secret stays in its cookie: the way back after signing in or out is the bare page.
  const here = '/invite';

  if (!invitation) {
    return (
      <>
        <h1 className="auth__title">{t('invitation.invalidTitle')}</h1>
        <FormError message={problem} />
        <p className="auth__footer">
          <Link to="/login">{t('invitation.toLogin')}</Link>
        </p>
      </>
    );
  }

  const offer = t('invitation.offer', { workspace: invitation.workspaceName, role: roleLabel(t, invitation.role) });
  return (
    <>
      <h1 className="auth__title">{t('invitation.title')}</h1>
      <p className="auth__intro">{offer}</p>
      <p className="auth__account">{t('invitation.forAddress', { email: invitation.email })}</p>
      <FormError message={actionData?.fieldErrors ? undefined : actionData?.formError} />
      {signedInAs === invitation.email ? (
        <Form method="post" className="form">
          <input type="hidden" name="intent" value="accept" />
          <Button block pending={pending}>
            {t('invitation.accept')}
          </Button>
        </Form>
      ) : signedInAs ? (
        <>
          <Alert tone="warning">
            <p>{t('invitation.otherAccount', { current: signedInAs, email: invitation.email })}</p>
          </Alert>
          <Form method="post" action="/logout" className="form">
            <input type="hidden" name="redirectTo" value={here} />
            <Button variant="secondary" block>
              {t('invitation.signOut')}
            </Button>
          </Form>
        </>
      ) : (
        <>
          <h2 className="auth__subtitle">{t('invitation.newAccount')}</h2>
          <Form method="post" className="form" noValidate onSubmit={client.onSubmit}>
            <input type="hidden" name="intent" value="create" />
            <Field
              label={t('invitation.name')}
              name="name"
              autoComplete="name"
              required
              autoFocus
              error={fieldErrors?.name}
            />
            <PasswordChangeFields
              email={invitation.email}
              errors={fieldErrors}
              labels={{
                new: t('invitation.password'),
                newHint: t('signIn.changePassword.newHint'),
                confirm: t('signIn.changePassword.confirm'),
              }}
            />
            <Button block pending={pending}>
              {t('invitation.createAndJoin')}
            </Button>
          </Form>
          <p className="auth__footer">
            {t('invitation.haveAccount')}{' '}
            <Link to={`/login?${new URLSearchParams({ redirectTo: here })}`}>{t('invitation.signInToAccept')}</Link>
          </p>
        </>
      )}
    </>
  );
}
