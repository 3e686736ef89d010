import { Link, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { cursorSearch, CURSOR_PARAM } from '../../utils/table-params';
import { buttonClass } from './button';
import { Icon } from './icon';

/**
 * Cursor paging (`?after=<cursor>`): "First page" and "Next". A cursor list has no page numbers or "previous"
 * (the API hands out only the next cursor), and it stays stable while rows are added, which offsets are not.
 */
export function Pagination({ nextCursor, label }: { nextCursor: string | null; label: string }) {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const paged = params.has(CURSOR_PARAM);
  if (!paged && !nextCursor) return null;
  return (
    <nav className="pager" aria-label={label}>
      {paged ? (
        <Link to={cursorSearch(params, null)} className={buttonClass({ variant: 'secondary', size: 'small' })}>
          {t('ui.pagination.first')}
        </Link>
      ) : (
        <span />
      )}
      {nextCursor ? (
        <Link
          to={cursorSearch(params, nextCursor)}
          className={buttonClass({ variant: 'secondary', size: 'small' })}
          rel="next"
        >
          {t('ui.pagination.next')}
          <Icon name="chevronRight" size={16} />
        </Link>
      ) : null}
    </nav>
  );
}
