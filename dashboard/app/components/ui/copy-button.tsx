import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from './icon';

/**
 * Copies `value` to the clipboard. Rendered only once JavaScript runs (the value is also on the page, selectable,
 * for readers without it), and only where the Clipboard API exists (secure contexts).
 */
export function CopyButton({ value, label }: { value: string; label?: string }) {
  const { t } = useTranslation();
  const [available, setAvailable] = useState(false);
  const [copied, setCopied] = useState(false);

  useEffect(() => setAvailable(typeof navigator !== 'undefined' && Boolean(navigator.clipboard)), []);
  useEffect(() => {
    if (!copied) return;
    const timer = setTimeout(() => setCopied(false), 2_000);
    return () => clearTimeout(timer);
  }, [copied]);

  if (!available) return null;
  return (
    <button
      type="button"
      className="button button--secondary button--small"
      aria-label={label}
      onClick={() => {
        void navigator.clipboard.writeText(value).then(() => setCopied(true));
      }}
    >
      <Icon name={copied ? 'check' : 'copy'} size={16} />
      <span aria-live="polite">{copied ? t('common.copied') : t('common.copy')}</span>
    </button>
  );
}
