import type { Role } from './roles.js';

/**
 * The catalogue of every permission in SRO Desk, grouped by capability of the product brief.
 * A permission says what may be done; the grant it comes from says where (schools or the district).
 */
export const PERMISSIONS = {
  // 1 Organization
  'district.read': 'See the district and its settings',
  'district.manage': 'Change district settings and security policy',
  'school.read': 'See schools, feeder relations and contacts',
  'school.manage': 'Create and change schools and feeder relations',
  'area.read': 'See campus areas',
  'area.manage': 'Create and change campus areas',
  'assignment.read': 'See SRO assignments',
  'assignment.manage': 'Assign SROs to schools',
  'user.read': 'See the people directory of users',
  'user.manage': 'Create users, reset passwords, deactivate accounts',
  'role.grant': 'Grant and revoke roles',
  'student.read': 'See the student roster (education record)',
  'student.demographics.read': 'See CRDC demographics of students',
  'student.manage': 'Create and change students and guardians',
  // 2-4 Calls, incidents, investigations, discipline hand-off
  'call.create': 'Take a call for service',
  'call.read': 'See calls for service',
  'call.dispatch': 'Dispatch and clear calls for service',
  'incident.create': 'Create incidents and reports',
  'incident.read': 'See incidents at own schools',
  'incident.narrative.read': 'Read investigative narratives',
  'incident.juvenile.read': 'See juvenile records',
  'incident.approve': 'Review, return and approve reports',
  'incident.seal': 'Seal records',
  'incident.unseal': 'Unseal records by court order',
  'incident.expunge': 'Expunge sealed records by court order',
  'incident.refer': 'Refer an incident to administration or counseling',
  'discipline.receive': 'Receive referrals to administration',
  // 5-8 Daily operations
  'patrol.log': 'Log patrols and security checks',
  'patrol.read': 'See patrol and check logs',
  'patrol.checklist.manage': 'Edit the security check lists of a school',
  'activity.log': 'Log daily triad activity',
  'activity.read': 'See activity logs and monthly reports',
  'event.read': 'See the events calendar and coverage',
  'event.manage': 'Create events',
  'event.assign': 'Designate event coverage',
  'notice.send': 'Send leaving-the-building and advance notices',
  'notice.read': 'Receive notices and see SRO status',
  'meeting.manage': 'Run administration meetings and keep the MOU',
  // 9-10 Preparedness
  'plan.read': 'Read safety plans and protocols',
  'plan.manage': 'Write and version safety plans',
  'plan.approve': 'Approve the annual plan review',
  'drill.read': 'See drills and compliance',
  'drill.record': 'Schedule and record drills',
  'drill.rules.manage': 'Edit drill rules and school calendars (district-wide rules need a district grant)',
  // 11 Alerts (any staff member of a school may raise an alert for it: seconds matter)
  'alert.raise': 'Raise and cancel SRP alerts',
  'alert.receive': 'Receive alerts and check in',
  'alert.manage': 'Run the accountability board and All Clear',
  'reunification.manage': 'Run reunification',
  // 12, 20 Threat assessment and tips
  'threat.read': 'See threat assessments',
  'threat.manage': 'Run threat assessments',
  'tip.read': 'See anonymous tips',
  'tip.triage': 'Triage and answer anonymous tips',
  // 13-16 Support, education, training
  'support.log': 'Log mentoring and informal counseling contacts',
  'support.read': 'See that mentoring contacts and mediations happened (never another person\'s private note)',
  'referral.create': 'Refer a student to support',
  'referral.read': 'See support referrals one made, received or oversees',
  'referral.manage': 'Receive and close support referrals',
  'counseling.receive': 'Receive the counseling referrals an officer makes from an incident (what the officer chose to share)',
  'referral.oversee': 'See every support referral of the school (status only, never clinical notes)',
  'support.plan': 'Create re-entry plans and problem-solving teams; work on those one is a member of',
  'support.oversee': 'See every re-entry plan and problem-solving team of the school',
  'education.manage': 'Teach classes and record attendance',
  'education.request': 'Request a class',
  'education.read': 'See classes, outreach and education hours of own schools',
  'training.manage': 'Run staff training',
  'training.read': 'See own training and certifications',
  'certification.manage': 'Track SRO certifications',
  // 17-19 Campus security
  'equipment.read': 'See safety equipment',
  'equipment.manage': 'Manage and inspect safety equipment',
  'security_system.read': 'See security systems',
  'security_system.manage': 'Manage the security-system registry and set system status',
  'security_system.report': 'Report a security-system outage',
  'assessment.read': 'See security assessments',
  'assessment.manage': 'Conduct security assessments',
  'work_order.read': 'See work orders of equipment, systems and security checks',
  'work_order.manage': 'Request, assign and close work orders',
  // 21-23 Collaboration, analytics, data exchange, administration
  'directory.read': 'See the agency and partner directory',
  'directory.manage': 'Maintain the agency and partner directory',
  'analytics.read': 'See dashboards and analytics',
  'analytics.equity': 'See equity analytics (rates by student group, small counts suppressed)',
  'report.export': 'Export CRDC and NIBRS reports',
  'nibrs.submit': 'Generate the agency\'s NIBRS submission file and its pre-submission report',
  'notification_rule.manage': 'Edit the district\'s notification rules (whom to notify of an arrest, by when; district grant)',
  'import.run': 'Import schools and rosters',
  'backup.run': 'Back up and restore',
  'audit.read': 'Read the audit log',
  'retention.manage': 'Edit the district\'s retention schedules and read destruction reports',
  'retention.approve': 'Approve or reject a destruction report (records are purged only after approval)',
  'retention.hold': 'Put or lift a legal hold on a record or case (stops its destruction)',
  'deployment.manage': 'Create districts in this deployment (a sysadmin flagged as deployment operator)',
} as const;

export type Permission = keyof typeof PERMISSIONS;

const ALL = Object.keys(PERMISSIONS) as Permission[];

/** The one role-to-permission map. Least privilege: a role holds only what its work needs. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  sro: [
    'district.read', 'school.read', 'area.read', 'assignment.read', 'user.read',
    'call.create', 'call.read', 'call.dispatch', 'incident.create', 'incident.read', 'incident.narrative.read',
    'incident.refer',
    'patrol.log', 'patrol.read', 'patrol.checklist.manage', 'activity.log', 'activity.read', 'event.read', 'notice.send', 'notice.read',
    'meeting.manage', 'plan.read', 'drill.read', 'drill.record', 'alert.raise', 'alert.receive', 'alert.manage',
    'reunification.manage', 'threat.read', 'threat.manage', 'tip.read', 'tip.triage', 'support.log',
    'support.read', 'referral.create', 'referral.read', 'support.plan', 'education.manage', 'education.read', 'training.manage', 'training.read',
    'equipment.read', 'security_system.read', 'security_system.report', 'assessment.read', 'assessment.manage', 'directory.read',
    'analytics.read', 'work_order.read',
  ],
  supervisor: [
    'district.read', 'school.read', 'area.read', 'assignment.read', 'assignment.manage', 'user.read',
    'call.create', 'call.read', 'call.dispatch', 'incident.create', 'incident.read', 'incident.narrative.read',
    'incident.approve', 'incident.seal', 'incident.refer',
    'patrol.read', 'activity.read', 'event.read', 'event.manage', 'event.assign', 'notice.read', 'notice.send',
    'meeting.manage', 'plan.read', 'drill.read', 'alert.raise', 'alert.receive', 'alert.manage',
    'threat.read', 'tip.read', 'tip.triage', 'referral.read', 'support.read', 'education.read', 'training.read',
    'certification.manage',
    'equipment.read', 'security_system.read', 'assessment.read', 'directory.read', 'directory.manage',
    'analytics.read', 'report.export', 'audit.read', 'work_order.read',
    'nibrs.submit', 'notification_rule.manage',
  ],
  school_admin: [
    'district.read', 'school.read', 'area.read', 'area.manage', 'assignment.read', 'user.read',
    'student.read', 'student.demographics.read', 'student.manage',
    // No incident.read: administrators see a law-enforcement record only through the referrals made to them.
    'call.create', 'call.read', 'discipline.receive',
    'patrol.read', 'patrol.checklist.manage', 'activity.read', 'event.read', 'event.manage', 'notice.read', 'meeting.manage',
    'plan.read', 'plan.manage', 'plan.approve', 'drill.read', 'drill.record', 'drill.rules.manage',
    'alert.raise', 'alert.receive', 'alert.manage', 'reunification.manage',
    'threat.read', 'threat.manage', 'tip.read', 'tip.triage', 'referral.create', 'referral.read',
    'referral.oversee', 'support.plan', 'support.oversee',
    'education.request', 'education.read', 'training.manage', 'training.read', 'equipment.read', 'equipment.manage',
    'security_system.read', 'security_system.report', 'assessment.read', 'directory.read', 'analytics.read', 'report.export',
    'work_order.read', 'work_order.manage',
  ],
  counselor: [
    'district.read', 'school.read', 'area.read', 'assignment.read', 'user.read', 'student.read',
    'call.create', 'event.read', 'notice.read', 'plan.read', 'drill.read', 'alert.raise', 'alert.receive',
    'threat.read', 'threat.manage', 'tip.read', 'support.log', 'support.read', 'referral.create',
    'referral.read', 'referral.manage', 'counseling.receive', 'referral.oversee', 'support.plan',
    'education.request', 'training.read', 'directory.read',
  ],
  security: [
    'district.read', 'school.read', 'area.read', 'assignment.read', 'user.read', 'call.create', 'call.read',
    'patrol.log', 'patrol.read', 'patrol.checklist.manage', 'event.read', 'notice.read', 'plan.read', 'drill.read', 'alert.raise',
    'alert.receive', 'training.read', 'equipment.read', 'equipment.manage', 'security_system.read',
    'security_system.manage', 'security_system.report', 'assessment.read', 'directory.read', 'work_order.read', 'work_order.manage',
  ],
  staff: [
    'district.read', 'school.read', 'area.read', 'assignment.read', 'call.create', 'event.read',
    'notice.read', 'plan.read', 'alert.raise', 'alert.receive', 'education.request', 'training.read', 'referral.create',
    // Anyone on a school's staff may report a broken camera or door (and so must see the list); only managers edit it.
    'security_system.read', 'security_system.report',
    // Only to follow the referrals they made: the referral rules show a teacher nothing else.
    'referral.read',
  ],
  // A district (education) official: juvenile law-enforcement records and officers' certifications stay with the
  // police side, and only the SRO's police supervisor approves an SRO's report.
  director: ALL.filter(
    (p) => ![
      'user.manage', 'role.grant', 'import.run', 'backup.run', 'student.manage', 'incident.create', 'incident.juvenile.read',
      'incident.approve', 'certification.manage', 'deployment.manage', 'retention.approve',
    ].includes(p),
  ),
  sysadmin: [
    'district.read', 'district.manage', 'school.read', 'school.manage', 'area.read', 'area.manage',
    'assignment.read', 'assignment.manage', 'user.read', 'user.manage', 'role.grant', 'student.read',
    'student.demographics.read', 'student.manage', 'directory.read', 'directory.manage', 'import.run',
    'backup.run', 'audit.read', 'equipment.read', 'security_system.read', 'security_system.manage',
    'security_system.report', 'deployment.manage', 'retention.manage', 'retention.approve', 'retention.hold',
  ],
};

/**
 * Permissions no role carries: the district administrator gives them to one person at a time (audited), and the
 * person holds them wherever their roles carry the base permission named here. Juvenile law-enforcement records are
 * read on a need-to-know basis by named officers and supervisors, not by every holder of a role (state juvenile
 * records law; docs/PRIVACY.md).
 */
export const PERSONAL_PERMISSIONS: Partial<Record<Permission, Permission>> = {
  'incident.juvenile.read': 'incident.read',
};

/** True when the role's map entry names the permission. */
export function roleHas(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/**
 * What an account tied to an outside organization (`users.organization_id`: a contracted vendor's clinician, a
 * community program, a probation office) keeps of its role, whatever the role. Need to know: they work the referrals
 * addressed to their organization (the record rule is in support-referrals), and while in a school building they hear
 * and may raise a lockdown and check in (life safety), nothing more: no roster, tips, mentoring, incidents or their
 * referrals, threat cases, alert boards, plans or audit. The full table with reasons is docs/PRIVACY.md.
 */
export const OUTSIDER_PERMISSIONS: readonly Permission[] = [
  // Reference data: which district and school, which room to check in from.
  'district.read', 'school.read', 'area.read',
  // Life safety in the building they work in: hear an alert, check in, raise one (seconds matter).
  'alert.raise', 'alert.receive',
  // The referrals addressed to their organization, and their own training record.
  'referral.read', 'referral.manage', 'training.read',
  // Partners' public contact details (the organizations they refer on to).
  'directory.read',
];

/** The permissions a grant of `role` carries: the role's, cut to OUTSIDER_PERMISSIONS for an outside organization's staff. */
export function grantPermissions(role: Role, outsider: boolean): readonly Permission[] {
  const held = ROLE_PERMISSIONS[role];
  return outsider ? held.filter((p) => OUTSIDER_PERMISSIONS.includes(p)) : held;
}
