import type { LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { bulkJobPercent, bulkJobRunning, useJobPolling } from '../components/contacts/bulk-job';
import { InlineErrorBoundary } from '../components/error-page';
import { Alert } from '../components/ui/alert';
import { buttonClass } from '../components/ui/button';
import { Card } from '../components/ui/card';
import { ProgressBar } from '../components/ui/progress';
import { graphql } from '../graphql';
import { requirePermission } from '../utils/auth.server';
import { gql } from '../utils/graphql.server';
import { safeRedirectPath } from '../utils/redirect';
import type { RouteHandle } from '../utils/route-handle';
import { redirectWithToast } from '../utils/toast.server';

const ContactBulkJobDocument = graphql(`
  query ContactBulkJobProgress($id: ID!) {
    contactBulkJob(id: $id) {
      id
      action
      status
      processedRows
      totalRows
    }
  }
`);

export const handle: RouteHandle = { titleKey: 'contacts.bulkJob.title' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'CONTACTS_READ');
  const url = new URL(request.url);
  const { contactBulkJob: job } = await gql(request, ContactBulkJobDocument, { id: params.jobId ?? '' });
  const back = safeRedirectPath(url.searchParams.get('back') ?? undefined) ?? '/contacts';
  // The first look at a finished job says so in a toast, once: the same page again, marked as announced.
  if (!bulkJobRunning(job.status) && !url.searchParams.has('done')) {
    const again = new URLSearchParams({ back, done: '1' });
    return redirectWithToast(
      `${url.pathname}?${again}`,
      job.status === 'COMPLETED'
        ? { type: 'success', key: `contacts.bulkJob.finished.${job.action}`, params: { count: job.processedRows } }
        : { type: 'error', key: 'contacts.bulkJob.failed' },
    );
  }
  return { job, back };
}

export default function ContactBulkJobPage() {
  const { job, back } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const running = bulkJobRunning(job.status);
  useJobPolling(running);
  const percent = bulkJobPercent(job);
  return (
    <>
      <p>
        <Link to={back} className="button-link">
          {t('contacts.detail.back')}
        </Link>
      </p>
      <h1 className="page__title">{t('contacts.bulkJob.title')}</h1>
      {/* Without JavaScript the page asks again by itself while the job runs. */}
      {running ? (
        <noscript>
          <meta httpEquiv="refresh" content="2" />
        </noscript>
      ) : null}
      <div className="stack">
        <Card title={t(`contacts.bulkJob.actions.${job.action}`)} icon="list">
          <ProgressBar
            id="bulk-job-label"
            label={t(`contacts.import.status.${job.status}`)}
            percent={percent}
            testId="bulk-job-progress"
          />
          <p className="card__note" data-testid="bulk-job-count">
            {t('contacts.bulkJob.rows', { processed: job.processedRows, total: job.totalRows })}
          </p>
          {job.status === 'FAILED' ? (
            <Alert tone="danger">
              <p>{t('contacts.bulkJob.failed')}</p>
            </Alert>
          ) : null}
        </Card>
        {!running ? (
          <div className="form__actions">
            <Link to={back} className={buttonClass({ variant: 'primary' })}>
              {t('contacts.import.progress.toContacts')}
            </Link>
          </div>
        ) : null}
      </div>
    </>
  );
}

export { InlineErrorBoundary as ErrorBoundary };
