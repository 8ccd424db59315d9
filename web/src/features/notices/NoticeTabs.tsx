import { NavLink } from 'react-router-dom';
import { useSession } from '../../lib/session.tsx';

/** The sub-navigation of communications: status and notices, meetings, MOU and expectations. */
export function NoticeTabs() {
  const { can } = useSession();
  const tabs = [
    { to: '/notices', label: 'Status & notices', show: can('notice.read') },
    { to: '/meetings', label: 'Meetings', show: can('meeting.manage') },
    { to: '/meetings/documents', label: 'MOU & expectations', show: can('meeting.manage') },
  ].filter((t) => t.show);
  if (tabs.length < 2) return null;
  return (
    <nav className="sub-tabs" aria-label="Communications">
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
