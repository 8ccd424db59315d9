import '../../styles/campus.css';
import { Link } from 'react-router-dom';
import type { DistrictOverview, DistrictOverviewRow } from '@common/security-systems.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { withQuery } from '../../lib/api.ts';
import { formatDateTime, plural } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { SystemTabs } from './parts.tsx';

function toneOf(r: DistrictOverviewRow): 'success' | 'warning' | 'danger' | 'neutral' {
  if (r.total === 0) return 'neutral';
  if (r.offline > 0) return 'danger';
  if (r.degraded > 0) return 'warning';
  return 'success';
}

function tileText(r: DistrictOverviewRow): string {
  if (r.total === 0) return 'No systems registered';
  if (r.offline + r.degraded === 0) return `All ${r.total} working`;
  return [r.offline && `${r.offline} offline`, r.degraded && `${r.degraded} degraded`]
    .filter(Boolean)
    .join(', ');
}

const schoolLink = (id: string) => withQuery('/security-systems', { schoolId: id });

/**
 * Outages across the district: a tile per school coloured by its worst status (a map-like grid), a bar chart
 * of systems down by school, and the table with counts and the oldest open outage.
 */
export function DistrictOverviewPage() {
  const overview = useApiData<DistrictOverview>('/security-systems/district');
  return (
    <Page title="Security systems" description="Outages by school across the district.">
      <SystemTabs />
      <LoadState resource={overview} label="Loading the district overview…">
        {({ schools }) => {
          if (schools.length === 0) return <EmptyState title="No school to show." />;
          const down = schools
            .filter((r) => r.offline + r.degraded > 0)
            .sort((a, b) => b.offline + b.degraded - (a.offline + a.degraded));
          const max = Math.max(1, ...down.map((r) => r.offline + r.degraded));
          const totals = schools.reduce(
            (t, r) => ({
              total: t.total + r.total,
              offline: t.offline + r.offline,
              degraded: t.degraded + r.degraded,
            }),
            { total: 0, offline: 0, degraded: 0 },
          );
          return (
            <div className="page-sections">
              <Section title="Schools at a glance" id="tiles">
                <dl className="stat-row" aria-label="All schools together">
                  <div>
                    <dt>Systems</dt>
                    <dd>{totals.total}</dd>
                  </div>
                  <div className={totals.offline > 0 ? 'stat-danger' : undefined}>
                    <dt>Offline</dt>
                    <dd>{totals.offline}</dd>
                  </div>
                  <div className={totals.degraded > 0 ? 'stat-warning' : undefined}>
                    <dt>Degraded</dt>
                    <dd>{totals.degraded}</dd>
                  </div>
                  <div className={down.length > 0 ? 'stat-warning' : 'stat-success'}>
                    <dt>Schools with an outage</dt>
                    <dd>{down.length}</dd>
                  </div>
                </dl>
                <ul className="school-tiles mt-sm" aria-label="Schools by worst status">
                  {schools.map((r) => (
                    <li key={r.school.id} className={`school-tile tone-${toneOf(r)}`}>
                      <Link to={schoolLink(r.school.id)}>
                        <strong>{r.school.name}</strong>
                      </Link>
                      <span className="small">{tileText(r)}</span>
                    </li>
                  ))}
                </ul>
              </Section>
              <Section title="Systems down by school" id="chart">
                {down.length === 0 ? (
                  <EmptyState title="Every system in the district is working." />
                ) : (
                  <ul className="bar-chart" aria-label="Systems not working, by school">
                    {down.map((r) => {
                      const n = r.offline + r.degraded;
                      return (
                        <li key={r.school.id}>
                          <span>{r.school.name}</span>
                          <span className="bar-track" aria-hidden="true">
                            <span
                              className={r.offline > 0 ? 'bar-fill tone-danger' : 'bar-fill'}
                              style={{ width: `${(n / max) * 100}%` }}
                            />
                          </span>
                          <span className="small">{plural(n, 'system')}</span>
                        </li>
                      );
                    })}
                  </ul>
                )}
              </Section>
              <Section title="By school" id="table">
                <DataTable
                  caption="Security-system outages by school"
                  rows={schools}
                  rowKey={(r) => r.school.id}
                  busy={overview.loading}
                  columns={[
                    {
                      header: 'School',
                      render: (r) => (
                        <span className="stack-tight">
                          <Link to={schoolLink(r.school.id)}>{r.school.name}</Link>
                          {r.address && <span className="muted small">{r.address}</span>}
                        </span>
                      ),
                    },
                    { header: 'Systems', className: 'num', render: (r) => r.total },
                    {
                      header: 'Offline',
                      className: 'num',
                      render: (r) => (r.offline ? <strong className="text-danger">{r.offline}</strong> : 0),
                    },
                    {
                      header: 'Degraded',
                      className: 'num',
                      render: (r) =>
                        r.degraded ? <strong className="text-warning">{r.degraded}</strong> : 0,
                    },
                    {
                      header: 'Open work orders',
                      className: 'num',
                      render: (r) =>
                        r.openOutageWorkOrders ? (
                          <Link
                            to={withQuery('/work-orders', {
                              schoolId: r.school.id,
                              source: 'security_outage',
                            })}
                          >
                            {r.openOutageWorkOrders}
                          </Link>
                        ) : (
                          0
                        ),
                    },
                    {
                      header: 'Down since',
                      render: (r) => (r.oldestOutageSince ? formatDateTime(r.oldestOutageSince) : ''),
                    },
                  ]}
                />
              </Section>
            </div>
          );
        }}
      </LoadState>
    </Page>
  );
}
