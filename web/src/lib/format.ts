import { ROLE_LABELS, type Role } from '@common/roles.ts';
import { displayTimeZone, districtDayOf } from './zone.ts';

/** "Pre-K", "K" or the number of a grade (-1..12). */
export function gradeLabel(grade: number | null): string {
  if (grade === null) return 'not given';
  if (grade === -1) return 'Pre-K';
  if (grade === 0) return 'K';
  return String(grade);
}

/** A grade span such as "K–5" or "9–12". */
export function gradeSpan(low: number, high: number): string {
  return low === high ? gradeLabel(low) : `${gradeLabel(low)}–${gradeLabel(high)}`;
}

const LEVEL_LABELS: Record<string, string> = {
  elementary: 'Elementary',
  middle: 'Middle',
  high: 'High',
  k8: 'K-8',
  k12: 'K-12',
  alternative: 'Alternative',
  other: 'Other',
};

/** Human name of a school level. */
export function levelLabel(level: string): string {
  return LEVEL_LABELS[level] ?? level;
}

/** Human name of a role. */
export function roleLabel(role: string): string {
  return ROLE_LABELS[role as Role] ?? role;
}

/** Human name of a campus area kind ("bus_loop" → "Bus loop"). */
export function kindLabel(kind: string): string {
  const text = kind.replaceAll('_', ' ');
  return text.charAt(0).toUpperCase() + text.slice(1);
}

const dateFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric' });
const dateTimeFormat = new Intl.DateTimeFormat(undefined, {
  year: 'numeric',
  month: 'short',
  day: 'numeric',
  hour: 'numeric',
  minute: '2-digit',
});

/** A calendar date (YYYY-MM-DD, taken as a local date) for display. */
export function formatDay(day: string | null | undefined): string {
  if (!day) return '';
  const [y, m, d] = day.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) return day;
  return dateFormat.format(new Date(y, m - 1, d));
}

/** A timestamp for display, in the viewer's time zone. */
export function formatDateTime(value: string | null | undefined): string {
  if (!value) return '';
  const date = new Date(value);
  if (Number.isNaN(date.getTime())) return value;
  // Instants show on the district's clock (the zone is known once the session has loaded).
  const zone = displayTimeZone();
  return zone ? new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'short', day: 'numeric', hour: 'numeric', minute: '2-digit', timeZone: zone }).format(date) : dateTimeFormat.format(date);
}

/** Today as YYYY-MM-DD in the district's time zone (date inputs and assignment start dates). */
export function todayIso(): string {
  return districtDayOf();
}

/** "1 school" / "3 schools". */
export function plural(count: number, one: string, many = `${one}s`): string {
  return `${count.toLocaleString()} ${count === 1 ? one : many}`;
}

// Ranks and titles in front of a name would make every officer "O. something" and greet them as "Officer".
const HONORIFICS =
  /^(officer|ofc\.?|sgt\.?|sergeant|lt\.?|lieutenant|cpl\.?|corporal|deputy|det\.?|detective|dr\.?|mr\.?|mrs\.?|ms\.?)$/i;

function nameParts(name: string): string[] {
  const all = name.trim().split(/\s+/);
  return all.length > 1 && HONORIFICS.test(all[0] ?? '') ? all.slice(1) : all;
}

/** The given name of a full name, skipping a leading rank or title ("Officer Dana Ruiz" → "Dana"). */
export function givenName(name: string): string {
  return nameParts(name)[0] ?? name;
}

/** Two initials of a full name, skipping a leading rank or title ("Officer Dana Ruiz" → "DR"). */
export function initialsOf(name: string): string {
  const parts = nameParts(name);
  return (
    (parts[0]?.[0] ?? '') + (parts.length > 1 ? (parts[parts.length - 1]?.[0] ?? '') : '')
  ).toUpperCase();
}
