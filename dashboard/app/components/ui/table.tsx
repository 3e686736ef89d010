import { Link, useSearchParams } from '@remix-run/react';
import type { HTMLAttributes, ReactNode } from 'react';
import { sortSearch, type SortState } from '../../utils/table-params';
import { Icon } from './icon';

export interface Column<Row> {
  id: string;
  header: ReactNode;
  /** The header is read by screen readers only (an actions column). */
  headerHidden?: boolean;
  cell: (row: Row) => ReactNode;
  /** The column's header becomes a link that sorts by it (`?sort=<id>&dir=`); the loader applies the order. */
  sortable?: boolean;
  /** Classes of the column's cells (`table__nowrap`, `table__actions`, `table__mono`). */
  className?: string;
}

export interface TableProps<Row> {
  /** Names the table and its scroll region for screen readers. */
  caption: string;
  columns: readonly Column<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
  /** Shown instead of the table when there are no rows. */
  empty: ReactNode;
  /** The order the rows are in (from `readSort` in the loader), for `aria-sort` and the header links. */
  sort?: SortState;
  rowProps?: (row: Row) => HTMLAttributes<HTMLTableRowElement>;
  testId?: string;
}

/**
 * The one data table. Wider than its card, it scrolls inside its own region and never widens the page: the
 * region is the containing block of everything in it (`position: relative`), so even visually hidden text, which
 * is absolutely positioned, stays inside instead of stretching the document.
 */
export function Table<Row>({ caption, columns, rows, rowKey, empty, sort, rowProps, testId }: TableProps<Row>) {
  if (rows.length === 0) {
    return (
      <p className="table-empty" data-testid={testId ? `${testId}-empty` : undefined}>
        {empty}
      </p>
    );
  }
  return (
    // Focusable so that keyboard users can scroll a wide table sideways.
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="table" data-testid={testId}>
        <caption className="visually-hidden">{caption}</caption>
        <thead>
          <tr>
            {columns.map((column) => (
              <HeaderCell key={column.id} column={column} sort={sort} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} {...rowProps?.(row)}>
              {columns.map((column) => (
                <td key={column.id} className={column.className}>
                  {column.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function HeaderCell<Row>({ column, sort }: { column: Column<Row>; sort?: SortState }) {
  const [params] = useSearchParams();
  const label = column.headerHidden ? <span className="visually-hidden">{column.header}</span> : column.header;
  if (!column.sortable || !sort) {
    return (
      <th scope="col" className={column.className}>
        {label}
      </th>
    );
  }
  const active = sort.by === column.id;
  return (
    <th
      scope="col"
      className={column.className}
      aria-sort={active ? (sort.dir === 'asc' ? 'ascending' : 'descending') : 'none'}
    >
      <Link to={sortSearch(params, sort, column.id)} className="table__sort" preventScrollReset>
        {label}
        <Icon
          name={active ? (sort.dir === 'asc' ? 'chevronUp' : 'chevronDown') : 'chevronUpDown'}
          size={14}
          className="table__sort-icon"
        />
      </Link>
    </th>
  );
}
