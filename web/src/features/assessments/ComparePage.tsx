import '../../styles/campus.css';
import {
  ASSESSMENT_LAYER_LABELS,
  type Assessment,
  type Comparison,
  type ComparisonChange,
} from '@common/assessments.ts';
import { Badge } from '../../components/Badge.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { SelectField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { formatDay } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { useUrlFilters } from '../../lib/url-state.ts';
import { AssessmentTabs, RatingBadge } from './labels.tsx';

const CHANGE_LOOK: Record<
  ComparisonChange,
  { label: string; tone: 'success' | 'danger' | 'neutral' | 'info' }
> = {
  improved: { label: '▲ Improved', tone: 'success' },
  declined: { label: '▼ Declined', tone: 'danger' },
  same: { label: '= Same', tone: 'neutral' },
  not_comparable: { label: 'Not comparable', tone: 'info' },
};

const label = (a: Assessment) => `${a.title} (${formatDay(a.completedOn ?? a.startedOn)})`;

/** Two assessments of the same campus side by side: each measure's rating then and now, and what changed. */
export function ComparePage() {
  const [filters, setFilters] = useUrlFilters(['from', 'to'] as const);
  const anchor = useApiData<Assessment>(filters.to ? `/assessments/${filters.to}` : null);
  const schoolId = anchor.data?.school.id;
  const siblings = useApiData<{ items: Assessment[] }>(schoolId ? '/assessments' : null, {
    schoolId,
    status: 'completed',
  });
  const comparison = useApiData<Comparison>(
    filters.from && filters.to ? '/assessments/compare' : null,
    { from: filters.from, to: filters.to },
    { keepPrevious: true },
  );
  const options = (siblings.data?.items ?? []).map((a) => ({ value: a.id, label: label(a) }));

  return (
    <Page
      title="Compare assessments"
      breadcrumbs={[{ label: 'Security assessments', to: '/assessments' }]}
      description={anchor.data ? anchor.data.school.name : undefined}
    >
      <AssessmentTabs />
      {!filters.to ? (
        <EmptyState title="Open a completed assessment and choose “Compare with an earlier one”." />
      ) : (
        <LoadState resource={anchor} label="Loading…">
          {() => (
            <>
              <div className="filters" role="group" aria-label="Assessments to compare">
                <SelectField
                  label="Earlier"
                  value={filters.from}
                  onChange={(from) => setFilters({ from })}
                  options={options.filter((o) => o.value !== filters.to)}
                  placeholder="Choose…"
                />
                <SelectField
                  label="Later"
                  value={filters.to}
                  onChange={(to) => setFilters({ to })}
                  options={options}
                />
              </div>
              {!filters.from ? (
                <EmptyState title="Choose the earlier assessment to compare with." />
              ) : (
                <LoadState resource={comparison} label="Comparing…">
                  {(c) => (
                    <Section title={`${label(c.from)} → ${label(c.to)}`} id="comparison">
                      <dl className="stat-row" aria-label="Changes">
                        <div className={c.summary.improved > 0 ? 'stat-success' : undefined}>
                          <dt>Improved</dt>
                          <dd>{c.summary.improved}</dd>
                        </div>
                        <div className={c.summary.declined > 0 ? 'stat-danger' : undefined}>
                          <dt>Declined</dt>
                          <dd>{c.summary.declined}</dd>
                        </div>
                        <div>
                          <dt>Same</dt>
                          <dd>{c.summary.same}</dd>
                        </div>
                        <div>
                          <dt>Not comparable</dt>
                          <dd>{c.summary.not_comparable}</dd>
                        </div>
                      </dl>
                      <DataTable
                        caption="Ratings then and now"
                        rows={c.rows}
                        rowKey={(r) => `${r.layer} ${r.templateItemId ?? r.title}`}
                        busy={comparison.loading}
                        columns={[
                          {
                            header: 'Measure',
                            render: (r) => (
                              <span className="stack-tight">
                                <span>{r.title}</span>
                                <span className="muted small">{ASSESSMENT_LAYER_LABELS[r.layer]}</span>
                              </span>
                            ),
                          },
                          { header: 'Then', render: (r) => <RatingBadge rating={r.then} /> },
                          { header: 'Now', render: (r) => <RatingBadge rating={r.now} /> },
                          {
                            header: 'Change',
                            render: (r) => (
                              <Badge tone={CHANGE_LOOK[r.change].tone}>{CHANGE_LOOK[r.change].label}</Badge>
                            ),
                          },
                        ]}
                      />
                    </Section>
                  )}
                </LoadState>
              )}
            </>
          )}
        </LoadState>
      )}
    </Page>
  );
}
