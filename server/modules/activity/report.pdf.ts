import { TRIAD_ROLES, TRIAD_ROLE_LABELS } from '../../../common/activity.js';
import type { MinutesByRole, MonthlyReport } from '../../../common/activity-log.js';
import { createPdf } from '../../lib/pdf.js';

/** Minutes as hours with one decimal, e.g. "12.5 h". */
export function hoursText(minutes: number): string {
  return `${(Math.round(minutes / 6) / 10).toFixed(1)} h`;
}

const byRole = (m: MinutesByRole) => TRIAD_ROLES.map((r) => `${TRIAD_ROLE_LABELS[r]} ${hoursText(m[r])}`).join(' · ');

/** The monthly SRO activity report for the principal and the supervisor. */
export async function monthlyReportPdf(r: MonthlyReport, createdAt: Date, owner: { label: string; dissemination: string | null }): Promise<Buffer> {
  const title = `SRO activity report ${r.month}: ${r.officer.name}`;
  const pdf = createPdf({
    title, subject: 'Monthly SRO activity report by NASRO triad role', author: 'SRO Desk', createdAt, owner: owner.label, dissemination: owner.dissemination,
  });
  pdf.title(title, `${r.from} to ${r.to}`);
  pdf.heading('Hours by triad role').fields([
    ...TRIAD_ROLES.map((role) => [TRIAD_ROLE_LABELS[role], hoursText(r.minutesByRole[role])] as [string, string]),
    ['Total', hoursText(r.totalMinutes)],
  ]);
  pdf.heading('Hours by school').list(r.schools.map((s) => `${s.school?.name ?? 'No school'}: ${hoursText(s.totalMinutes)} (${byRole(s.minutesByRole)})`));
  pdf.heading('Calls for service').fields([['Calls', r.calls.total]]).list(r.calls.bySource.map((c) => `${c.label}: ${c.count}`));
  pdf.heading('Incidents').fields([['Incidents', r.incidents.total]]).list(r.incidents.byType.map((c) => `${c.label}: ${c.count}`));
  pdf.heading('Enforcement and referrals').fields([
    ['Arrests', r.arrests], ['Citations', r.citations], ['Referrals to law enforcement', r.referrals.lawEnforcement],
    ['Referrals to administration', r.referrals.administration], ['Referrals to counseling', r.referrals.counseling],
  ]);
  pdf.heading('Education, mentoring and coverage').fields([
    ['Classes taught', r.classesTaught], ['Students reached', r.studentsReached], ['Mentoring contacts', r.mentoringContacts],
    ['Events covered', r.eventsCovered], ['Drills attended', r.drillsAttended],
  ]);
  return pdf.finish();
}
