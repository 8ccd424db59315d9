import { TRIAD_ROLES, TRIAD_ROLE_LABELS } from '@common/activity.ts';
import type { Hours, HourPeriod } from '@common/activity-log.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { SelectField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { formatMonth, hoursOf } from '../../lib/datetime.ts';
import { formatDay } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { useUrlFilters } from '../../lib/url-state.ts';
import { ActivityTabs } from './ActivityTabs.tsx';
import { HoursChart } from './HoursChart.tsx';
import { OfficerPicker, useOfficerChoice } from './OfficerPicker.tsx';

const PERIOD_OPTIONS = [
  { value: 'week', label: 'By week (last 12 weeks)' },
  { value: 'month', label: 'By month (last 12 months)' },
];

/** The triad totals of a span as a definition list ("Law enforcement 62.5 h"). */
function Totals({ hours }: { hours: Hours }) {
  return (
    <dl className="report-figures" aria-label="Totals">
      {TRIAD_ROLES.map((r) => (
        <div key={r} style={{ display: 'contents' }}>
          <dt>{TRIAD_ROLE_LABELS[r]}</dt>
          <dd>{hoursOf(hours.minutesByRole[r])} h</dd>
        </div>
      ))}
      <dt>Total</dt>
      <dd>{hoursOf(hours.totalMinutes)} h</dd>
    </dl>
  );
}

/** Hours per triad role by week or month, and per school, for me or an officer I oversee. */
export function HoursPage() {
  const [filters, setFilters] = useUrlFilters(['userId', 'period'] as const);
  const period: HourPeriod = filters.period === 'month' ? 'month' : 'week';
  const choice = useOfficerChoice(filters.userId);
  const hours = useApiData<Hours>(
    choice.userId ? '/activity/hours' : null,
    { userId: choice.userId, period },
    { keepPrevious: true },
  );
  const label = (start: string) =>
    period === 'month' ? formatMonth(start.slice(0, 7)) : `Week of ${formatDay(start)}`;

  return (
    <Page title="Activity log" description="Hours per triad role: law enforcement, mentor, educator.">
      <ActivityTabs />
      <div role="search" className="filters" aria-label="Choose the hours shown">
        <OfficerPicker choice={choice} onChange={(v) => setFilters({ userId: v, period: filters.period })} />
        <SelectField
          label="Periods"
          value={period}
          onChange={(v) => setFilters({ period: v, userId: filters.userId })}
          options={PERIOD_OPTIONS}
        />
      </div>
      {!choice.userId && !choice.officers.loading ? (
        <EmptyState title="No officer's activity to show." />
      ) : (
        <LoadState resource={hours} label="Loading hours…">
          {(h) => (
            <div className="page-sections">
              <Section
                title={`${h.user.name}: ${period === 'month' ? 'monthly' : 'weekly'} hours`}
                id="periods"
              >
                <HoursChart
                  title={`Hours per triad role by ${period}, ${formatDay(h.from)} to ${formatDay(h.to)}`}
                  rowHeader={period === 'month' ? 'Month' : 'Week'}
                  rows={[...h.periods]
                    .reverse()
                    .map((p) => ({ key: p.start, label: label(p.start), minutes: p.minutesByRole }))}
                />
              </Section>
              <Section title="Per school" id="schools">
                {h.schools.length === 0 ? (
                  <EmptyState title="No hours in this span." />
                ) : (
                  <HoursChart
                    title={`Hours per triad role by school, ${formatDay(h.from)} to ${formatDay(h.to)}`}
                    rowHeader="School"
                    rows={h.schools.map((s) => ({
                      key: s.school?.id ?? 'none',
                      label: s.school?.name ?? 'Not at one school',
                      minutes: s.minutesByRole,
                    }))}
                  />
                )}
              </Section>
              <Section title="Totals" id="totals">
                <Totals hours={h} />
              </Section>
            </div>
          )}
        </LoadState>
      )}
    </Page>
  );
}
