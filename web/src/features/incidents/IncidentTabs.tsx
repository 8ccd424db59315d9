import { NavLink } from 'react-router-dom';
import type { Permission } from '@common/permissions.ts';
import { useSession } from '../../lib/session.tsx';

const TABS: { to: string; label: string; permission: Permission }[] = [
  { to: '/incidents', label: 'Incidents', permission: 'incident.read' },
  { to: '/incidents/calls', label: 'Call queue', permission: 'call.read' },
  { to: '/incidents/review', label: 'Review queue', permission: 'incident.approve' },
  { to: '/incidents/tasks', label: 'Tasks', permission: 'incident.read' },
  { to: '/incidents/notification-rules', label: 'Notification rules', permission: 'incident.read' },
  { to: '/incidents/nibrs', label: 'NIBRS', permission: 'nibrs.submit' },
];

/** The sub-navigation of calls and incidents: the pages of this capability the user may open. */
export function IncidentTabs() {
  const { can } = useSession();
  const tabs = TABS.filter((t) => can(t.permission));
  if (tabs.length < 2) return null;
  return (
    <nav className="sub-tabs" aria-label="Calls and incidents">
      <ul>
        {tabs.map((t) => (
          <li key={t.to}>
            <NavLink to={t.to} end>
              {t.label}
            </NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
