import { useNavigation } from '@remix-run/react';
import { useEffect, useRef } from 'react';

/**
 * Empties a form once a submission has gone through (the page is idle again and the action refused nothing).
 * A Remix redirect back to the same page keeps the inputs as they were, and an access token must not stay in a
 * field after it was saved.
 */
export function useResetAfterSuccess(refused: boolean) {
  const form = useRef<HTMLFormElement>(null);
  const { state } = useNavigation();
  useEffect(() => {
    if (state === 'idle' && !refused) form.current?.reset();
  }, [state, refused]);
  return form;
}
