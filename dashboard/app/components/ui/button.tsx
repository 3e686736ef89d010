import { useFormAction, useNavigation } from '@remix-run/react';
import type { ButtonHTMLAttributes, ReactNode } from 'react';

export type ButtonVariant = 'primary' | 'secondary' | 'danger' | 'ghost-danger';

export interface ButtonProps extends Omit<ButtonHTMLAttributes<HTMLButtonElement>, 'value'> {
  variant?: ButtonVariant;
  size?: 'normal' | 'small';
  block?: boolean;
  /** The form's `intent`: sent as `name="intent" value=...`, and what `useIsPending` matches. */
  intent?: string;
  /** Shown instead of the label while the submission is on its way (the label stays for screen readers). */
  pendingLabel?: ReactNode;
  /** Forces the pending state (a fetcher's own state, say); otherwise it follows the page's navigation. */
  pending?: boolean;
  children: ReactNode;
}

/** The class list of a button-looking element, for links styled as buttons too. */
export function buttonClass({
  variant = 'primary',
  size = 'normal',
  block = false,
  className,
}: Pick<ButtonProps, 'variant' | 'size' | 'block' | 'className'>): string {
  return ['button', `button--${variant}`, size === 'small' && 'button--small', block && 'button--block', className]
    .filter(Boolean)
    .join(' ');
}

/**
 * True while this route's form with `intent` (or any POST to `formAction` when no intent is given) is being
 * submitted. The Epic Stack's `useIsPending`, narrowed by intent because our pages hold several forms.
 */
export function useIsPending({ formAction, intent }: { formAction?: string; intent?: string } = {}): boolean {
  const navigation = useNavigation();
  const currentAction = useFormAction();
  if (navigation.state === 'idle' || !navigation.formMethod) return false;
  if (navigation.formMethod.toUpperCase() !== 'POST') return false;
  // Paths only: a form without `action` posts to the current URL with its search (`?remove=...`).
  if (pathOf(navigation.formAction) !== pathOf(formAction ?? currentAction)) return false;
  return intent === undefined || navigation.formData?.get('intent') === intent;
}

function pathOf(action: string | undefined): string {
  return (action ?? '').split('?')[0] ?? '';
}

/**
 * The one submit button: while its own submission is pending it is busy (`aria-busy`, disabled against a second
 * click) and shows `pendingLabel`. A plain button without JavaScript.
 */
export function Button({
  variant,
  size,
  block,
  intent,
  pendingLabel,
  pending,
  type = 'submit',
  className,
  children,
  disabled,
  ...rest
}: ButtonProps) {
  const navigationPending = useIsPending({ intent, formAction: rest.formAction });
  const busy = pending ?? (type === 'submit' && intent !== undefined && navigationPending);
  return (
    <button
      {...rest}
      type={type}
      {...(intent !== undefined ? { name: 'intent', value: intent } : {})}
      className={buttonClass({ variant, size, block, className })}
      disabled={disabled || busy}
      aria-busy={busy || undefined}
      data-pending={busy || undefined}
    >
      {busy ? <span className="button__spinner" aria-hidden="true" /> : null}
      {busy && pendingLabel ? pendingLabel : children}
    </button>
  );
}
