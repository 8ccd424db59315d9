/** The roles a signed-in user can hold; the anonymous reporter has no account and no role. */
export const ROLES = [
  'sro',
  'supervisor',
  'school_admin',
  'counselor',
  'security',
  'staff',
  'director',
  'sysadmin',
] as const;

export type Role = (typeof ROLES)[number];

/** Human names for roles, used in the UI and in exports. */
export const ROLE_LABELS: Record<Role, string> = {
  sro: 'School resource officer',
  supervisor: 'SRO supervisor',
  school_admin: 'School administrator',
  counselor: 'Counselor',
  security: 'Security staff',
  staff: 'Staff',
  director: 'District safety director',
  sysadmin: 'System administrator',
};

/** Roles whose holders read case data (incidents, threat assessments, referrals, tips). */
export const CASE_DATA_ROLES: readonly Role[] = ['sro', 'supervisor', 'school_admin', 'counselor', 'director'];
