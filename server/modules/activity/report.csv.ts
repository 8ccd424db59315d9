import { TRIAD_ROLE_LABELS, TRIAD_ROLES } from '../../../common/activity.js';
import type { MonthlyReport } from '../../../common/activity-log.js';
import { CSV_BOM, csvLine } from '../../../common/csv.js';

/** The monthly SRO activity report as CSV: section, item, value (hours with one decimal, counts as numbers). */
export function monthlyReportCsv(r: MonthlyReport): string {
  const hours = (m: number) => Math.round(m / 6) / 10;
  const rows: [string, string, string | number][] = [
    ...TRIAD_ROLES.map((role) => ['Hours by triad role', TRIAD_ROLE_LABELS[role], hours(r.minutesByRole[role])] as [string, string, number]),
    ['Hours by triad role', 'Total', hours(r.totalMinutes)],
    ...r.schools.map((s) => ['Hours by school', s.school?.name ?? 'No school', hours(s.totalMinutes)] as [string, string, number]),
    ['Calls for service', 'Calls', r.calls.total],
    ...r.calls.bySource.map((c) => ['Calls for service', c.label, c.count] as [string, string, number]),
    ['Incidents', 'Incidents', r.incidents.total],
    ...r.incidents.byType.map((c) => ['Incidents', c.label, c.count] as [string, string, number]),
    ['Enforcement and referrals', 'Arrests', r.arrests], ['Enforcement and referrals', 'Citations', r.citations],
    ['Enforcement and referrals', 'Referrals to law enforcement', r.referrals.lawEnforcement],
    ['Enforcement and referrals', 'Referrals to administration', r.referrals.administration],
    ['Enforcement and referrals', 'Referrals to counseling', r.referrals.counseling],
    ['Education, mentoring and coverage', 'Classes taught', r.classesTaught], ['Education, mentoring and coverage', 'Students reached', r.studentsReached],
    ['Education, mentoring and coverage', 'Mentoring contacts', r.mentoringContacts], ['Education, mentoring and coverage', 'Events covered', r.eventsCovered],
    ['Education, mentoring and coverage', 'Drills attended', r.drillsAttended],
  ];
  const lines = [csvLine([`SRO activity report ${r.month}`, r.officer.name, `${r.from} to ${r.to}`]), csvLine(['Section', 'Item', 'Value'])];
  for (const row of rows) lines.push(csvLine(row));
  return CSV_BOM + lines.join('');
}
