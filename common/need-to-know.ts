import type { Permission } from './permissions.js';
import type { Role } from './roles.js';

/*
 * The one need-to-know model of SRO Desk. Every API route returns data of one category (its route `config.category`,
 * else the category of its permission below); this table says who may see each category and how far. The auth plugin
 * (server/auth/plugin.ts) refuses a route whose category the user may not see (403), before the permission check;
 * services then apply the record-level rule the reach names (server/modules/<domain>/<domain>.policy.ts).
 * docs/PRIVACY.md is generated from this file (`npm run docs:privacy`).
 */

/** What a route's answer is about, in the terms of the law that protects it (CJIS, FERPA, HIPAA-like counseling). */
export const DATA_CATEGORIES = {
  law_enforcement: 'Calls, incidents, investigations, juvenile records, sealed records, NIBRS: criminal justice information (CJIS)',
  education: 'The roster, guardians, custody, demographics, threat assessments, discipline: education records (FERPA)',
  health_counseling: 'Support referrals, mentoring and counseling contacts, re-entry plans, problem-solving teams',
  tip_content: 'Anonymous tips, their dialogue and attachments (may name students, self-harm, weapons)',
  operational: 'Alerts, reunification, patrols, activity, events, notices, plans, drills, equipment, security systems, training',
  directory: 'Schools, areas, SRO assignments, the people directory and the partner directory',
  administration: 'District settings, schools, accounts and grants, imports, backups, notification rules',
  audit: 'The audit log: who read or changed which record (names every other category by id)',
  self: 'The caller\'s own account, home, bell and preferences',
  public: 'No personal data: sign-in, the anonymous tip line, public surveys, the API description',
} as const;

export type DataCategory = keyof typeof DATA_CATEGORIES;

/**
 * How far a viewer reaches into a category: `grant` every record at the schools of their grant (the district for a
 * district grant); `involved` only records they made, that are addressed to them (or their organization), or whose
 * team they are on; `aggregate` counts and rates only (small counts suppressed). Absent: nothing.
 */
export type Reach = 'grant' | 'involved' | 'aggregate';

/** Who is asking: a role of district staff, or `outsider` (an account of an outside organization, whatever its role). */
export type Viewer = Role | 'outsider';

export const VIEWERS: readonly Viewer[] = ['sro', 'supervisor', 'school_admin', 'counselor', 'security', 'staff', 'director', 'sysadmin', 'outsider'];

/** One row of the table: the reach of each viewer, and why (shown in docs/PRIVACY.md). */
export interface CategoryRule {
  reach: Partial<Record<Viewer, Reach>>;
  why: string;
}

const everyone = (reach: Reach): Record<Viewer, Reach> => Object.fromEntries(VIEWERS.map((v) => [v, reach])) as Record<Viewer, Reach>;

/** The need-to-know table: category → viewer → reach. */
export const NEED_TO_KNOW: Record<DataCategory, CategoryRule> = {
  law_enforcement: {
    reach: { sro: 'grant', supervisor: 'grant', director: 'grant', security: 'grant', school_admin: 'involved', counselor: 'involved', staff: 'involved' },
    why: 'Police records stay with the police side (juvenile records: SRO and supervisor only). The district director reads '
      + 'adult records; security staff read calls for service; administrators and counselors only what an officer referred to '
      + 'them; staff only the calls they reported.',
  },
  education: {
    reach: { school_admin: 'grant', counselor: 'grant', director: 'grant', sysadmin: 'grant', sro: 'involved', supervisor: 'involved' },
    why: 'FERPA school officials with a legitimate educational interest. SROs see students only through cases that involve '
      + 'them and threat teams they are on; the supervisor only CSTAG cases of their team and CRDC aggregates.',
  },
  health_counseling: {
    reach: { counselor: 'grant', school_admin: 'grant', director: 'grant', sro: 'involved', supervisor: 'involved', staff: 'involved', outsider: 'involved' },
    why: 'Clinical notes stay with the receiver of a referral; oversight (principal, director) sees status only. Referrers see '
      + 'status and outcome of their referrals. An outside organization sees only referrals addressed to it, and of the '
      + 'student only name, grade, number and school (guardian contact only with consent obtained).',
  },
  tip_content: {
    reach: { sro: 'grant', supervisor: 'grant', school_admin: 'grant', counselor: 'grant', director: 'grant' },
    why: 'The school\'s tip team triages; tips name students and may carry self-harm or weapons. Never security, staff, the '
      + 'system administrator or an outside organization.',
  },
  operational: {
    reach: { ...everyone('grant'), outsider: 'involved' },
    why: 'Everyone working at a school hears its alerts and sees its safety operations their role runs. An outside '
      + 'organization\'s staff in the building hear and raise alerts and check in (life safety); nothing else operational.',
  },
  directory: {
    reach: everyone('grant'),
    why: 'Reference data everyone works with: schools, areas, assignments, partners. The people directory is staff only '
      + '(outsiders lack user.read).',
  },
  administration: {
    reach: { sysadmin: 'grant', director: 'grant', supervisor: 'involved' },
    why: 'Settings and accounts: the system administrator and the district; the supervisor the notification rules.',
  },
  audit: {
    reach: { supervisor: 'grant', director: 'grant', sysadmin: 'grant' },
    why: 'The audit log names every record; its readers are the oversight roles, and every read of it is itself audited.',
  },
  self: { reach: everyone('involved'), why: 'Each user\'s own account, home and bell: answers only about the caller.' },
  public: { reach: everyone('grant'), why: 'Holds no personal data.' },
};

/** The category of data a permission's routes return (a route may declare another in its `config.category`). */
export const PERMISSION_CATEGORY: Record<Permission, DataCategory> = {
  'district.read': 'directory', 'district.manage': 'administration', 'school.read': 'directory', 'school.manage': 'administration',
  'area.read': 'directory', 'area.manage': 'directory', 'assignment.read': 'directory', 'assignment.manage': 'directory',
  'user.read': 'directory', 'user.manage': 'administration', 'role.grant': 'administration',
  'student.read': 'education', 'student.demographics.read': 'education', 'student.manage': 'education',
  'call.create': 'law_enforcement', 'call.read': 'law_enforcement', 'call.dispatch': 'law_enforcement',
  'incident.create': 'law_enforcement', 'incident.read': 'law_enforcement', 'incident.narrative.read': 'law_enforcement',
  'incident.juvenile.read': 'law_enforcement', 'incident.approve': 'law_enforcement', 'incident.seal': 'law_enforcement',
  'incident.unseal': 'law_enforcement', 'incident.expunge': 'law_enforcement', 'incident.refer': 'law_enforcement',
  'discipline.receive': 'law_enforcement', 'counseling.receive': 'law_enforcement',
  'patrol.log': 'operational', 'patrol.read': 'operational', 'patrol.checklist.manage': 'operational',
  'activity.log': 'operational', 'activity.read': 'operational', 'event.read': 'operational', 'event.manage': 'operational',
  'event.assign': 'operational', 'notice.send': 'operational', 'notice.read': 'operational', 'meeting.manage': 'operational',
  'plan.read': 'operational', 'plan.manage': 'operational', 'plan.approve': 'operational', 'drill.read': 'operational',
  'drill.record': 'operational', 'drill.rules.manage': 'operational',
  'alert.raise': 'operational', 'alert.receive': 'operational', 'alert.manage': 'operational', 'reunification.manage': 'operational',
  'threat.read': 'education', 'threat.manage': 'education', 'tip.read': 'tip_content', 'tip.triage': 'tip_content',
  'support.log': 'health_counseling', 'support.read': 'health_counseling', 'referral.create': 'health_counseling',
  'referral.read': 'health_counseling', 'referral.manage': 'health_counseling', 'referral.oversee': 'health_counseling',
  'support.plan': 'health_counseling', 'support.oversee': 'health_counseling',
  'education.manage': 'operational', 'education.request': 'operational', 'education.read': 'operational',
  'training.manage': 'operational', 'training.read': 'operational', 'certification.manage': 'operational',
  'equipment.read': 'operational', 'equipment.manage': 'operational', 'security_system.read': 'operational',
  'security_system.manage': 'operational', 'security_system.report': 'operational', 'assessment.read': 'operational',
  'assessment.manage': 'operational', 'work_order.read': 'operational', 'work_order.manage': 'operational',
  'directory.read': 'directory', 'directory.manage': 'directory', 'analytics.read': 'operational', 'analytics.equity': 'education',
  'report.export': 'education', 'nibrs.submit': 'law_enforcement', 'notification_rule.manage': 'administration',
  'import.run': 'education', 'backup.run': 'administration',
  'retention.manage': 'administration', 'retention.approve': 'administration', 'retention.hold': 'administration', 'audit.read': 'audit', 'deployment.manage': 'administration',
};

/** The reach of a viewer into a category, or null when they may not see it. */
export function reachOf(viewer: Viewer, category: DataCategory): Reach | null {
  return NEED_TO_KNOW[category].reach[viewer] ?? null;
}

/**
 * True when someone holding `roles` (an outside organization's staff: `outsider`, whatever their roles) may see data
 * of the category at all; the permission and the record rule then narrow it.
 */
export function maySee(roles: readonly Role[], outsider: boolean, category: DataCategory): boolean {
  if (category === 'public' || category === 'self') return true;
  if (outsider) return reachOf('outsider', category) !== null;
  return roles.some((r) => reachOf(r, category) !== null);
}
