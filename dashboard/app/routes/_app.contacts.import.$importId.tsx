import type { LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData, useRevalidator } from '@remix-run/react';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { browserDownloadUrl } from '../components/contacts/download-url';
import { InlineErrorBoundary } from '../components/error-page';
import { Alert } from '../components/ui/alert';
import { buttonClass } from '../components/ui/button';
import { Card } from '../components/ui/card';
import { graphql } from '../graphql';
import { requirePermission } from '../utils/auth.server';
import { gql } from '../utils/graphql.server';
import type { RouteHandle } from '../utils/route-handle';

const ContactImportProgressDocument = graphql(`
  query ContactImportProgress($id: ID!) {
    contactImport(id: $id) {
      id
      fileName
      status
      processedRows
      totalRows
      createdRows
      updatedRows
      skippedRows
      rejectedRows
      reportUrl
      failure
    }
  }
`);

// How often a running import is asked about again; the job reports its progress in batches.
const POLL_MS = 1_000;

export const handle: RouteHandle = { titleKey: 'contacts.import.progress.title' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'CONTACTS_READ');
  const { contactImport } = await gql(request, ContactImportProgressDocument, { id: params.importId ?? '' });
  return { contactImport };
}

export default function ContactImportProgressPage() {
  const { contactImport } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const revalidator = useRevalidator();
  const running = contactImport.status === 'QUEUED' || contactImport.status === 'RUNNING';
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => {
      if (revalidator.state === 'idle') revalidator.revalidate();
    }, POLL_MS);
    return () => clearInterval(timer);
  }, [running, revalidator]);
  const done = contactImport.status === 'COMPLETED';
  const percent = done
    ? 100
    : contactImport.totalRows > 0
      ? Math.min(99, Math.floor((contactImport.processedRows / contactImport.totalRows) * 100))
      : 0;
  return (
    <>
      <p>
        <Link to="/contacts" className="button-link">
          {t('contacts.detail.back')}
        </Link>
      </p>
      <h1 className="page__title">{t('contacts.import.progress.title')}</h1>
      <div className="stack">
        <Card title={contactImport.fileName} icon="list">
          <p className="field__label" id="import-progress-label">
            {t(`contacts.import.status.${contactImport.status}`)}
          </p>
          <div
            className="progress"
            role="progressbar"
            aria-labelledby="import-progress-label"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={percent}
            data-testid="import-progress"
          >
            <div className="progress__bar" style={{ width: `${percent}%` }} />
          </div>
          <p className="card__note" data-testid="import-percent">
            {t('contacts.import.progress.rows', {
              percent,
              processed: contactImport.processedRows,
              total: contactImport.totalRows,
            })}
          </p>
          {done ? (
            <dl className="facts" data-testid="import-summary">
              <Count label={t('contacts.import.progress.created')} value={contactImport.createdRows} />
              <Count label={t('contacts.import.progress.updated')} value={contactImport.updatedRows} />
              <Count label={t('contacts.import.progress.skipped')} value={contactImport.skippedRows} />
              <Count label={t('contacts.import.progress.rejected')} value={contactImport.rejectedRows} />
            </dl>
          ) : null}
          {contactImport.status === 'FAILED' ? (
            <Alert tone="danger">
              <p>{contactImport.failure ?? t('contacts.import.progress.failed')}</p>
            </Alert>
          ) : null}
        </Card>
        {contactImport.reportUrl ? (
          <Card title={t('contacts.import.progress.reportTitle')} icon="alert">
            <p className="card__lead">
              {t('contacts.import.progress.reportLead', { count: contactImport.rejectedRows })}
            </p>
            <a
              href={browserDownloadUrl(contactImport.reportUrl)}
              className={buttonClass({ variant: 'secondary' })}
              download
            >
              {t('contacts.import.progress.report')}
            </a>
          </Card>
        ) : null}
        {!running ? (
          <div className="form__actions">
            <Link to="/contacts" className={buttonClass({ variant: 'primary' })}>
              {t('contacts.import.progress.toContacts')}
            </Link>
            <Link to="/contacts/import" className={buttonClass({ variant: 'secondary' })}>
              {t('contacts.import.progress.another')}
            </Link>
          </div>
        ) : null}
      </div>
    </>
  );
}

function Count({ label, value }: { label: string; value: number }) {
  return (
    <div className="facts__row">
      <dt className="field__label">{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}

export { InlineErrorBoundary as ErrorBoundary };
