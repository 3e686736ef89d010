import { useLocation } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Icon } from '../ui/icon';

/** A placeholder until sign-in exists: it shows where the account lives, and says honestly that it is not there yet. */
export function ProfileMenu() {
  const { t } = useTranslation();
  const menu = useDismissibleDetails();
  return (
    <details className="profile-menu" ref={menu}>
      <summary className="profile-menu__trigger">
        <span className="profile-menu__avatar">
          <Icon name="user" size={18} />
        </span>
        <span className="profile-menu__name">{t('shell.profile.account')}</span>
        <Icon name="chevronDown" size={16} className="profile-menu__chevron" />
      </summary>
      <div className="profile-menu__panel">
        <p className="profile-menu__notice">{t('shell.profile.notice')}</p>
        <ul className="profile-menu__list">
          <li>
            <button type="button" className="profile-menu__item" disabled>
              {t('shell.profile.profile')}
            </button>
          </li>
          <li>
            <button type="button" className="profile-menu__item" disabled>
              {t('shell.profile.signOut')}
            </button>
          </li>
        </ul>
      </div>
    </details>
  );
}

/**
 * A <details> opens and closes without JavaScript; with it, it also closes the way menus do: on a click elsewhere,
 * on Escape (focus back on the trigger), and after a navigation (the header is not re-rendered from scratch).
 */
function useDismissibleDetails() {
  const ref = useRef<HTMLDetailsElement>(null);
  const { key } = useLocation();

  useEffect(() => {
    ref.current?.removeAttribute('open');
  }, [key]);

  useEffect(() => {
    const onPointerDown = (event: PointerEvent) => {
      if (ref.current?.open && !ref.current.contains(event.target as Node)) ref.current.open = false;
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || !ref.current?.open) return;
      ref.current.open = false;
      ref.current.querySelector('summary')?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, []);

  return ref;
}
