import { Form, Link } from '@remix-run/react';
import { Button, buttonClass } from './button';
import type { Column } from './table';

/**
 * What a row of a table lets the reader do, named for screen readers with the row's own subject ("Revoke the
 * invitation of sari@example.co.id"). A `post` acts at once (a form with its intent and hidden fields); a `confirm`
 * opens the page's confirmation first (a link with `preventScrollReset`, so the table stays where it was).
 */
export type RowAction = { label: string; ariaLabel: string; danger?: boolean } & (
  { kind: 'post'; action: string; intent: string; fields: Record<string, string> } | { kind: 'confirm'; to: string }
);

/**
 * The tables' one actions column: its header read by screen readers only, its cell the row's actions as small
 * buttons (none for a row that allows none). The members and invitations tables use it.
 */
export function rowActionsColumn<Row>(header: string, actionsOf: (row: Row) => readonly RowAction[]): Column<Row> {
  return {
    id: 'actions',
    header,
    headerHidden: true,
    className: 'table__actions',
    cell: (row) => {
      const actions = actionsOf(row);
      return actions.length === 0 ? null : (
        <>
          {actions.map((action) => (
            <RowActionControl key={action.label} action={action} />
          ))}
        </>
      );
    },
  };
}

function RowActionControl({ action }: { action: RowAction }) {
  const variant = action.danger === false ? 'secondary' : 'ghost-danger';
  if (action.kind === 'confirm') {
    return (
      <Link
        to={action.to}
        className={buttonClass({ variant, size: 'small' })}
        aria-label={action.ariaLabel}
        preventScrollReset
      >
        {action.label}
      </Link>
    );
  }
  return (
    <Form method="post" action={action.action}>
      {Object.entries(action.fields).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <Button variant={variant} size="small" intent={action.intent} aria-label={action.ariaLabel}>
        {action.label}
      </Button>
    </Form>
  );
}
