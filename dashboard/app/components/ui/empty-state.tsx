import { Link } from '@remix-run/react';

/**
 * What an empty list says: what is missing and what to do next, with a link to do it when the reader may (the
 * sentence alone otherwise, saying who can).
 */
export function EmptyState({ text, action }: { text: string; action?: { to: string; label: string } | null }) {
  return (
    <>
      {text}
      {action ? (
        <>
          {' '}
          <Link to={action.to}>{action.label}</Link>
        </>
      ) : null}
    </>
  );
}
