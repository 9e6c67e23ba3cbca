import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { LanguageSwitcher } from '../components/LanguageSwitcher';
import { useLogout } from '../features/auth/hooks/use-auth-mutations';
import { useMe } from '../features/auth/hooks/use-me';
import { usePermissions } from '../features/auth/hooks/use-permissions';
import { buildNavigation } from '../features/navigation/nav';
import { ROUTES } from '../routes';

export function Brand() {
  const { t } = useTranslation();
  return (
    <div className="brand">
      <span className="brand-name">{t('app.name')}</span>
      <span className="brand-subtitle">
        {t('app.council')} · {t('app.area')}
      </span>
    </div>
  );
}

export function SkipLink() {
  const { t } = useTranslation();
  return (
    <a className="skip-link" href="#main">
      {t('app.skipToContent')}
    </a>
  );
}

export function AppLayout() {
  const { t } = useTranslation();
  const { data: me } = useMe();
  const permissions = usePermissions();
  const navigate = useNavigate();
  const logout = useLogout();
  const items = useMemo(() => buildNavigation(permissions), [permissions]);

  return (
    <div className="app">
      <SkipLink />
      <header className="app-header">
        <div className="header-inner">
          <Brand />
          <div className="header-tools">
            {me && (
              <p className="user-info">
                <span className="user-name">{me.name}</span>
                <span className="user-roles">{me.roles.map((role) => t(`roles.${role}`)).join(', ')}</span>
              </p>
            )}
            <LanguageSwitcher />
            <button
              type="button"
              className="button button-header"
              disabled={logout.isPending}
              onClick={() =>
                logout.mutate(undefined, { onSettled: () => navigate(ROUTES.login, { replace: true }) })
              }
            >
              {t('header.signOut')}
            </button>
          </div>
        </div>
      </header>
      <nav className="app-nav" aria-label={t('nav.label')}>
        <ul>
          {items.map((item) => (
            <li key={item.id}>
              <NavLink to={item.to} end={item.to === ROUTES.home}>
                {t(item.labelKey)}
              </NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" className="app-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="app-footer">
        <p>
          {t('app.name')} · {t('app.council')}
        </p>
      </footer>
    </div>
  );
}

/** The frame of the pages used before signing in. */
export function PublicLayout() {
  return (
    <div className="app app-public">
      <SkipLink />
      <header className="app-header">
        <div className="header-inner">
          <Brand />
          <div className="header-tools">
            <LanguageSwitcher />
          </div>
        </div>
      </header>
      <main id="main" className="app-main app-main-narrow" tabIndex={-1}>
        <Outlet />
      </main>
    </div>
  );
}
