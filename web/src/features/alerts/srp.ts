import { SRP } from '@common/srp.ts';
import type { Alert, SrpAction } from '@common/alerts.ts';
import { ROLE_PERMISSIONS, type Permission } from '@common/permissions.ts';
import type { SchoolBrief, SessionBody } from '../../lib/types.ts';

/** The CSS class that gives an element the SRP colour of the action (`--srp`). */
export function srpClass(action: SrpAction): string {
  return `srp-${action}`;
}

/** "Lockdown" (the term in sentence case, for running text). */
export function actionName(action: SrpAction): string {
  const term = SRP[action].term;
  return term.charAt(0) + term.slice(1).toLowerCase();
}

/** One line naming the alert for lists and announcements: "DRILL Lockdown at Riverbend High School". */
export function alertTitle(alert: Pick<Alert, 'action' | 'drill' | 'schools'>): string {
  const schools = alert.schools.map((s) => s.name).join(', ');
  return `${alert.drill ? 'DRILL: ' : ''}${actionName(alert.action)} at ${schools}`;
}

const timeFormat = new Intl.DateTimeFormat(undefined, {
  hour: 'numeric',
  minute: '2-digit',
  second: '2-digit',
});

/** A time of day with seconds ("10:02:13 AM"): in an emergency the minute is not precise enough. */
export function formatTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  return Number.isNaN(date.getTime()) ? value : timeFormat.format(date);
}

/**
 * The schools of the session where the user holds `permission` through one of their grants (a
 * district-wide grant gives every school of the session), so pages can offer only what the server allows. The
 * session's permissions gate it first: an outside organization's staff hold less than their roles.
 */
export function schoolsWhere(session: Pick<SessionBody, 'grants' | 'permissions'>, schools: SchoolBrief[], permission: Permission): SchoolBrief[] {
  if (!session.permissions.includes(permission)) return [];
  const holding = session.grants.filter((g) => ROLE_PERMISSIONS[g.role].includes(permission));
  if (holding.some((g) => g.schoolId === null)) return schools;
  const ids = new Set(holding.map((g) => g.schoolId));
  return schools.filter((s) => ids.has(s.id));
}

/** True when the user holds `permission` at every school of the alert (All Clear needs that). */
export function holdsAtEvery(
  session: Pick<SessionBody, 'grants' | 'permissions'>,
  schools: SchoolBrief[],
  permission: Permission,
  alertSchools: { id: string }[],
): boolean {
  const ids = new Set(schoolsWhere(session, schools, permission).map((s) => s.id));
  return alertSchools.every((s) => ids.has(s.id));
}
