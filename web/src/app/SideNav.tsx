import { NavLink, useLocation } from 'react-router-dom';
import { useSession } from '../lib/session.tsx';
import { visibleNavigation } from './navigation.ts';

/** The role-aware navigation: built capabilities the user may open, grouped; a drawer on phones. */
export function SideNav({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { can, roles, outsider } = useSession();
  const groups = visibleNavigation(can, roles, outsider);
  const { pathname } = useLocation();
  const paths = groups.flatMap((g) => g.items.map((i) => i.path));
  // /incidents stays lit on its own pages, but not on /incidents/calls, which has an entry of its own.
  const deeper = (path: string) =>
    paths.some((p) => p.startsWith(`${path}/`) && (pathname === p || pathname.startsWith(`${p}/`)));
  return (
    <nav id="app-nav" className={open ? 'side-nav is-open' : 'side-nav'} aria-label="Main">
      {open && (
        <div className="nav-drawer-head">
          <span className="nav-drawer-title">SRO Desk</span>
          <button type="button" className="icon-button" onClick={onClose} aria-label="Close navigation">
            <span aria-hidden="true">×</span>
          </button>
        </div>
      )}
      <ul>
        <li>
          <NavLink to="/" end>
            Dashboard
          </NavLink>
        </li>
      </ul>
      {groups.map((group) => (
        <div className="nav-group" key={group.name}>
          <h2 id={`nav-${group.name}`}>{group.name}</h2>
          <ul aria-labelledby={`nav-${group.name}`}>
            {group.items.map((item) => (
              <li key={item.path}>
                <NavLink to={item.path} end={deeper(item.path)}>
                  {item.label}
                </NavLink>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </nav>
  );
}
