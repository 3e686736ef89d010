import type { LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { bulkJobPercent, bulkJobRunning, useJobPolling } from '../components/contacts/bulk-job';
import { browserDownloadUrl } from '../components/contacts/download-url';
import { InlineErrorBoundary } from '../components/error-page';
import { Alert } from '../components/ui/alert';
import { buttonClass } from '../components/ui/button';
import { Card } from '../components/ui/card';
import { ProgressBar } from '../components/ui/progress';
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

export const handle: RouteHandle = { titleKey: 'contacts.import.progress.title' };

export async function loader({ request, params }: LoaderFunctionArgs) {
  await requirePermission(request, 'CONTACTS_READ');
  const { contactImport } = await gql(request, ContactImportProgressDocument, { id: params.importId ?? '' });
  return { contactImport };
}

export default function ContactImportProgressPage() {
  const { contactImport } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const running = bulkJobRunning(contactImport.status);
  useJobPolling(running);
  const percent = bulkJobPercent(contactImport);
  const done = contactImport.status === 'COMPLETED';
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
          <ProgressBar
            id="import-progress-label"
            label={t(`contacts.import.status.${contactImport.status}`)}
            percent={percent}
            testId="import-progress"
          />
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
