import { NavLink } from 'react-router-dom';
import type { Permission } from '@common/permissions.ts';
import { useSession } from '../../lib/session.tsx';

const TABS: { to: string; label: string; permission: Permission }[] = [
  { to: '/support', label: 'Referrals', permission: 'referral.read' },
  { to: '/support/mentoring', label: 'Mentoring & mediation', permission: 'support.read' },
  { to: '/support/reentry', label: 'Re-entry plans', permission: 'support.plan' },
  { to: '/support/teams', label: 'Problem-solving teams', permission: 'support.plan' },
];

/** The permissions that open some student-support page. */
export const SUPPORT_PERMISSIONS: readonly Permission[] = [
  'referral.read',
  'referral.create',
  'support.read',
  'support.plan',
  'support.oversee',
];

/** The sub-navigation of student support: the pages of this capability the user may open. */
export function SupportTabs() {
  const { can } = useSession();
  const tabs = TABS.filter(
    (t) =>
      can(t.permission) ||
      (t.to === '/support' && can('referral.create')) ||
      (t.permission === 'support.plan' && can('support.oversee')),
  );
  if (tabs.length < 2) return null;
  return (
    <nav className="sub-tabs" aria-label="Student support">
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
