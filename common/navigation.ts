import { maySee, PERMISSION_CATEGORY } from './need-to-know.js';
import type { Permission } from './permissions.js';
import type { Role } from './roles.js';

/** One entry of the navigation: a capability of the brief, shown once built and when permitted. */
export interface NavItem {
  capability: number;
  label: string;
  path: string;
  permission: Permission;
  built: boolean;
  /** Also shown to holders of these roles without the permission (their own records, e.g. an SRO's certifications). */
  alsoForRoles?: readonly Role[];
  group: 'Work' | 'Preparedness' | 'Campus' | 'Insight' | 'Administration';
}

/** Navigation for all 23 capabilities. `built: false` entries stay hidden until their module lands. */
export const NAVIGATION: readonly NavItem[] = [
  { capability: 2, label: 'Calls & incidents', path: '/incidents', permission: 'incident.read', built: true, group: 'Work' },
  // Campus security and school administrators take and follow calls without reading incidents.
  { capability: 2, label: 'Call queue', path: '/incidents/calls', permission: 'call.read', built: true, group: 'Work' },
  { capability: 2, label: 'Sealed records', path: '/incidents/sealed', permission: 'incident.unseal', built: true, group: 'Work' },
  { capability: 4, label: 'Discipline referrals', path: '/referrals/discipline', permission: 'discipline.receive', built: true, group: 'Work' },
  { capability: 4, label: 'Counseling referrals', path: '/referrals/counseling', permission: 'counseling.receive', built: true, group: 'Work' },
  { capability: 5, label: 'Patrols & checks', path: '/patrols', permission: 'patrol.read', built: true, group: 'Work' },
  { capability: 6, label: 'Activity log', path: '/activity', permission: 'activity.read', built: true, group: 'Work' },
  { capability: 7, label: 'Events', path: '/events', permission: 'event.read', built: true, group: 'Work' },
  { capability: 8, label: 'Notices & status', path: '/notices', permission: 'notice.read', built: true, group: 'Work' },
  { capability: 12, label: 'Threat assessment', path: '/threats', permission: 'threat.read', built: true, group: 'Work' },
  { capability: 13, label: 'Student support', path: '/support', permission: 'referral.read', built: true, group: 'Work' },
  // Teachers and counselors request classes; officers and readers hold education.read.
  { capability: 14, label: 'Education programs', path: '/education', permission: 'education.read', built: true, alsoForRoles: ['staff', 'counselor'], group: 'Work' },
  { capability: 20, label: 'Anonymous tips', path: '/tips', permission: 'tip.read', built: true, group: 'Work' },
  { capability: 9, label: 'Safety plans', path: '/plans', permission: 'plan.read', built: true, group: 'Preparedness' },
  { capability: 10, label: 'Drills', path: '/drills', permission: 'drill.read', built: true, group: 'Preparedness' },
  { capability: 11, label: 'Alerts', path: '/alerts', permission: 'alert.receive', built: true, group: 'Preparedness' },
  { capability: 11, label: 'Reunification', path: '/reunification', permission: 'reunification.manage', built: true, group: 'Preparedness' },
  { capability: 15, label: 'Staff training', path: '/training', permission: 'training.read', built: true, group: 'Preparedness' },
  { capability: 16, label: 'SRO certifications', path: '/certifications', permission: 'certification.manage', built: true, alsoForRoles: ['sro'], group: 'Preparedness' },
  { capability: 17, label: 'Safety equipment', path: '/equipment', permission: 'equipment.read', built: true, group: 'Campus' },
  { capability: 18, label: 'Security systems', path: '/security-systems', permission: 'security_system.read', built: true, group: 'Campus' },
  { capability: 18, label: 'Work orders', path: '/work-orders', permission: 'work_order.read', built: true, group: 'Campus' },
  { capability: 19, label: 'Security assessments', path: '/assessments', permission: 'assessment.read', built: true, group: 'Campus' },
  { capability: 21, label: 'Directory', path: '/directory', permission: 'directory.read', built: true, group: 'Insight' },
  { capability: 22, label: 'Reports & analytics', path: '/analytics', permission: 'analytics.read', built: true, group: 'Insight' },
  { capability: 1, label: 'Schools', path: '/schools', permission: 'school.read', built: true, group: 'Administration' },
  { capability: 1, label: 'SRO assignments', path: '/assignments', permission: 'assignment.read', built: true, group: 'Administration' },
  { capability: 1, label: 'Students', path: '/students', permission: 'student.read', built: true, group: 'Administration' },
  { capability: 1, label: 'Users', path: '/users', permission: 'user.manage', built: true, group: 'Administration' },
  { capability: 1, label: 'District settings', path: '/district', permission: 'district.manage', built: true, group: 'Administration' },
  { capability: 23, label: 'Data exchange', path: '/data', permission: 'import.run', built: true, group: 'Administration' },
  { capability: 1, label: 'Audit log', path: '/audit', permission: 'audit.read', built: true, group: 'Administration' },
  { capability: 23, label: 'School directory import', path: '/data/schools', permission: 'import.run', built: true, group: 'Administration' },
  { capability: 1, label: 'Districts', path: '/deployment', permission: 'deployment.manage', built: true, group: 'Administration' },
  { capability: 1, label: 'Backups', path: '/backups', permission: 'backup.run', built: true, group: 'Administration' },
  { capability: 1, label: 'Records retention', path: '/retention', permission: 'retention.manage', built: true, group: 'Administration' },
];

/**
 * The built entries a user may open: the permission held (or, for district staff, one of `alsoForRoles`), and never a
 * page whose data category the need-to-know table keeps from them (common/need-to-know.ts): the navigation shows
 * nothing the server refuses. An outside organization's staff get no role-based extras.
 */
export function navigationFor(can: (permission: Permission) => boolean, roles: readonly Role[], outsider: boolean): NavItem[] {
  return NAVIGATION.filter((item) => item.built
    && maySee(roles, outsider, PERMISSION_CATEGORY[item.permission])
    && (can(item.permission) || (!outsider && (item.alsoForRoles ?? []).some((r) => roles.includes(r)))));
}
