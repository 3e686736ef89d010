import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { InlineErrorBoundary } from '../../components/error-page';
import { DetailsCard } from '../../components/profile/details-card';
import { PasswordCard } from '../../components/profile/password-card';
import { RevokeSessionConfirmation, SessionsCard } from '../../components/profile/sessions-card';
import { TwoFactorCard } from '../../components/profile/two-factor-card';
import type { ProfileActionData } from '../../components/profile/types';
import { requireUser } from '../../utils/auth.server';
import { requireSameOrigin } from '../../utils/csrf.server';
import { errorResponse, gql } from '../../utils/graphql.server';
import type { RouteHandle } from '../../utils/route-handle';
import { handleProfileAction, isProfileIntent } from './actions.server';
import { MySessionsQuery } from './documents';

export const handle: RouteHandle = { titleKey: 'profile.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const { mySessions } = await gql(request, MySessionsQuery);
  // `?revokeSession=<id>` asks before signing another device out: a confirmation that needs no JavaScript.
  const revokeId = new URL(request.url).searchParams.get('revokeSession');
  const confirmRevokeSession = revokeId
    ? (mySessions.find((session) => session.id === revokeId && !session.current) ?? null)
    : null;
  return { user, sessions: mySessions, confirmRevokeSession };
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  await requireUser(request);
  const form = await request.formData();
  const intent = form.get('intent');
  if (!isProfileIntent(intent)) throw errorResponse({ messageKey: 'errors.generic' }, 400);
  return handleProfileAction(intent, request, form);
}

export default function ProfilePage() {
  const { user, sessions, confirmRevokeSession } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>() as ProfileActionData | undefined;
  const { t } = useTranslation();
  return (
    <>
      <h1 className="page__title page__title--section">{t('profile.title')}</h1>
      <div className="stack">
        {/* Keyed by what its inputs start from: a language switched in the header re-renders the page in place. */}
        <DetailsCard key={`${user.name}|${user.language}`} user={user} actionData={actionData} />
        <PasswordCard email={user.email} actionData={actionData} />
        <TwoFactorCard enabled={user.twoFactorEnabled} actionData={actionData} />
        {confirmRevokeSession ? <RevokeSessionConfirmation session={confirmRevokeSession} /> : null}
        <SessionsCard sessions={sessions} actionData={actionData} />
      </div>
    </>
  );
}

export { InlineErrorBoundary as ErrorBoundary };
