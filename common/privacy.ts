import { PERMISSIONS, ROLE_PERMISSIONS, type Permission } from './permissions.js';
import type { Role } from './roles.js';

/**
 * The need-to-know model of SRO Desk, in one place. Every API route returns one category of data; the
 * category of a route is its `config.category` or, by default, the category of its permission. The table
 * `CATEGORY_REACH` says how far each role reaches into each category; users from an outside organization
 * (a vendor's clinician, a community program, a probation office) are capped by `OUTSIDE_REACH` whatever
 * their role. The server enforces it on every route (server/auth/privacy.ts) and docs/PRIVACY.md is
 * generated from it (`npm run docs:privacy`).
 */
export const DATA_CATEGORIES = ['law_enforcement', 'education', 'health', 'tip', 'operational', 'directory'] as const;
export type DataCategory = (typeof DATA_CATEGORIES)[number];

/** What each category holds and which law keeps it apart. */
export const CATEGORY_LABELS: Record<DataCategory, { label: string; law: string }> = {
  law_enforcement: { label: 'Law-enforcement records', law: 'CJIS Security Policy, state juvenile-records law; not an education record (FERPA 34 CFR 99.8)' },
  education: { label: 'Education records', law: 'FERPA (20 U.S.C. 1232g, 34 CFR 99)' },
  health: { label: 'Health and counseling records', law: 'State mental-health confidentiality law, 42 CFR Part 2 where it applies, FERPA' },
  tip: { label: 'Anonymous tip content', law: 'Reporter anonymity (state tip-line statutes); may name students' },
  operational: { label: 'Operational records', law: 'District records-retention schedule' },
  directory: { label: 'Directory information', law: 'FERPA directory information and public staff directory' },
};

/**
 * How far a holder reaches into a category:
 * - `grant`: every record at the schools of the grant (a district grant: the whole district);
 * - `involved`: only records the user made, received or is a member of (the module's own rule says which);
 * - `organization`: only records addressed to the user's outside organization, and of a student only the fields a
 *   referral needs (name, grade, school; guardian contact when consent is recorded). Only routes that declare
 *   `organizationScoped` serve such a user;
 * - `none`: refused (403) on every route of the category.
 */
export const REACHES = ['none', 'organization', 'involved', 'grant'] as const;
export type Reach = (typeof REACHES)[number];

/** The one role-to-category table. */
export const CATEGORY_REACH: Record<Role, Record<DataCategory, Reach>> = {
  sro: { law_enforcement: 'grant', education: 'involved', health: 'involved', tip: 'grant', operational: 'grant', directory: 'grant' },
  supervisor: { law_enforcement: 'grant', education: 'involved', health: 'involved', tip: 'grant', operational: 'grant', directory: 'grant' },
  school_admin: { law_enforcement: 'involved', education: 'grant', health: 'grant', tip: 'grant', operational: 'grant', directory: 'grant' },
  counselor: { law_enforcement: 'involved', education: 'grant', health: 'grant', tip: 'grant', operational: 'grant', directory: 'grant' },
  security: { law_enforcement: 'involved', education: 'none', health: 'none', tip: 'none', operational: 'grant', directory: 'grant' },
  staff: { law_enforcement: 'involved', education: 'none', health: 'involved', tip: 'none', operational: 'grant', directory: 'grant' },
  director: { law_enforcement: 'grant', education: 'grant', health: 'grant', tip: 'grant', operational: 'grant', directory: 'grant' },
  sysadmin: { law_enforcement: 'none', education: 'grant', health: 'none', tip: 'none', operational: 'grant', directory: 'grant' },
  probation_officer: { law_enforcement: 'none', education: 'organization', health: 'organization', tip: 'none', operational: 'none', directory: 'grant' },
};

/** The cap on every user whose account belongs to an outside organization, whatever role they hold. */
export const OUTSIDE_REACH: Record<DataCategory, Reach> = {
  law_enforcement: 'none', education: 'organization', health: 'organization', tip: 'none', operational: 'none', directory: 'grant',
};

/** Roles that exist only for people of an outside organization: their account must name the organization. */
export const OUTSIDE_ROLES: readonly Role[] = ['probation_officer'];

/** The category of the data a permission's routes return (a route may override it in `config.category`). */
export const PERMISSION_CATEGORY: Record<Permission, DataCategory> = {
  'district.read': 'directory', 'district.manage': 'operational', 'school.read': 'directory', 'school.manage': 'operational',
  'area.read': 'directory', 'area.manage': 'operational', 'assignment.read': 'directory', 'assignment.manage': 'operational',
  'user.read': 'directory', 'user.manage': 'operational', 'role.grant': 'operational',
  'student.read': 'education', 'student.demographics.read': 'education', 'student.manage': 'education',
  'call.create': 'law_enforcement', 'call.read': 'law_enforcement', 'call.dispatch': 'law_enforcement',
  'incident.create': 'law_enforcement', 'incident.read': 'law_enforcement', 'incident.narrative.read': 'law_enforcement',
  'incident.juvenile.read': 'law_enforcement', 'incident.approve': 'law_enforcement', 'incident.seal': 'law_enforcement', 'incident.unseal': 'law_enforcement', 'incident.expunge': 'law_enforcement', 'juvenile.grant': 'operational',
  'incident.refer': 'law_enforcement', 'discipline.receive': 'education',
  'patrol.log': 'operational', 'patrol.read': 'operational', 'patrol.checklist.manage': 'operational',
  'activity.log': 'operational', 'activity.read': 'operational', 'event.read': 'operational', 'event.manage': 'operational',
  'event.assign': 'operational', 'notice.send': 'operational', 'notice.read': 'operational', 'meeting.manage': 'operational',
  'plan.read': 'operational', 'plan.manage': 'operational', 'plan.approve': 'operational', 'drill.read': 'operational',
  'drill.record': 'operational', 'drill.rules.manage': 'operational', 'alert.raise': 'operational', 'alert.receive': 'operational',
  'alert.manage': 'operational', 'reunification.manage': 'operational',
  'threat.read': 'health', 'threat.manage': 'health', 'tip.read': 'tip', 'tip.triage': 'tip',
  'support.log': 'health', 'support.read': 'health', 'referral.create': 'health', 'referral.read': 'health',
  'referral.manage': 'health', 'referral.oversee': 'health', 'support.plan': 'health', 'support.oversee': 'health',
  'education.manage': 'operational', 'education.request': 'operational', 'education.read': 'operational',
  'training.manage': 'operational', 'training.read': 'operational', 'certification.manage': 'operational',
  'equipment.read': 'operational', 'equipment.manage': 'operational', 'security_system.read': 'operational',
  'security_system.manage': 'operational', 'security_system.report': 'operational', 'assessment.read': 'operational',
  'assessment.manage': 'operational', 'work_order.read': 'operational', 'work_order.manage': 'operational',
  'directory.read': 'directory', 'directory.manage': 'directory', 'analytics.read': 'operational', 'analytics.equity': 'education',
  'nibrs.submit': 'law_enforcement', 'deployment.manage': 'operational',
  'report.export': 'law_enforcement', 'import.run': 'education', 'backup.run': 'operational', 'audit.read': 'operational',
};

/**
 * Permissions whose routes and services filter by the user's organization (support referrals addressed to it):
 * the only ones an organization-limited user keeps in a category they reach as `organization`.
 */
export const ORGANIZATION_SCOPED_PERMISSIONS: readonly Permission[] = ['referral.read', 'referral.manage'];

const RANK: Record<Reach, number> = { none: 0, organization: 1, involved: 2, grant: 3 };

/** The lesser of two reaches. */
export function minReach(a: Reach, b: Reach): Reach {
  return RANK[a] <= RANK[b] ? a : b;
}

/** How far one grant of `role` reaches into `category`, for a user inside the district or of an outside organization. */
export function reachOfRole(role: Role, category: DataCategory, outside: boolean): Reach {
  const reach = CATEGORY_REACH[role][category];
  return outside || OUTSIDE_ROLES.includes(role) ? minReach(reach, OUTSIDE_REACH[category]) : reach;
}

/** True when a grant of `role` may use `permission` (its category is open to the holder, in the permitted way). */
export function grantAllows(role: Role, permission: Permission, outside: boolean): boolean {
  if (!ROLE_PERMISSIONS[role].includes(permission)) return false;
  const reach = reachOfRole(role, PERMISSION_CATEGORY[permission], outside);
  if (reach === 'none') return false;
  return reach !== 'organization' || ORGANIZATION_SCOPED_PERMISSIONS.includes(permission);
}

/** The permissions a set of roles may use, given whether the user belongs to an outside organization. */
export function effectivePermissions(roles: readonly Role[], outside: boolean): Permission[] {
  const out = new Set<Permission>();
  for (const role of roles) for (const p of ROLE_PERMISSIONS[role]) if (grantAllows(role, p, outside)) out.add(p);
  return [...out].sort();
}

/** Every permission, for documentation and tests. */
export const ALL_PERMISSIONS = Object.keys(PERMISSIONS) as Permission[];
