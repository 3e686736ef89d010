import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { translateMessage, type Message } from '../../utils/message';
import { Icon } from './icon';

export type AlertTone = 'danger' | 'success' | 'info' | 'warning';

/** A notice above a form or page. Errors are announced at once (`role="alert"`), the rest politely. */
export function Alert({ tone, children, title }: { tone: AlertTone; children: ReactNode; title?: string }) {
  return (
    <div className={`alert alert--${tone}`} role={tone === 'danger' ? 'alert' : 'status'}>
      <Icon name={tone === 'success' ? 'check' : 'alert'} size={18} className="alert__icon" />
      <div className="alert__body">
        {title ? <p className="alert__title">{title}</p> : null}
        {children}
      </div>
    </div>
  );
}

/** The form-level error of an action, if any. */
export function FormError({ message }: { message?: Message | null }) {
  const { t } = useTranslation();
  if (!message) return null;
  return (
    <Alert tone="danger">
      <p>{translateMessage(t, message)}</p>
    </Alert>
  );
}
