import { useState } from 'react';
import type { Hours, HoursRow } from '@common/education.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { todayIso } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { useSchoolFilter, useSchoolOptions, withAllSchools } from '../../lib/options.ts';
import { useSession } from '../../lib/session.tsx';
import { useUrlFilters } from '../../lib/url-state.ts';
import { EducationTabs } from './EducationTabs.tsx';
import './education.css';

type GroupBy = 'topic' | 'school' | 'month';
const GROUP_LABELS: Record<GroupBy, string> = { topic: 'Topic', school: 'School', month: 'Month' };

const monthFormat = new Intl.DateTimeFormat(undefined, { year: 'numeric', month: 'long' });
function monthText(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return y && m ? monthFormat.format(new Date(y, m - 1, 1)) : month;
}

/** The first day of the school year holding today (August 1). */
function schoolYearStart(): string {
  const today = todayIso();
  const year = Number(today.slice(0, 4)) - (Number(today.slice(5, 7)) < 8 ? 1 : 0);
  return `${year}-08-01`;
}

function labelOf(row: HoursRow, by: GroupBy): string {
  if (by === 'topic') return row.topicName;
  if (by === 'school') return row.schoolName ?? 'Wider community';
  return monthText(row.month);
}

/** Rows summed per group, in month order for months and largest first otherwise. */
function grouped(rows: HoursRow[], by: GroupBy): { label: string; minutes: number; sortKey: string }[] {
  const sums = new Map<string, { label: string; minutes: number; sortKey: string }>();
  for (const r of rows) {
    const label = labelOf(r, by);
    const entry = sums.get(label) ?? { label, minutes: 0, sortKey: r.month };
    entry.minutes += r.minutes;
    sums.set(label, entry);
  }
  const list = [...sums.values()];
  return by === 'month'
    ? list.sort((a, b) => a.sortKey.localeCompare(b.sortKey))
    : list.sort((a, b) => b.minutes - a.minutes || a.label.localeCompare(b.label));
}

const hoursText = (minutes: number) => `${(minutes / 60).toFixed(1)} h`;

/** Hours as bars with their numbers written out: readable by eye and by a screen reader alike. */
function HoursChart({ rows, by }: { rows: HoursRow[]; by: GroupBy }) {
  const groups = grouped(rows, by);
  const max = Math.max(1, ...groups.map((g) => g.minutes));
  return (
    <figure className="stack">
      <figcaption className="small muted">Hours taught per {GROUP_LABELS[by].toLowerCase()}</figcaption>
      <ul className="bar-chart" aria-label={`Hours per ${GROUP_LABELS[by].toLowerCase()}`}>
        {groups.map((g) => (
          <li key={g.label}>
            <span className="bar-label">{g.label}</span>
            <span className="bar-track" aria-hidden="true">
              <span className="bar-fill" style={{ width: `${(g.minutes / max) * 100}%`, display: 'block' }} />
            </span>
            <span className="bar-value">{hoursText(g.minutes)}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}

/** Education hours: delivered classes and outreach per topic, school and month, as a chart and a table. */
export function HoursPage() {
  const { schools } = useSession();
  const [filters, setFilters] = useUrlFilters(['schoolId', 'from', 'to', 'by'] as const);
  const { schoolId, selectValue } = useSchoolFilter(filters.schoolId);
  const schoolOptions = useSchoolOptions();
  const from = filters.from || schoolYearStart();
  const to = filters.to || todayIso();
  const by = (['topic', 'school', 'month'] as const).find((b) => b === filters.by) ?? 'topic';
  const [range, setRange] = useState({ from, to });
  const hours = useApiData<Hours>('/education/hours', { from, to, schoolId }, { keepPrevious: true });

  return (
    <Page title="Education programs" description="Hours of classes and outreach per topic, school and month.">
      <EducationTabs />
      <div role="search" className="filters" aria-label="Filter hours">
        <TextField
          label="From"
          type="date"
          value={range.from}
          onChange={(v) => setRange((r) => ({ ...r, from: v }))}
          onBlur={() => range.from && setFilters({ from: range.from })}
        />
        <TextField
          label="To"
          type="date"
          value={range.to}
          onChange={(v) => setRange((r) => ({ ...r, to: v }))}
          onBlur={() => range.to && setFilters({ to: range.to })}
        />
        {schools.length > 1 && (
          <SelectField
            label="School"
            value={selectValue}
            onChange={(v) => setFilters({ schoolId: v })}
            options={withAllSchools(schoolOptions)}
          />
        )}
        <SelectField
          label="Chart by"
          value={by}
          onChange={(v) => setFilters({ by: v })}
          options={(['topic', 'school', 'month'] as const).map((b) => ({ value: b, label: GROUP_LABELS[b] }))}
        />
      </div>
      <LoadState resource={hours} label="Loading hours…">
        {({ rows, totals }) => (
          <div className="page-sections">
            <dl className="stat-row" aria-label="Totals">
              <div>
                <dt>Hours</dt>
                <dd>{totals.hours.toFixed(1)}</dd>
              </div>
              <div>
                <dt>Classes</dt>
                <dd>{totals.classes}</dd>
              </div>
              <div>
                <dt>Outreach events</dt>
                <dd>{totals.outreachEvents}</dd>
              </div>
              <div>
                <dt>People reached</dt>
                <dd>{totals.reached.toLocaleString()}</dd>
              </div>
            </dl>
            {rows.length === 0 ? (
              <EmptyState title="Nothing delivered in this period." />
            ) : (
              <>
                <Section title={`Hours per ${GROUP_LABELS[by].toLowerCase()}`} id="chart">
                  <HoursChart rows={rows} by={by} />
                </Section>
                <Section title="Detail" id="detail">
                  <DataTable
                    caption="Education hours per month, school and topic"
                    rows={rows}
                    rowKey={(r) => `${r.month} ${r.schoolId ?? ''} ${r.topic ?? ''}`}
                    busy={hours.loading}
                    columns={[
                      { header: 'Month', className: 'nowrap', render: (r) => monthText(r.month) },
                      { header: 'School', render: (r) => r.schoolName ?? 'Wider community' },
                      { header: 'Topic', render: (r) => r.topicName },
                      { header: 'Classes', className: 'num', render: (r) => r.classes },
                      { header: 'Outreach', className: 'num', render: (r) => r.outreachEvents },
                      { header: 'Hours', className: 'num', render: (r) => r.hours.toFixed(1) },
                      { header: 'Reached', className: 'num', render: (r) => r.reached.toLocaleString() },
                    ]}
                  />
                </Section>
              </>
            )}
          </div>
        )}
      </LoadState>
    </Page>
  );
}
