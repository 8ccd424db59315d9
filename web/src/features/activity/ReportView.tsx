import { TRIAD_ROLES, TRIAD_ROLE_LABELS } from '@common/activity.ts';
import type { MonthlyReport } from '@common/activity-log.ts';
import { hoursOf } from '../../lib/datetime.ts';
import { HoursChart } from './HoursChart.tsx';

/** Label/value rows of a report. */
function Figures({ label, rows }: { label: string; rows: [string, string | number][] }) {
  return (
    <dl className="report-figures" aria-label={label}>
      {rows.map(([k, v]) => (
        <div key={k} style={{ display: 'contents' }}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The monthly SRO activity report on screen: triad hours, hours per school, calls, incidents, actions, outreach. */
export function ReportView({ report, compact = false }: { report: MonthlyReport; compact?: boolean }) {
  const H = compact ? 'h4' : 'h3';
  return (
    <div className="stack" data-report-officer={report.officer.id}>
      <H>Hours by triad role</H>
      <Figures
        label={`Hours by triad role of ${report.officer.name}`}
        rows={[
          ...TRIAD_ROLES.map((r): [string, string] => [
            TRIAD_ROLE_LABELS[r],
            `${hoursOf(report.minutesByRole[r])} h`,
          ]),
          ['Total', `${hoursOf(report.totalMinutes)} h`],
        ]}
      />
      {!compact && report.schools.length > 0 && (
        <HoursChart
          title="Hours per school"
          rowHeader="School"
          rows={report.schools.map((s) => ({
            key: s.school?.id ?? 'none',
            label: s.school?.name ?? 'Not at one school',
            minutes: s.minutesByRole,
          }))}
        />
      )}
      <H>Calls and incidents</H>
      <Figures
        label={`Calls and incidents of ${report.officer.name}`}
        rows={[
          ['Calls for service cleared', report.calls.total],
          ...(compact ? [] : report.calls.bySource.map((r): [string, number] => [`· ${r.label}`, r.count])),
          ['Incidents reported', report.incidents.total],
          ...(compact ? [] : report.incidents.byType.map((r): [string, number] => [`· ${r.label}`, r.count])),
          ['Arrests', report.arrests],
          ['Citations', report.citations],
          ['Referred to law enforcement', report.referrals.lawEnforcement],
          ['Referred to administration', report.referrals.administration],
          ['Referred to counseling', report.referrals.counseling],
        ]}
      />
      <H>Education and mentoring</H>
      <Figures
        label={`Education and mentoring of ${report.officer.name}`}
        rows={[
          ['Classes taught', report.classesTaught],
          ['Students reached', report.studentsReached],
          ['Mentoring contacts', report.mentoringContacts],
          ['Events covered', report.eventsCovered],
          ['Drills attended', report.drillsAttended],
        ]}
      />
    </div>
  );
}
