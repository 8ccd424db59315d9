import type { MonthlyReport, TeamReport } from '@common/activity-log.ts';
import { Button } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { withQuery } from '../../lib/api.ts';
import { addMonths, formatMonth, thisMonth } from '../../lib/datetime.ts';
import { useApiData } from '../../lib/hooks.ts';
import { useUrlFilters } from '../../lib/url-state.ts';
import { ActivityTabs } from './ActivityTabs.tsx';
import { OfficerPicker, useOfficerChoice } from './OfficerPicker.tsx';
import { ReportView } from './ReportView.tsx';
import { SendToPrincipalsButton } from '../reports/SendToPrincipalsButton.tsx';
import { SubscribeButton } from '../reports/SubscribeButton.tsx';

/** Every officer I oversee, side by side. */
function TeamReportView({ month }: { month: string }) {
  const team = useApiData<TeamReport>('/activity/reports/monthly/team', { month });
  return (
    <LoadState resource={team} label="Loading the team's reports…">
      {({ officers }) =>
        officers.length === 0 ? (
          <EmptyState title="No officer to report on." />
        ) : (
          <ul className="report-grid plain-list" aria-label={`Reports of ${formatMonth(month)}`}>
            {officers.map((r) => (
              <li key={r.officer.id} className="card section">
                <h3>{r.officer.name}</h3>
                <ReportView report={r} compact />
                <a
                  className="btn btn-secondary btn-small"
                  href={`/api${withQuery('/activity/reports/monthly.pdf', { userId: r.officer.id, month })}`}
                  download
                >
                  Download PDF<span className="visually-hidden"> of {r.officer.name}</span>
                </a>
              </li>
            ))}
          </ul>
        )
      }
    </LoadState>
  );
}

/**
 * The monthly SRO activity report (capability 6) for the principal and supervisor: pick an officer and a month,
 * read it on screen or download the PDF; supervisors also see all their officers side by side.
 */
export function ReportPage() {
  const [filters, setFilters] = useUrlFilters(['userId', 'month', 'view'] as const);
  const month = /^\d{4}-\d{2}$/.test(filters.month) ? filters.month : thisMonth();
  const choice = useOfficerChoice(filters.userId);
  const team = filters.view === 'team';
  const canTeam = (choice.officers.data?.items.length ?? 0) > 1;
  const report = useApiData<MonthlyReport>(
    !team && choice.userId ? '/activity/reports/monthly' : null,
    { userId: choice.userId, month },
    { keepPrevious: true },
  );
  const set = (changes: Partial<Record<'userId' | 'month' | 'view', string>>) =>
    setFilters({ userId: filters.userId, month: filters.month, view: filters.view, ...changes });
  const pdfUrl = `/api${withQuery('/activity/reports/monthly.pdf', { userId: choice.userId, month })}`;

  return (
    <Page
      title="Activity log"
      description="The monthly SRO activity report for the principal and the supervisor."
      actions={
        !team &&
        choice.userId && (
          <>
            <a className="btn btn-primary" href={pdfUrl} download>
              Download PDF
            </a>
            <SubscribeButton target={{ report: 'activity', officerId: choice.userId }} />
            <SendToPrincipalsButton officerId={choice.userId} />
          </>
        )
      }
    >
      <ActivityTabs />
      <div role="search" className="filters" aria-label="Choose the report">
        {canTeam && (
          <SelectField
            label="Show"
            value={team ? 'team' : ''}
            onChange={(v) => set({ view: v })}
            options={[{ value: 'team', label: 'All officers side by side' }]}
            placeholder="One officer"
          />
        )}
        {!team && <OfficerPicker choice={choice} onChange={(v) => set({ userId: v })} />}
        <div className="month-stepper" role="group" aria-label="Month">
          <Button onClick={() => set({ month: addMonths(month, -1) })} aria-label="Previous month">
            ‹
          </Button>
          <TextField label="Month" type="month" value={month} onChange={(v) => v && set({ month: v })} />
          <Button onClick={() => set({ month: addMonths(month, 1) })} aria-label="Next month">
            ›
          </Button>
        </div>
      </div>
      {team ? (
        <TeamReportView month={month} />
      ) : !choice.userId && !choice.officers.loading ? (
        <EmptyState title="No officer's report to show." />
      ) : (
        <LoadState resource={report} label="Loading the report…">
          {(r) => (
            <Section title={`${r.officer.name}, ${formatMonth(r.month)}`} id="report">
              <ReportView report={r} />
            </Section>
          )}
        </LoadState>
      )}
    </Page>
  );
}
