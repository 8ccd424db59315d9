import { NavLink } from 'react-router-dom';
import {
  SECURITY_SYSTEM_KINDS,
  SECURITY_SYSTEM_KIND_LABELS,
  SECURITY_SYSTEM_STATUSES,
  SECURITY_SYSTEM_STATUS_LABELS,
  type SecuritySystemStatus,
} from '@common/security-systems.ts';
import { Badge } from '../../components/Badge.tsx';
import { useSession } from '../../lib/session.tsx';
import type { Option } from '../../components/Field.tsx';

/** Kinds as select options. */
export const KIND_OPTIONS: Option[] = SECURITY_SYSTEM_KINDS.map((k) => ({
  value: k,
  label: SECURITY_SYSTEM_KIND_LABELS[k],
}));
/** Statuses as select options. */
export const STATUS_OPTIONS: Option[] = SECURITY_SYSTEM_STATUSES.map((s) => ({
  value: s,
  label: SECURITY_SYSTEM_STATUS_LABELS[s],
}));

/** Badge tone of a status. */
export const STATUS_TONE: Record<SecuritySystemStatus, 'success' | 'warning' | 'danger'> = {
  working: 'success',
  degraded: 'warning',
  offline: 'danger',
};

const SYMBOL: Record<SecuritySystemStatus, string> = { working: '✓', degraded: '!', offline: '✕' };

/** A status as a badge with a symbol, so colour is not the only cue. */
export function SystemStatusBadge({ status }: { status: SecuritySystemStatus }) {
  return (
    <Badge tone={STATUS_TONE[status]}>
      {SYMBOL[status]} {SECURITY_SYSTEM_STATUS_LABELS[status]}
    </Badge>
  );
}

/** The sub-navigation of security systems: one school, or the district's outages by school. */
export function SystemTabs() {
  // The view of every school is worth a tab only to someone with more than one school.
  if (useSession().schools.length < 2) return null;
  return (
    <nav className="sub-tabs" aria-label="Security systems">
      <ul>
        <li>
          <NavLink to="/security-systems" end>
            School status
          </NavLink>
        </li>
        <li>
          <NavLink to="/security-systems/district" end>
            District overview
          </NavLink>
        </li>
      </ul>
    </nav>
  );
}
