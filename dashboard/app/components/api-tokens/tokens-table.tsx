import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatDateTime } from '../../utils/format';
import type { Language } from '../../utils/language';
import { Badge } from '../ui/badge';
import type { ApiTokenRow } from './types';

export function TokensTable({ tokens }: { tokens: ApiTokenRow[] }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language as Language;
  if (tokens.length === 0) return <p className="card__note card__padded">{t('apiTokens.empty')}</p>;
  return (
    <div className="table-wrap">
      <table className="table" data-testid="api-tokens">
        <thead>
          <tr>
            <th scope="col">{t('apiTokens.table.name')}</th>
            <th scope="col">{t('apiTokens.table.prefix')}</th>
            <th scope="col">{t('apiTokens.table.permissions')}</th>
            <th scope="col">{t('apiTokens.table.created')}</th>
            <th scope="col">{t('apiTokens.table.lastUsed')}</th>
            <th scope="col">{t('apiTokens.table.status')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('apiTokens.table.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {tokens.map((token) => (
            <tr key={token.id} className={token.revokedAt ? 'table__row--muted' : undefined}>
              <td className="table__primary">{token.name}</td>
              <td className="table__mono">{`${token.prefix}…`}</td>
              <td>
                <details className="disclosure">
                  <summary>{t('apiTokens.permissionCount', { count: token.permissions.length })}</summary>
                  <ul className="disclosure__list">
                    {token.permissions.map((permission) => (
                      <li key={permission}>{t(`permissions.${permission}`)}</li>
                    ))}
                  </ul>
                </details>
              </td>
              <td className="table__nowrap">
                {formatDateTime(token.createdAt, lng)}
                {token.createdBy ? (
                  <span className="table__secondary">{t('apiTokens.createdBy', { name: token.createdBy.name })}</span>
                ) : null}
              </td>
              <td className="table__nowrap">
                {token.lastUsedAt ? formatDateTime(token.lastUsedAt, lng) : t('common.never')}
              </td>
              <td>
                {token.revokedAt ? (
                  <Badge tone="danger">
                    {t('apiTokens.revokedAt', { date: formatDateTime(token.revokedAt, lng) })}
                  </Badge>
                ) : (
                  <Badge tone="success">{t('apiTokens.active')}</Badge>
                )}
              </td>
              <td className="table__actions">
                {token.revokedAt ? null : (
                  <Link
                    to={`?revoke=${encodeURIComponent(token.id)}`}
                    className="button button--ghost-danger button--small"
                    aria-label={t('apiTokens.revokeLabel', { name: token.name })}
                  >
                    {t('apiTokens.revoke')}
                  </Link>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
