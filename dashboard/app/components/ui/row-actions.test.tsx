/** @jest-environment jsdom */
import { screen, within } from '@testing-library/react';
import { renderInRemix } from '../../../test/support/render';
import { rowActionsColumn } from './row-actions';
import { Table, type Column } from './table';

interface Row {
  id: string;
  email: string;
  self?: boolean;
}

const rows: Row[] = [
  { id: 'inv-1', email: 'sari@example.co.id' },
  { id: 'inv-2', email: 'budi@example.co.id', self: true },
];

function render(column: Column<Row>) {
  return renderInRemix(
    () => (
      <Table
        caption="Invitations"
        columns={[{ id: 'email', header: 'E-mail', cell: (row) => row.email }, column]}
        rows={rows}
        rowKey={(row) => row.id}
        empty="-"
      />
    ),
    { lng: 'en', path: '/settings/members' },
  );
}

describe('rowActionsColumn', () => {
  it('posts an action at once: its form carries the intent and the row’s id, named with the row’s subject', async () => {
    render(
      rowActionsColumn<Row>('Actions', (row) => [
        {
          kind: 'post',
          action: '/settings/members',
          intent: 'revokeInvitation',
          fields: { invitationId: row.id },
          label: 'Revoke',
          ariaLabel: `Revoke the invitation of ${row.email}`,
        },
      ]),
    );
    const button = await screen.findByRole('button', { name: 'Revoke the invitation of sari@example.co.id' });
    expect(button.textContent).toBe('Revoke');
    expect(button.getAttribute('name')).toBe('intent');
    expect(button.getAttribute('value')).toBe('revokeInvitation');
    const form = button.closest('form')!;
    expect(form.getAttribute('method')).toBe('post');
    expect(form.getAttribute('action')).toBe('/settings/members');
    expect((form.querySelector('input[name="invitationId"]') as HTMLInputElement).value).toBe('inv-1');
    // The header is for screen readers only; the cell is an actions cell.
    const header = screen.getByRole('columnheader', { name: 'Actions' });
    expect(header.querySelector('.visually-hidden')).not.toBeNull();
    expect(button.closest('td')!.className).toContain('table__actions');
  });

  it('links a destructive action to its confirmation, and leaves a row that allows none empty', async () => {
    render(
      rowActionsColumn<Row>('Actions', (row) =>
        row.self
          ? []
          : [{ kind: 'confirm', to: `?remove=${row.id}`, label: 'Remove', ariaLabel: `Remove ${row.email}` }],
      ),
    );
    const link = await screen.findByRole('link', { name: 'Remove sari@example.co.id' });
    expect(link.getAttribute('href')).toBe('/settings/members?remove=inv-1');
    const selfRow = screen.getByText('budi@example.co.id').closest('tr')!;
    expect(within(selfRow).queryByRole('link')).toBeNull();
    expect(within(selfRow).queryByRole('button')).toBeNull();
  });
});
