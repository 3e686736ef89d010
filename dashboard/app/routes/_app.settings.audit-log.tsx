import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { auditDetailLines, auditTexts, isKnownAuditAction } from '../components/audit/audit-texts';
import { InlineErrorBoundary } from '../components/error-page';
import { Card } from '../components/ui/card';
import { Pagination } from '../components/ui/pagination';
import { Table, type Column } from '../components/ui/table';
import { graphql } from '../graphql';
import type { AuditLogPageQuery } from '../graphql/graphql';
import { requirePermission } from '../utils/auth.server';
import { gql } from '../utils/graphql.server';
import type { RouteHandle } from '../utils/route-handle';
import { readCursor, readPageSize } from '../utils/table-params';
import { useDateTime } from '../utils/use-date-time';

const AuditLogPageQueryDocument = graphql(`
  query AuditLogPage($cursor: String, $limit: Int!) {
    auditLog(cursor: $cursor, limit: $limit) {
      items {
        id
        action
        actor {
          id
          name
          email
        }
        actorTokenName
        ip
        target
        details
        createdAt
      }
      nextCursor
    }
  }
`);

type AuditEntry = AuditLogPageQuery['auditLog']['items'][number];

const PAGE_SIZE = 50;
const MAX_PAGE_SIZE = 200;

export const handle: RouteHandle = { titleKey: 'audit.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'AUDIT_READ');
  const params = new URL(request.url).searchParams;
  const cursor = readCursor(params);
  const limit = readPageSize(params, { fallback: PAGE_SIZE, max: MAX_PAGE_SIZE });
  const { auditLog } = await gql(request, AuditLogPageQueryDocument, { cursor, limit });
  return { entries: auditLog.items, nextCursor: auditLog.nextCursor ?? null };
}

export default function AuditLogPage() {
  const { entries, nextCursor } = useLoaderData<typeof loader>();
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const columns: Column<AuditEntry>[] = [
    {
      id: 'time',
      header: t('audit.table.time'),
      className: 'table__nowrap',
      cell: (entry) => <time dateTime={entry.createdAt}>{dateTime(entry.createdAt)}</time>,
    },
    { id: 'actor', header: t('audit.table.actor'), cell: (entry) => <Actor entry={entry} t={t} /> },
    { id: 'action', header: t('audit.table.action'), cell: (entry) => <ActionLabel action={entry.action} t={t} /> },
    { id: 'ip', header: t('audit.table.ip'), className: 'table__mono', cell: (entry) => entry.ip ?? '' },
    { id: 'target', header: t('audit.table.target'), cell: (entry) => <Target entry={entry} t={t} /> },
  ];
  return (
    <>
      <h1 className="page__title page__title--section">{t('audit.title')}</h1>
      <p className="page__lead page__lead--section">{t('audit.intro')}</p>
      <Card title={t('audit.table.caption')} icon="list" className="card--flush">
        <Table
          caption={t('audit.table.caption')}
          columns={columns}
          rows={entries}
          rowKey={(entry) => entry.id}
          empty={t('audit.empty')}
          testId="audit-log"
        />
        <Pagination nextCursor={nextCursor} label={t('audit.table.caption')} />
      </Card>
    </>
  );
}

function Actor({ entry, t }: { entry: AuditEntry; t: TFunction }) {
  if (entry.actor) {
    return (
      <>
        <span className="table__primary">{entry.actor.name}</span>
        <span className="table__secondary">{entry.actor.email}</span>
        {entry.actorTokenName ? (
          <span className="table__secondary">{t('audit.token', { name: entry.actorTokenName })}</span>
        ) : null}
      </>
    );
  }
  if (entry.actorTokenName) return <>{t('audit.token', { name: entry.actorTokenName })}</>;
  return <span className="table__secondary">{t('audit.system')}</span>;
}

/** The action in the reader's language (audit-texts.ts); an action this dashboard does not know yet shows as is. */
function ActionLabel({ action, t }: { action: string; t: TFunction }) {
  if (isKnownAuditAction(action)) return <span data-action={action}>{t(auditTexts[action].label)}</span>;
  return <code className="table__mono">{action}</code>;
}

function Target({ entry, t }: { entry: AuditEntry; t: TFunction }) {
  const lines = auditDetailLines(entry.action, entry.details, t);
  if (!entry.target && lines.length === 0) return null;
  return (
    <>
      {entry.target ? <span className="table__mono">{entry.target}</span> : null}
      {lines.length > 0 ? (
        <ul className="table__details">
          {lines.map((line) => (
            <li key={line}>{line}</li>
          ))}
        </ul>
      ) : null}
    </>
  );
}

export { InlineErrorBoundary as ErrorBoundary };
