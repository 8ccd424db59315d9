import '../../styles/analytics.css';
import {
  CRDC_DISABILITY,
  CRDC_DISABILITY_LABELS,
  CRDC_OFFENSE_LABELS,
  CRDC_OFFENSES,
  CRDC_RACE_LABELS,
  CRDC_RACES,
  type CrdcBreakdown,
  type CrdcTables,
} from '@common/analytics.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { withQuery } from '../../lib/api.ts';
import { useApiData } from '../../lib/hooks.ts';
import { AnalyticsFilters, useAnalyticsFilters } from './AnalyticsFilters.tsx';
import { AnalyticsTabs } from './AnalyticsTabs.tsx';
import { SubscribeButton } from '../reports/SubscribeButton.tsx';

type School = CrdcTables['schools'][number];
const GROUPS: { header: string; pick: (b: CrdcBreakdown) => number }[] = [
  { header: 'Total', pick: (b) => b.total },
  ...CRDC_RACES.map((r) => ({ header: CRDC_RACE_LABELS[r], pick: (b: CrdcBreakdown) => b.race[r] })),
  { header: 'Male', pick: (b) => b.sex.male ?? 0 },
  { header: 'Female', pick: (b) => b.sex.female ?? 0 },
  ...CRDC_DISABILITY.map((d) => ({
    header: CRDC_DISABILITY_LABELS[d],
    pick: (b: CrdcBreakdown) => b.disability[d],
  })),
  { header: 'English learners', pick: (b) => b.englishLearner },
];

function StudentTable({
  title,
  schools,
  pick,
}: {
  title: string;
  schools: School[];
  pick: (s: School) => CrdcBreakdown;
}) {
  return (
    <Section title={title} id={title.toLowerCase().replace(/\W+/g, '-')}>
      <DataTable
        caption={title}
        rows={schools}
        rowKey={(s) => s.school.id}
        columns={[
          { header: 'School', render: (s) => s.school.name },
          ...GROUPS.map((g) => ({
            header: g.header,
            className: 'num',
            render: (s: School) => g.pick(pick(s)),
          })),
        ]}
      />
    </Section>
  );
}

/** The CRDC tables as the collection asks them: students referred and arrested by group, and offenses, per school. */
export function CrdcPage() {
  const { query } = useAnalyticsFilters();
  const tables = useApiData<CrdcTables>('/analytics/crdc', query, { keepPrevious: true });
  return (
    <Page
      title="CRDC tables"
      description="Referrals to law enforcement and school-related arrests (students counted once per table), and offenses, by the CRDC definitions. Approved, unsealed, on-campus records only."
      actions={
        <>
          <a className="btn btn-secondary" href={withQuery('/api/analytics/crdc.csv', query)} download>
            Download CSV
          </a>
          <a className="btn btn-secondary" href={withQuery('/api/analytics/crdc.pdf', query)} download>
            Download PDF
          </a>
          <SubscribeButton
            target={{
              report: 'crdc',
              schoolIds: query.schoolIds ? [query.schoolIds] : [],
              level: query.level ?? null,
            }}
          />
        </>
      }
    >
      <AnalyticsTabs />
      <AnalyticsFilters permission="report.export" />
      <LoadState resource={tables} label="Counting…">
        {(t) =>
          t.schools.length === 0 ? (
            <EmptyState title="No schools match these filters." />
          ) : (
            <div aria-busy={tables.loading || undefined}>
              <StudentTable
                title="Students referred to law enforcement"
                schools={t.schools}
                pick={(s) => s.referrals}
              />
              <StudentTable
                title="Students with a school-related arrest"
                schools={t.schools}
                pick={(s) => s.arrests}
              />
              <Section title="Offenses (incidents)" id="crdc-offenses">
                <DataTable
                  caption="Offenses by CRDC category"
                  rows={t.schools}
                  rowKey={(s) => s.school.id}
                  columns={[
                    { header: 'School', render: (s) => s.school.name },
                    ...CRDC_OFFENSES.map((o) => ({
                      header: CRDC_OFFENSE_LABELS[o],
                      className: 'num',
                      render: (s: School) => s.offenses[o],
                    })),
                  ]}
                />
              </Section>
            </div>
          )
        }
      </LoadState>
    </Page>
  );
}
