import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CreateTokenCard } from '../../components/api-tokens/create-token-card';
import { RevokeTokenConfirmation } from '../../components/api-tokens/revoke-token-confirmation';
import { createTokenSchema, revokeTokenSchema } from '../../components/api-tokens/schemas';
import { TokensTable } from '../../components/api-tokens/tokens-table';
import type { ApiTokensActionData } from '../../components/api-tokens/types';
import { InlineErrorBoundary } from '../../components/error-page';
import { FormError } from '../../components/ui/alert';
import { Card } from '../../components/ui/card';
import { requirePermission } from '../../utils/auth.server';
import { requireSameOrigin } from '../../utils/csrf.server';
import { refused } from '../../utils/action.server';
import { parseForm } from '../../utils/forms';
import { intlLocales } from '../../utils/language';
import { getLanguage } from '../../utils/language.server';
import { readSort, sortRows } from '../../utils/table-params';
import { redirectWithToast } from '../../utils/toast.server';
import { errorResponse, gql, gqlForm } from '../../utils/graphql.server';
import type { RouteHandle } from '../../utils/route-handle';
import { ApiTokensPageQuery, CreateApiTokenMutation, RevokeApiTokenMutation } from './documents';

export const handle: RouteHandle = { titleKey: 'apiTokens.title' };

const SORTABLE = ['name', 'created', 'lastUsed'] as const;
const API_TOKENS = '/settings/api-tokens';

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'TOKENS_MANAGE');
  const { apiTokens } = await gql(request, ApiTokensPageQuery);
  const params = new URL(request.url).searchParams;
  const revokeId = params.get('revoke');
  const confirmRevoke = revokeId
    ? (apiTokens.find((token) => token.id === revokeId && !token.revokedAt) ?? null)
    : null;
  // Newest first by default; revoked ones stay listed (with when) so the history is visible.
  const sort = readSort(params, SORTABLE, { by: 'created', dir: 'desc' });
  const tokens = sortRows(
    apiTokens,
    sort,
    { name: (token) => token.name, created: (token) => token.createdAt, lastUsed: (token) => token.lastUsedAt },
    new Intl.Collator(intlLocales[getLanguage(request)]),
  );
  return { tokens, grantable: user.permissions, confirmRevoke, sort };
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  await requirePermission(request, 'TOKENS_MANAGE');
  const form = await request.formData();
  switch (form.get('intent')) {
    case 'createToken': {
      const parsed = parseForm(createTokenSchema, form, ['permissions']);
      if (!parsed.ok) {
        return refused<ApiTokensActionData>({ intent: 'createToken', ok: false, fieldErrors: parsed.fieldErrors });
      }
      const result = await gqlForm(request, CreateApiTokenMutation, { input: parsed.data });
      if (result.failure) {
        return refused<ApiTokensActionData>({ intent: 'createToken', ok: false, ...result.failure }, result.status);
      }
      // Not a redirect: the secret is shown once, in this answer, and never travels through a cookie or a URL.
      const { token, apiToken } = result.data.createApiToken;
      const created: ApiTokensActionData = { intent: 'createToken', ok: true, created: { name: apiToken.name, token } };
      return created;
    }
    case 'revokeToken': {
      const parsed = parseForm(revokeTokenSchema, form);
      if (!parsed.ok) {
        return refused<ApiTokensActionData>({
          intent: 'revokeToken',
          ok: false,
          formError: { key: 'validation.invalid' },
        });
      }
      const result = await gqlForm(request, RevokeApiTokenMutation, { id: parsed.data.tokenId });
      if (result.failure) {
        return refused<ApiTokensActionData>({ intent: 'revokeToken', ok: false, ...result.failure }, result.status);
      }
      return redirectWithToast(API_TOKENS, { type: 'success', key: 'apiTokens.revoked' });
    }
    default:
      throw errorResponse({ messageKey: 'errors.generic' }, 400);
  }
}

export default function ApiTokensPage() {
  const { tokens, grantable, confirmRevoke, sort } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const revoke = actionData?.intent === 'revokeToken' ? actionData : undefined;
  return (
    <>
      <h1 className="page__title page__title--section">{t('apiTokens.title')}</h1>
      <p className="page__lead page__lead--section">{t('apiTokens.intro')}</p>
      <div className="stack">
        {confirmRevoke ? <RevokeTokenConfirmation token={confirmRevoke} /> : null}
        <FormError message={revoke?.ok ? undefined : revoke?.formError} />
        <CreateTokenCard
          grantable={grantable}
          actionData={actionData?.intent === 'createToken' ? actionData : undefined}
        />
        <Card title={t('apiTokens.table.caption')} icon="list" className="card--flush">
          <TokensTable tokens={tokens} sort={sort} />
        </Card>
      </div>
    </>
  );
}

export { InlineErrorBoundary as ErrorBoundary };
