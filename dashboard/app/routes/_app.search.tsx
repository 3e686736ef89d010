import type { LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { InlineErrorBoundary } from '../components/error-page';
import { SearchResultLabel } from '../components/search/search-dialog';
import { Button } from '../components/ui/button';
import { Card } from '../components/ui/card';
import { requireUser } from '../utils/auth.server';
import type { RouteHandle } from '../utils/route-handle';
import { searchEverything } from '../utils/search.server';

export const handle: RouteHandle = { titleKey: 'search.title' };

/**
 * `/search?q=...`: the header's search as a page (readers without JavaScript; the search dialog loads the same
 * loader through a fetcher, so both answer alike).
 */
export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const query = (new URL(request.url).searchParams.get('q') ?? '').trim();
  return { query, results: await searchEverything(request, user, query) };
}

export default function SearchPage() {
  const { query, results } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  return (
    <>
      <h1 className="page__title">{t('search.title')}</h1>
      <Form method="get" className="form form--narrow search-page__form" role="search">
        <label className="field">
          <span className="field__label">{t('search.label')}</span>
          <input type="search" name="q" className="input" defaultValue={query} maxLength={100} />
          <span className="field__hint">{t('search.hint')}</span>
        </label>
        <div className="form__actions">
          <Button variant="secondary">{t('search.submit')}</Button>
        </div>
      </Form>
      {query ? (
        <Card title={t('search.results', { count: results.length })} icon="search">
          {results.length === 0 ? (
            <p data-testid="search-empty">{t('search.none', { query })}</p>
          ) : (
            <ul className="search-results" data-testid="search-results">
              {results.map((result) => (
                <li key={`${result.kind}:${result.id}`}>
                  <Link to={result.link} className="search-result">
                    <SearchResultLabel result={result} />
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
      ) : null}
    </>
  );
}

export { InlineErrorBoundary as ErrorBoundary };
