import { Suspense, useEffect, useRef, useState } from 'react';
import { Link, Outlet, useLocation } from 'react-router-dom';
import { AlertLayer } from '../features/alerts/AlertLayer.tsx';
import { LiveProvider, useLive } from '../features/alerts/live.tsx';
import { OfflineProvider } from '../lib/offline.tsx';
import { useSession } from '../lib/session.tsx';
import { OfflineBanner } from '../features/offline/OfflineBanner.tsx';
import { BrandMark } from './BrandMark.tsx';
import { SchoolSwitcher } from './SchoolSwitcher.tsx';
import { SideNav } from './SideNav.tsx';
import { UserMenu } from './UserMenu.tsx';
import { NotificationBell } from '../features/notifications/NotificationBell.tsx';
import { PageLoading } from './PageLoading.tsx';

/**
 * The signed-in frame: skip link, header (brand, school switcher, user menu), side navigation, main
 * column; and the live alert connection, whose full-screen alert makes everything else inert.
 */
export function AppShell() {
  const { user } = useSession();
  return (
    <LiveProvider>
      <OfflineProvider key={user?.id} userId={user?.id ?? ''}>
        <ShellFrame />
      </OfflineProvider>
    </LiveProvider>
  );
}

function ShellFrame() {
  const { session } = useSession();
  const { takeover } = useLive();
  const covered = takeover !== null;
  const location = useLocation();
  const [navOpen, setNavOpen] = useState(false);
  const [lastPath, setLastPath] = useState(location.pathname);
  const focusedPath = useRef(location.pathname);
  const menuButton = useRef<HTMLButtonElement>(null);

  // Close the phone drawer whenever the page changes (adjusting state while rendering, not in an effect).
  if (lastPath !== location.pathname) {
    setLastPath(location.pathname);
    setNavOpen(false);
  }

  // After a navigation move the focus to the new page's heading so screen readers announce it
  // (not on the first page, where focus starts at the top as usual).
  useEffect(() => {
    if (focusedPath.current === location.pathname) return;
    focusedPath.current = location.pathname;
    const heading = document.querySelector<HTMLElement>('#main h1');
    heading?.focus();
    window.scrollTo(0, 0);
  }, [location.pathname]);

  // The drawer exists only below 800 px; widening the window closes it so nothing stays inert.
  useEffect(() => {
    const wide = window.matchMedia('(min-width: 800px)');
    const onChange = () => {
      if (wide.matches) setNavOpen(false);
    };
    wide.addEventListener('change', onChange);
    return () => wide.removeEventListener('change', onChange);
  }, []);

  const closeNav = () => {
    setNavOpen(false);
    menuButton.current?.focus();
  };

  useEffect(() => {
    if (!navOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') closeNav();
    };
    document.addEventListener('keydown', onKey);
    document.querySelector<HTMLElement>('#app-nav a')?.focus();
    return () => document.removeEventListener('keydown', onKey);
  }, [navOpen]);

  return (
    <>
      <a className="skip-link" href="#main" inert={covered}>
        Skip to content
      </a>
      <header className="app-header" inert={navOpen || covered}>
        <button
          ref={menuButton}
          type="button"
          className="icon-button menu-button"
          aria-expanded={navOpen}
          aria-controls="app-nav"
          onClick={() => setNavOpen((open) => !open)}
        >
          <span aria-hidden="true">☰</span>
          <span className="visually-hidden">Menu</span>
        </button>
        <Link to="/" className="brand">
          <BrandMark />
          <span>SRO Desk</span>
          {session.district && <span className="brand-district">{session.district.name}</span>}
        </Link>
        <div className="header-tools">
          <SchoolSwitcher />
          <NotificationBell />
          <UserMenu />
        </div>
      </header>
      <div inert={navOpen || covered}>
        <AlertLayer position="top" />
        <OfflineBanner />
      </div>
      {session.district?.isDemo && (
        <p className="demo-ribbon" inert={navOpen || covered}>
          Demo district: the people and records here are made up.
        </p>
      )}
      <div className="app-body" inert={covered}>
        <div
          className={navOpen ? 'nav-backdrop is-open' : 'nav-backdrop'}
          onClick={closeNav}
          aria-hidden="true"
        />
        <SideNav open={navOpen} onClose={closeNav} />
        <main id="main" className="main" tabIndex={-1} inert={navOpen}>
          <Suspense fallback={<PageLoading />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
      <AlertLayer position="overlay" />
    </>
  );
}
