import { NavLink } from 'react-router-dom';
import type { Permission } from '@common/permissions.ts';
import { useSession } from '../../lib/session.tsx';

const TABS: { to: string; label: string; permission: Permission }[] = [
  { to: '/education', label: 'Classes', permission: 'education.read' },
  { to: '/education/outreach', label: 'Outreach', permission: 'education.read' },
  { to: '/education/hours', label: 'Hours', permission: 'education.read' },
];

/** The permissions that open the education pages (teachers request, officers teach, readers look). */
export const EDUCATION_PERMISSIONS: readonly Permission[] = [
  'education.request',
  'education.read',
  'education.manage',
];

/** The sub-navigation of education programs: the pages of this capability the user may open. */
export function EducationTabs() {
  const { can } = useSession();
  const tabs = TABS.filter((t) => can(t.permission));
  if (tabs.length < 2) return null;
  return (
    <nav className="sub-tabs" aria-label="Education programs">
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
