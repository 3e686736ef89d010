import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import type { SortState } from '../../utils/table-params';
import { useDateTime } from '../../utils/use-date-time';
import { Badge } from '../ui/badge';
import { buttonClass } from '../ui/button';
import { Table, type Column } from '../ui/table';
import type { ApiTokenRow } from './types';

export function TokensTable({ tokens, sort }: { tokens: ApiTokenRow[]; sort: SortState }) {
  const { t } = useTranslation();
  const dateTime = useDateTime();
  const columns: Column<ApiTokenRow>[] = [
    {
      id: 'name',
      header: t('apiTokens.table.name'),
      sortable: true,
      cell: (token) => (
        <>
          <span className="table__primary">{token.name}</span>
          <span className="table__secondary table__mono" title={t('apiTokens.table.prefix')}>
            {`${token.prefix}…`}
          </span>
        </>
      ),
    },
    {
      id: 'permissions',
      header: t('apiTokens.table.permissions'),
      cell: (token) => (
        <details className="disclosure">
          <summary>{t('apiTokens.permissionCount', { count: token.permissions.length })}</summary>
          <ul className="disclosure__list">
            {token.permissions.map((permission) => (
              <li key={permission}>{t(`permissions.${permission}`)}</li>
            ))}
          </ul>
        </details>
      ),
    },
    {
      id: 'created',
      header: t('apiTokens.table.created'),
      sortable: true,
      className: 'table__nowrap',
      cell: (token) => (
        <>
          {dateTime(token.createdAt)}
          {token.createdBy ? (
            <span className="table__secondary">{t('apiTokens.createdBy', { name: token.createdBy.name })}</span>
          ) : null}
        </>
      ),
    },
    {
      id: 'lastUsed',
      header: t('apiTokens.table.lastUsed'),
      sortable: true,
      className: 'table__nowrap',
      cell: (token) => (token.lastUsedAt ? dateTime(token.lastUsedAt) : t('common.never')),
    },
    {
      id: 'status',
      header: t('apiTokens.table.status'),
      cell: (token) =>
        token.revokedAt ? (
          <>
            <Badge tone="danger">{t('apiTokens.revokedStatus')}</Badge>
            <span className="table__secondary table__nowrap">{dateTime(token.revokedAt)}</span>
          </>
        ) : (
          <Badge tone="success">{t('apiTokens.active')}</Badge>
        ),
    },
    {
      id: 'actions',
      header: t('apiTokens.table.actions'),
      headerHidden: true,
      className: 'table__actions',
      cell: (token) =>
        token.revokedAt ? null : (
          <Link
            to={`?revoke=${encodeURIComponent(token.id)}`}
            className={buttonClass({ variant: 'ghost-danger', size: 'small' })}
            aria-label={t('apiTokens.revokeLabel', { name: token.name })}
            preventScrollReset
          >
            {t('apiTokens.revoke')}
          </Link>
        ),
    },
  ];
  return (
    <Table
      caption={t('apiTokens.table.caption')}
      columns={columns}
      rows={tokens}
      rowKey={(token) => token.id}
      sort={sort}
      empty={t('apiTokens.empty')}
      rowProps={(token) => (token.revokedAt ? { className: 'table__row--muted' } : {})}
      testId="api-tokens"
    />
  );
}
