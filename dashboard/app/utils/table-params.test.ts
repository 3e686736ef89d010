import { cursorSearch, readCursor, readPageSize, readSort, sortRows, sortSearch } from './table-params';

const params = (search: string) => new URLSearchParams(search);

describe('table state in the URL', () => {
  it('reads a sort that names a sortable column, and falls back for anything else', () => {
    const sortable = ['name', 'joined'] as const;
    const fallback = { by: 'joined', dir: 'asc' } as const;
    expect(readSort(params('sort=name&dir=desc'), sortable, fallback)).toEqual({ by: 'name', dir: 'desc' });
    expect(readSort(params('sort=name'), sortable, fallback)).toEqual({ by: 'name', dir: 'asc' });
    expect(readSort(params('sort=password&dir=desc'), sortable, fallback)).toEqual(fallback);
    expect(readSort(params('sort=name&dir=sideways'), sortable, fallback)).toEqual({ by: 'name', dir: 'asc' });
  });

  it('flips the direction of the current column, starts another ascending, and forgets the cursor', () => {
    const current = { by: 'name', dir: 'asc' } as const;
    expect(sortSearch(params('q=ani&after=abc'), current, 'name')).toBe('?q=ani&sort=name&dir=desc');
    expect(sortSearch(params('sort=name&dir=desc'), { by: 'name', dir: 'desc' }, 'name')).toBe('?sort=name&dir=asc');
    expect(sortSearch(params(''), current, 'joined')).toBe('?sort=joined&dir=asc');
  });

  it('moves between cursor pages keeping the other parameters', () => {
    expect(cursorSearch(params('sort=name&dir=desc'), 'c2')).toBe('?sort=name&dir=desc&after=c2');
    expect(cursorSearch(params('sort=name&after=c2'), null)).toBe('?sort=name');
    expect(cursorSearch(params('after=c2'), null)).toBe('?');
    expect(readCursor(params('after=c2'))).toBe('c2');
    expect(readCursor(params('after='))).toBeNull();
  });

  it('reads a page size within bounds, and keeps it when moving to the next page', () => {
    const bounds = { fallback: 50, max: 200 };
    expect(readPageSize(params('first=20'), bounds)).toBe(20);
    expect(readPageSize(params(''), bounds)).toBe(50);
    expect(readPageSize(params('first=0'), bounds)).toBe(50);
    expect(readPageSize(params('first=201'), bounds)).toBe(50);
    expect(readPageSize(params('first=1e3'), bounds)).toBe(50);
    expect(cursorSearch(params('first=20'), 'c2')).toBe('?first=20&after=c2');
  });

  it('sorts in-memory rows by the chosen column in the reader language, missing values first ascending', () => {
    const rows = [
      { name: 'Zaki', used: '2025-01-02' },
      { name: 'ani', used: null },
      { name: 'Budi', used: '2025-01-01' },
    ];
    const values = { name: (r: (typeof rows)[number]) => r.name, used: (r: (typeof rows)[number]) => r.used };
    const collator = new Intl.Collator('id-ID');
    expect(sortRows(rows, { by: 'name', dir: 'asc' }, values, collator).map((r) => r.name)).toEqual([
      'ani',
      'Budi',
      'Zaki',
    ]);
    expect(sortRows(rows, { by: 'used', dir: 'desc' }, values, collator).map((r) => r.name)).toEqual([
      'Zaki',
      'Budi',
      'ani',
    ]);
    expect(sortRows(rows, { by: 'used', dir: 'asc' }, values, collator).map((r) => r.name)).toEqual([
      'ani',
      'Budi',
      'Zaki',
    ]);
  });
});
