import { NavLink, useLocation } from 'react-router-dom';
import { useSession } from '../../lib/session.tsx';

/** Dashboard, equity and CRDC: each tab shown only to those the server lets open it; filters carry over. */
export function AnalyticsTabs() {
  const { can } = useSession();
  const { search } = useLocation();
  const tabs = [
    { to: '/analytics', label: 'Dashboard', show: can('analytics.read') },
    { to: '/analytics/equity', label: 'Equity', show: can('analytics.equity') },
    { to: '/analytics/crdc', label: 'CRDC tables', show: can('report.export') },
  ].filter((t) => t.show);
  if (tabs.length < 2) return null;
  return (
    <nav className="sub-tabs" aria-label="Analytics">
      <ul>
        {tabs.map((t) => (
          <li key={t.to}>
            <NavLink to={`${t.to}${search}`} end>
              {t.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
