import { Form, Link, useLocation } from '@remix-run/react';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CurrentUser } from '../../utils/user';
import { roleLabel } from '../../utils/permissions';
import { Icon } from '../ui/icon';
import { allowed, settingsLinks } from './nav-items';

export type ShellUser = Pick<CurrentUser, 'name' | 'email' | 'workspace' | 'role' | 'permissions'>;

/** The account menu: who is signed in and where, the identity pages their role may open, and sign-out. */
export function ProfileMenu({ user }: { user: ShellUser }) {
  const { t } = useTranslation();
  const menu = useDismissibleDetails();
  const links = allowed(settingsLinks, user.permissions);
  return (
    <details className="profile-menu" ref={menu}>
      <summary className="profile-menu__trigger" aria-label={t('shell.profile.menuLabel', { name: user.name })}>
        <span className="profile-menu__avatar">
          <Icon name="user" size={18} />
        </span>
        <span className="profile-menu__name">{user.name}</span>
        <Icon name="chevronDown" size={16} className="profile-menu__chevron" />
      </summary>
      <div className="profile-menu__panel">
        <div className="profile-menu__who">
          <p className="profile-menu__user">{user.name}</p>
          <p className="profile-menu__email">{user.email}</p>
          <p className="profile-menu__workspace">
            {user.workspace && user.role
              ? t('shell.profile.workspaceRole', { workspace: user.workspace.name, role: roleLabel(t, user.role) })
              : t('shell.profile.noWorkspace')}
          </p>
        </div>
        <ul className="profile-menu__list">
          {links.map((link) => (
            <li key={link.to}>
              <Link to={link.to} className="profile-menu__item">
                <Icon name={link.icon} size={16} />
                {t(link.menuKey)}
              </Link>
            </li>
          ))}
          <li className="profile-menu__separator">
            <Form method="post" action="/logout">
              <button type="submit" className="profile-menu__item">
                <Icon name="logOut" size={16} />
                {t('shell.profile.signOut')}
              </button>
            </Form>
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
export function useDismissibleDetails() {
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
