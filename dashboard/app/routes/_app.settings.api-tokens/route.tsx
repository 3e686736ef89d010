import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { CreateTokenCard } from '../../components/api-tokens/create-token-card';
import { RevokeTokenConfirmation } from '../../components/api-tokens/revoke-token-confirmation';
import { createTokenSchema, revokeTokenSchema } from '../../components/api-tokens/schemas';
import { TokensTable } from '../../components/api-tokens/tokens-table';
import type { ApiTokensActionData } from '../../components/api-tokens/types';
import { InlineErrorBoundary } from '../../components/error-page';
import { Alert, FormError } from '../../components/ui/alert';
import { Card } from '../../components/ui/card';
import { requirePermission } from '../../utils/auth.server';
import { requireSameOrigin } from '../../utils/csrf.server';
import { parseForm } from '../../utils/forms';
import { errorResponse, gql, gqlForm } from '../../utils/graphql.server';
import type { RouteHandle } from '../../utils/route-handle';
import { ApiTokensPageQuery, CreateApiTokenMutation, RevokeApiTokenMutation } from './documents';

export const handle: RouteHandle = { titleKey: 'apiTokens.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'TOKENS_MANAGE');
  const { apiTokens } = await gql(request, ApiTokensPageQuery);
  const revokeId = new URL(request.url).searchParams.get('revoke');
  const confirmRevoke = revokeId
    ? (apiTokens.find((token) => token.id === revokeId && !token.revokedAt) ?? null)
    : null;
  // Newest first; revoked ones stay listed (with when) so the history is visible.
  const tokens = [...apiTokens].sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return { tokens, grantable: user.permissions, confirmRevoke };
}

export async function action({ request }: ActionFunctionArgs): Promise<ApiTokensActionData> {
  requireSameOrigin(request);
  await requirePermission(request, 'TOKENS_MANAGE');
  const form = await request.formData();
  switch (form.get('intent')) {
    case 'createToken': {
      const parsed = parseForm(createTokenSchema, form, ['permissions']);
      if (!parsed.ok) return { intent: 'createToken', ok: false, fieldErrors: parsed.fieldErrors };
      const result = await gqlForm(request, CreateApiTokenMutation, { input: parsed.data });
      if (result.failure) return { intent: 'createToken', ok: false, ...result.failure };
      const { token, apiToken } = result.data.createApiToken;
      return { intent: 'createToken', ok: true, created: { name: apiToken.name, token } };
    }
    case 'revokeToken': {
      const parsed = parseForm(revokeTokenSchema, form);
      if (!parsed.ok) return { intent: 'revokeToken', ok: false, formError: { key: 'validation.invalid' } };
      const result = await gqlForm(request, RevokeApiTokenMutation, { id: parsed.data.tokenId });
      if (result.failure) return { intent: 'revokeToken', ok: false, ...result.failure };
      return { intent: 'revokeToken', ok: true };
    }
    default:
      throw errorResponse({ messageKey: 'errors.generic' }, 400);
  }
}

export default function ApiTokensPage() {
  const { tokens, grantable, confirmRevoke } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  const revoke = actionData?.intent === 'revokeToken' ? actionData : undefined;
  return (
    <>
      <h1 className="page__title page__title--section">{t('apiTokens.title')}</h1>
      <p className="page__lead page__lead--section">{t('apiTokens.intro')}</p>
      <div className="stack">
        {confirmRevoke ? <RevokeTokenConfirmation token={confirmRevoke} /> : null}
        {revoke?.ok ? (
          <Alert tone="success">
            <p>{t('apiTokens.revoked')}</p>
          </Alert>
        ) : (
          <FormError message={revoke?.formError} />
        )}
        <CreateTokenCard
          grantable={grantable}
          actionData={actionData?.intent === 'createToken' ? actionData : undefined}
        />
        <Card title={t('apiTokens.table.caption')} icon="list" className="card--flush">
          <TokensTable tokens={tokens} />
        </Card>
      </div>
    </>
  );
}

export { InlineErrorBoundary as ErrorBoundary };
