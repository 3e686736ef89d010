import type { LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { InlineErrorBoundary } from '../components/error-page';
import { Card } from '../components/ui/card';
import { graphql } from '../graphql';
import type { AuditLogPageQuery } from '../graphql/graphql';
import { isTranslationKey } from '../i18n';
import { requirePermission } from '../utils/auth.server';
import { formatDateTime } from '../utils/format';
import { gql } from '../utils/graphql.server';
import type { Language } from '../utils/language';
import type { RouteHandle } from '../utils/route-handle';

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

export const handle: RouteHandle = { titleKey: 'audit.title' };

export async function loader({ request }: LoaderFunctionArgs) {
  await requirePermission(request, 'AUDIT_READ');
  const cursor = new URL(request.url).searchParams.get('cursor') || null;
  const { auditLog } = await gql(request, AuditLogPageQueryDocument, { cursor, limit: PAGE_SIZE });
  return { entries: auditLog.items, nextCursor: auditLog.nextCursor ?? null, paged: cursor !== null };
}

export default function AuditLogPage() {
  const { entries, nextCursor, paged } = useLoaderData<typeof loader>();
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Language;
  return (
    <>
      <h1 className="page__title page__title--section">{t('audit.title')}</h1>
      <p className="page__lead page__lead--section">{t('audit.intro')}</p>
      <Card title={t('audit.table.caption')} icon="list" className="card--flush">
        {entries.length === 0 ? (
          <p className="card__note card__padded">{t('audit.empty')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table" data-testid="audit-log">
              <thead>
                <tr>
                  <th scope="col">{t('audit.table.time')}</th>
                  <th scope="col">{t('audit.table.actor')}</th>
                  <th scope="col">{t('audit.table.action')}</th>
                  <th scope="col">{t('audit.table.ip')}</th>
                  <th scope="col">{t('audit.table.target')}</th>
                </tr>
              </thead>
              <tbody>
                {entries.map((entry) => (
                  <tr key={entry.id}>
                    <td className="table__nowrap">
                      <time dateTime={entry.createdAt}>{formatDateTime(entry.createdAt, lng)}</time>
                    </td>
                    <td>
                      <Actor entry={entry} t={t} />
                    </td>
                    <td>
                      <ActionLabel action={entry.action} t={t} />
                    </td>
                    <td className="table__mono">{entry.ip ?? ''}</td>
                    <td>
                      <Target entry={entry} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {paged || nextCursor ? (
          <nav className="pager" aria-label={t('audit.table.caption')}>
            {paged ? (
              <Link to="/settings/audit-log" className="button button--secondary button--small">
                {t('audit.newest')}
              </Link>
            ) : (
              <span />
            )}
            {nextCursor ? (
              <Link
                to={`?${new URLSearchParams({ cursor: nextCursor })}`}
                className="button button--secondary button--small"
              >
                {t('audit.older')}
              </Link>
            ) : null}
          </nav>
        ) : null}
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

/** `audit.actions.<action>` in the reader's language; an action this dashboard does not know yet shows as is. */
function ActionLabel({ action, t }: { action: string; t: TFunction }) {
  const key = `audit.actions.${action}`;
  if (isTranslationKey(key)) return <span data-action={action}>{t(key)}</span>;
  return <code className="table__mono">{action}</code>;
}

function Target({ entry }: { entry: AuditEntry }) {
  const details = prettyDetails(entry.details);
  if (!entry.target && !details) return null;
  return (
    <>
      {entry.target ? <span className="table__mono">{entry.target}</span> : null}
      {details ? <pre className="table__details">{details}</pre> : null}
    </>
  );
}

function prettyDetails(details: string | null | undefined): string | null {
  if (!details) return null;
  try {
    const parsed: unknown = JSON.parse(details);
    if (typeof parsed === 'object' && parsed !== null && Object.keys(parsed).length === 0) return null;
    return Object.entries(parsed as Record<string, unknown>)
      .map(([name, value]) => `${name}: ${detailValue(value)}`)
      .join('\n');
  } catch {
    return details;
  }
}

function detailValue(value: unknown): string {
  if (typeof value === 'string') return value;
  if (Array.isArray(value)) return value.map(detailValue).join(', ');
  return JSON.stringify(value);
}

export { InlineErrorBoundary as ErrorBoundary };
