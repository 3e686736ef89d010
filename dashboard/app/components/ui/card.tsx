import { useId, type ReactNode } from 'react';
import { Icon, type IconName } from './icon';

export function Card({
  title,
  icon,
  action,
  children,
  className,
  id,
}: {
  title: string;
  icon?: IconName;
  action?: ReactNode;
  children: ReactNode;
  className?: string;
  /** A link's target (`/wallet#topup`). */
  id?: string;
}) {
  const headingId = useId();
  return (
    <section id={id} className={['card', className].filter(Boolean).join(' ')} aria-labelledby={headingId}>
      <header className="card__header">
        <h2 className="card__title" id={headingId}>
          {icon ? <Icon name={icon} size={18} className="card__icon" /> : null}
          {title}
        </h2>
        {action}
      </header>
      <div className="card__body">{children}</div>
    </section>
  );
}
