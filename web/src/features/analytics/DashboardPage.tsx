import '../../styles/analytics.css';
import { formatCell, type Dashboard } from '@common/analytics.ts';
import { LoadState } from '../../components/LoadState.tsx';
import { Page } from '../../components/Page.tsx';
import { formatDay } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { AnalyticsFilters, useAnalyticsFilters } from './AnalyticsFilters.tsx';
import { AnalyticsTabs } from './AnalyticsTabs.tsx';
import { PanelCard } from './PanelCard.tsx';
import { SubscribeButton } from '../reports/SubscribeButton.tsx';

/** The district dashboard: key figures, then every panel as a chart with its table, CSV and record links. */
export function DashboardPage() {
  const { query } = useAnalyticsFilters();
  const dashboard = useApiData<Dashboard>('/analytics/dashboard', query, { keepPrevious: true });
  return (
    <Page
      title="Reports & analytics"
      description="How the SRO program is doing across your schools, with the figures behind every chart."
      actions={
        <SubscribeButton
          target={{
            report: 'dashboard',
            schoolIds: query.schoolIds ? [query.schoolIds] : [],
            level: query.level ?? null,
          }}
        />
      }
    >
      <AnalyticsTabs />
      <AnalyticsFilters permission="analytics.read" />
      <LoadState resource={dashboard} label="Counting…">
        {(d) => (
          <div aria-busy={dashboard.loading || undefined}>
            <p className="muted small">
              {formatDay(d.from)} to {formatDay(d.to)} · {d.schools.length}{' '}
              {d.schools.length === 1 ? 'school' : 'schools'} · times in {d.timezone}
            </p>
            <dl className="stat-row analytics-figures" aria-label="Key figures">
              {d.figures.map((f) => (
                <div key={f.key}>
                  <dt>{f.label}</dt>
                  <dd>{formatCell(f.value, f.kind)}</dd>
                </div>
              ))}
            </dl>
            {d.panels.map((p) => (
              <PanelCard key={p.id} panel={p} range={d} />
            ))}
          </div>
        )}
      </LoadState>
    </Page>
  );
}
