import { useNavigate } from '@remix-run/react';
import { useEffect, useId, useRef, type ReactNode } from 'react';

export interface DialogProps {
  title: string;
  /** Where closing leads (the page without its `?remove=`-style parameter). */
  closeTo: string;
  /** The sentence under the title, read out with it. */
  description?: string;
  tone?: 'danger' | 'neutral';
  children: ReactNode;
}

/**
 * A modal dialog on the native `<dialog>`: the browser traps focus, makes the page behind it inert and closes
 * on Escape. The server renders it open, so without JavaScript it is an ordinary panel; with JavaScript it is
 * promoted to a modal (`showModal`), and closing it navigates to `closeTo`. Opened by a URL (`?revoke=<id>`), so
 * it needs no client state and survives a reload.
 */
export function Dialog({ title, closeTo, description, tone = 'neutral', children }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const navigate = useNavigate();
  const id = useId();

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog || typeof dialog.showModal !== 'function') return;
    // Rendered open (for readers without JavaScript); showModal() refuses an open dialog, and close() would
    // queue a `close` event that the listener below would take for the reader closing it.
    dialog.removeAttribute('open');
    dialog.showModal();
    const onClose = () => navigate(closeTo, { replace: true, preventScrollReset: true });
    dialog.addEventListener('close', onClose);
    return () => {
      dialog.removeEventListener('close', onClose);
      // Unmounting after a submission: leave no modal behind on the next page.
      if (dialog.open) dialog.close();
    };
  }, [closeTo, navigate]);

  return (
    <dialog
      ref={ref}
      open
      className={`dialog dialog--${tone}`}
      aria-labelledby={`${id}-title`}
      aria-describedby={description ? `${id}-body` : undefined}
    >
      <h2 className="dialog__title" id={`${id}-title`}>
        {title}
      </h2>
      {description ? (
        <p className="dialog__body" id={`${id}-body`}>
          {description}
        </p>
      ) : null}
      {children}
    </dialog>
  );
}
