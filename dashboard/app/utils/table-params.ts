/**
 * A table's state lives in the URL (`?sort=name&dir=desc&after=<cursor>`), so a sorted or paged view survives a
 * reload, can be shared, and works without JavaScript. Loaders read it with these; components with `useSearchParams`.
 */

export type SortDirection = 'asc' | 'desc';

export interface SortState<Key extends string = string> {
  by: Key;
  dir: SortDirection;
}

export const SORT_PARAM = 'sort';
export const DIRECTION_PARAM = 'dir';
export const CURSOR_PARAM = 'after';
export const PAGE_SIZE_PARAM = 'first';

/** The sort the URL asks for, if it names a sortable column; otherwise `fallback` (never an error: it is a link). */
export function readSort<Key extends string>(
  params: URLSearchParams,
  sortable: readonly Key[],
  fallback: SortState<Key>,
): SortState<Key> {
  const by = params.get(SORT_PARAM);
  const dir = params.get(DIRECTION_PARAM);
  if (!by || !(sortable as readonly string[]).includes(by)) return fallback;
  return { by: by as Key, dir: dir === 'desc' ? 'desc' : 'asc' };
}

/** The cursor after which the page starts (`?after=`); absent on the first page. */
export function readCursor(params: URLSearchParams): string | null {
  return params.get(CURSOR_PARAM) || null;
}

/**
 * How many rows a page holds (`?first=`, the API's own name for it): a whole number up to `max`, else `fallback`.
 * Kept by the pagination links, so "next" keeps the size the reader picked.
 */
export function readPageSize(params: URLSearchParams, { fallback, max }: { fallback: number; max: number }): number {
  const raw = params.get(PAGE_SIZE_PARAM);
  if (!raw || !/^\d{1,4}$/.test(raw)) return fallback;
  const size = Number(raw);
  return size >= 1 && size <= max ? size : fallback;
}

/**
 * The search string for sorting by `by`: the same column flips its direction, another starts ascending. The
 * cursor is dropped, since it belongs to the old order.
 */
export function sortSearch(params: URLSearchParams, current: SortState, by: string): string {
  const next = new URLSearchParams(params);
  next.set(SORT_PARAM, by);
  next.set(DIRECTION_PARAM, current.by === by && current.dir === 'asc' ? 'desc' : 'asc');
  next.delete(CURSOR_PARAM);
  return `?${next}`;
}

/** The search string of another page: `after` set (or removed for the first page), everything else kept. */
export function cursorSearch(params: URLSearchParams, after: string | null): string {
  const next = new URLSearchParams(params);
  if (after) next.set(CURSOR_PARAM, after);
  else next.delete(CURSOR_PARAM);
  const search = next.toString();
  return search ? `?${search}` : '?';
}

type SortValue = string | number | boolean | null | undefined;

/**
 * Sorts a list that is already in memory (a workspace's roles, tokens, sessions). Large lists (contacts,
 * campaigns, wallet history) sort in the API instead and pass the same `SortState` to it.
 */
export function sortRows<Row, Key extends string>(
  rows: readonly Row[],
  sort: SortState<Key>,
  values: Record<Key, (row: Row) => SortValue>,
  collator: Intl.Collator,
): Row[] {
  const value = values[sort.by];
  const factor = sort.dir === 'asc' ? 1 : -1;
  return [...rows].sort((a, b) => factor * compare(value(a), value(b), collator));
}

function compare(a: SortValue, b: SortValue, collator: Intl.Collator): number {
  // Missing values (a token never used) come first ascending, last descending.
  if (a === b) return 0;
  if (a === null || a === undefined) return -1;
  if (b === null || b === undefined) return 1;
  if (typeof a === 'string' && typeof b === 'string') return collator.compare(a, b);
  return Number(a) - Number(b);
}
