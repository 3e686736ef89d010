import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { InlineErrorBoundary } from '../components/error-page';
import { FormError } from '../components/ui/alert';
import { Button } from '../components/ui/button';
import { Card } from '../components/ui/card';
import { graphql } from '../graphql';
import { refused } from '../utils/action.server';
import { can, requirePermission } from '../utils/auth.server';
import { requireSameOrigin } from '../utils/csrf.server';
import { gql, gqlForm, type FormFailure } from '../utils/graphql.server';
import type { RouteHandle } from '../utils/route-handle';
import { redirectWithToast } from '../utils/toast.server';

const OptOutKeywordsDocument = graphql(`
  query OptOutKeywords {
    optOutKeywords
  }
`);

const SetOptOutKeywordsDocument = graphql(`
  mutation SetOptOutKeywords($keywords: [String!]!) {
    setOptOutKeywords(keywords: $keywords)
  }
`);

export const handle: RouteHandle = { titleKey: 'contacts.keywords.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requirePermission(request, 'CONTACTS_READ');
  const { optOutKeywords } = await gql(request, OptOutKeywordsDocument);
  return { keywords: optOutKeywords, canWrite: can(user, 'CONTACTS_WRITE') };
}

export async function action({ request }: ActionFunctionArgs) {
  requireSameOrigin(request);
  await requirePermission(request, 'CONTACTS_WRITE');
  const form = await request.formData();
  // One keyword a line; the API normalizes them (trimmed, upper case) and says what it refuses.
  const keywords = String(form.get('keywords') ?? '')
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean);
  const result = await gqlForm(request, SetOptOutKeywordsDocument, { keywords });
  if (result.failure) return refused<FormFailure>(result.failure, result.status);
  return redirectWithToast('/contacts/keywords', { type: 'success', key: 'contacts.keywords.saved' });
}

export default function OptOutKeywordsPage() {
  const { keywords, canWrite } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { t } = useTranslation();
  return (
    <>
      <p>
        <Link to="/contacts" className="button-link">
          {t('contacts.detail.back')}
        </Link>
      </p>
      <h1 className="page__title">{t('contacts.keywords.title')}</h1>
      <p className="page__lead">{t('contacts.keywords.intro')}</p>
      <Card title={t('contacts.keywords.listTitle')} icon="list">
        {canWrite ? (
          <Form method="post" className="form form--narrow" data-testid="opt-out-keywords">
            <FormError message={actionData?.formError} />
            <label className="field">
              <span className="field__label">{t('contacts.keywords.label')}</span>
              <textarea name="keywords" className="input" rows={8} defaultValue={keywords.join('\n')} />
              <span className="field__hint">{t('contacts.keywords.hint')}</span>
            </label>
            <div className="form__actions">
              <Button intent="save">{t('contacts.keywords.save')}</Button>
            </div>
          </Form>
        ) : (
          <ul>
            {keywords.map((keyword) => (
              <li key={keyword}>{keyword}</li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}

export { InlineErrorBoundary as ErrorBoundary };
