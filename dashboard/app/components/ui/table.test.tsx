/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import { renderInRemix } from '../../../test/support/render';
import { Table, type Column } from './table';

interface Row {
  id: string;
  name: string;
}

const removeLabel = 'Remove';

const columns: Column<Row>[] = [
  { id: 'name', header: 'Name', sortable: true, cell: (row) => row.name },
  { id: 'actions', header: 'Actions', headerHidden: true, cell: () => <button type="button">{removeLabel}</button> },
];

describe('Table', () => {
  it('shows the empty state instead of a table without rows', async () => {
    renderInRemix(
      () => <Table caption="Members" columns={columns} rows={[]} rowKey={(row) => row.id} empty="No members yet." />,
      { lng: 'en', path: '/settings/members' },
    );
    expect(await screen.findByText('No members yet.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });

  it('sits in a named, focusable scroll region that holds the hidden caption and headers too', async () => {
    const { container } = renderInRemix(
      () => (
        <Table
          caption="Members"
          columns={columns}
          rows={[{ id: '1', name: 'Sari' }]}
          rowKey={(row) => row.id}
          empty="-"
          sort={{ by: 'name', dir: 'asc' }}
        />
      ),
      { lng: 'en', path: '/settings/members?after=c1' },
    );
    const region = await screen.findByRole('region', { name: 'Members' });
    expect(region.getAttribute('tabindex')).toBe('0');
    expect(region.className).toBe('table-scroll');
    // Every visually hidden element is a descendant of the region (which is its containing block in CSS).
    for (const hidden of container.querySelectorAll('.visually-hidden')) expect(region.contains(hidden)).toBe(true);
    expect(within(region).getByRole('table', { name: 'Members' })).toBeTruthy();
  });

  it('marks the sorted column and links its header to the opposite order, dropping the cursor', async () => {
    renderInRemix(
      () => (
        <Table
          caption="Members"
          columns={columns}
          rows={[{ id: '1', name: 'Sari' }]}
          rowKey={(row) => row.id}
          empty="-"
          sort={{ by: 'name', dir: 'asc' }}
        />
      ),
      { lng: 'en', path: '/settings/members?after=c1' },
    );
    const header = await screen.findByRole('columnheader', { name: 'Name' });
    expect(header.getAttribute('aria-sort')).toBe('ascending');
    expect(within(header).getByRole('link').getAttribute('href')).toBe('/settings/members?sort=name&dir=desc');
    expect(screen.getByRole('columnheader', { name: 'Actions' }).getAttribute('aria-sort')).toBeNull();
  });
});
