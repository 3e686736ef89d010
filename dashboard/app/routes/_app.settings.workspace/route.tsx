import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { InlineErrorBoundary } from '../../components/error-page';
import { timeZoneSchema } from '../../components/workspace/schemas';
import { TimeZoneCard } from '../../components/workspace/time-zone-card';
import { refused } from '../../utils/action.server';
import { requirePermission } from '../../utils/auth.server';
import { requireSameOrigin } from '../../utils/csrf.server';
import { timeZoneAbbreviation, timeZoneOf } from '../../utils/format';
import { parseForm, type FormFeedback } from '../../utils/forms';
import { errorResponse, gqlForm } from '../../utils/graphql.server';
import type { RouteHandle } from '../../utils/route-handle';
import { redirectWithToast } from '../../utils/toast.server';
import { UpdateWorkspaceTimeZoneMutation } from './documents';

export const handle: RouteHandle = { titleKey: 'workspaceSettings.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'WORKSPACE_MANAGE');
  if (!user.workspace) throw errorResponse({ messageKey: 'errors.forbidden.description' }, 403);
  // "Now", as the page shows it in the chosen zone: a moment from the server, so the page renders the same twice.
  return { workspace: user.workspace, now: new Date().toISOString() };
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  await requirePermission(request, 'WORKSPACE_MANAGE');
  const form = await request.formData();
  if (form.get('intent') !== 'setTimeZone') throw errorResponse({ messageKey: 'errors.generic' }, 400);
  const parsed = parseForm(timeZoneSchema, form);
  if (!parsed.ok) return refused<FormFeedback>({ fieldErrors: parsed.fieldErrors });
  const result = await gqlForm(request, UpdateWorkspaceTimeZoneMutation, { timeZone: parsed.data.timeZone });
  if (result.failure) return refused<FormFeedback>(result.failure, result.status);
  return redirectWithToast('/settings/workspace', {
    type: 'success',
    key: 'workspaceSettings.timeZone.saved',
    params: { zone: timeZoneAbbreviation(timeZoneOf(result.data.updateWorkspaceTimeZone.timeZone)) },
  });
}

export default function WorkspaceSettingsPage() {
  const { workspace, now } = useLoaderData<typeof loader>();
  const feedback = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <h1 className="page__title page__title--section">{t('workspaceSettings.title')}</h1>
      <p className="page__lead page__lead--section">{t('workspaceSettings.intro', { name: workspace.name })}</p>
      <div className="stack">
        <TimeZoneCard current={workspace.timeZone} now={now} feedback={feedback} />
      </div>
    </>
  );
}

export { InlineErrorBoundary as ErrorBoundary };
