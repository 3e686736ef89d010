import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Toast } from '../../utils/toast';
import { translateMessage } from '../../utils/message';
import { Icon } from './icon';

const VISIBLE_MS = 6_000;

/**
 * Where toasts appear (once, in the root layout). A polite live region, so screen readers announce the notice;
 * it hides itself after a few seconds or on its close button. Without JavaScript it simply stays on the page.
 */
export function Toaster({ toast }: { toast: Toast | null }) {
  const { t } = useTranslation();
  const [dismissed, setDismissed] = useState<string | null>(null);

  useEffect(() => {
    if (!toast) return;
    const timer = setTimeout(() => setDismissed(toast.id), VISIBLE_MS);
    return () => clearTimeout(timer);
  }, [toast]);

  const visible = toast && dismissed !== toast.id ? toast : null;
  return (
    <div className="toaster" role="status" aria-live="polite">
      {visible ? (
        <div className={`toast toast--${visible.type}`} data-testid="toast" key={visible.id}>
          <Icon name={visible.type === 'error' ? 'alert' : 'check'} size={18} className="toast__icon" />
          <p className="toast__text">{translateMessage(t, { key: visible.key, params: visible.params })}</p>
          <button
            type="button"
            className="toast__close"
            aria-label={t('ui.toast.dismiss')}
            onClick={() => setDismissed(visible.id)}
          >
            <Icon name="close" size={16} />
          </button>
        </div>
      ) : null}
    </div>
  );
}
