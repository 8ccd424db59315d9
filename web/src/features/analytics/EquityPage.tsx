import '../../styles/analytics.css';
import type { EQUITY_DIMENSIONS } from '@common/analytics.ts';
import {
  EQUITY_MEASURE_LABELS,
  EQUITY_MEASURES,
  type Equity,
  type EquityMeasure,
  type Panel,
} from '@common/analytics.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { Page } from '../../components/Page.tsx';
import { useApiData } from '../../lib/hooks.ts';
import { AnalyticsFilters, useAnalyticsFilters } from './AnalyticsFilters.tsx';
import { AnalyticsTabs } from './AnalyticsTabs.tsx';
import { PanelCard } from './PanelCard.tsx';
import { SubscribeButton } from '../reports/SubscribeButton.tsx';

const DIMENSION_LABELS: Record<(typeof EQUITY_DIMENSIONS)[number], string> = {
  race: 'Race/ethnicity',
  sex: 'Sex',
  disability: 'Disability',
  english_learner: 'English learners',
};

/** One measure of the equity answer as a panel: the index charted, the counts and rates beside it. */
function measurePanel(e: Equity, measure: EquityMeasure): Panel {
  return {
    id: `equity-${measure}`,
    title: `${EQUITY_MEASURE_LABELS[measure]}: relative rate index by group`,
    description: `Students per 1,000 enrolled, and the rate against all other students (1.00 = the same rate). 95% interval by the log method. Cells under ${e.minimumCount} students are suppressed (—).`,
    chart: 'bar',
    columns: [
      { key: 'group', label: 'Group', kind: 'label' },
      { key: 'rri', label: 'Relative rate index', kind: 'ratio' },
      { key: 'ciLow', label: '95% low', kind: 'ratio' },
      { key: 'ciHigh', label: '95% high', kind: 'ratio' },
      { key: 'students', label: 'Students', kind: 'count' },
      { key: 'rate', label: 'Per 1,000', kind: 'rate' },
      { key: 'enrolled', label: 'Enrolled', kind: 'count' },
      { key: 'dimension', label: 'Dimension', kind: 'label' },
    ],
    rows: e.rows.map((r) => ({
      group: r.label,
      rri: r.measures[measure].rri,
      ciLow: r.measures[measure].ciLow,
      ciHigh: r.measures[measure].ciHigh,
      students: r.measures[measure].students,
      rate: r.measures[measure].ratePer1000,
      enrolled: r.enrolled,
      dimension: DIMENSION_LABELS[r.dimension],
    })),
    links: e.rows.map(() => null),
  };
}

/** Equity analytics: referrals, arrests and citations per 1,000 students of each group, with relative rate indexes. */
export function EquityPage() {
  const { query } = useAnalyticsFilters();
  const equity = useApiData<Equity>('/analytics/equity', query, { keepPrevious: true });
  return (
    <Page
      title="Equity analytics"
      description="How law-enforcement actions fall on students of each group. Aggregates only: no student can be identified here."
      actions={
        <SubscribeButton
          target={{
            report: 'equity',
            schoolIds: query.schoolIds ? [query.schoolIds] : [],
            level: query.level ?? null,
          }}
        />
      }
    >
      <AnalyticsTabs />
      <AnalyticsFilters permission="analytics.equity" />
      <LoadState resource={equity} label="Computing rates…">
        {(e) => (
          <div aria-busy={equity.loading || undefined}>
            <p className="muted small">{e.enrolmentNote}</p>
            {EQUITY_MEASURES.map((m) => (
              <PanelCard key={m} panel={measurePanel(e, m)} range={e} />
            ))}
          </div>
        )}
      </LoadState>
    </Page>
  );
}
