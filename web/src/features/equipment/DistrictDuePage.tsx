import '../../styles/campus.css';
import { Link } from 'react-router-dom';
import type { DistrictDue, DistrictDueRow } from '@common/equipment.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { CheckboxField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { withQuery } from '../../lib/api.ts';
import { formatDay } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { useUrlFilters } from '../../lib/url-state.ts';
import { EquipmentTabs } from './EquipmentTabs.tsx';

const sum = (rows: DistrictDueRow[], key: keyof Omit<DistrictDueRow, 'school'>) =>
  rows.reduce((n, r) => n + r[key], 0);

/** A count linking to the school's inventory with the matching filter; zero stays plain. */
function CountLink({
  n,
  schoolId,
  filter,
  tone,
}: {
  n: number;
  schoolId: string;
  filter: string;
  tone: string;
}) {
  if (n === 0) return <span className="muted">0</span>;
  return (
    <Link to={withQuery('/equipment', { schoolId, filter })} className={tone}>
      <strong>{n}</strong>
    </Link>
  );
}

/** The district's view of safety equipment: per school, inspections overdue or due and parts expired or expiring. */
export function DistrictDuePage() {
  const [filters, setFilters] = useUrlFilters(['all'] as const);
  const due = useApiData<DistrictDue>(
    '/equipment/district-due',
    { all: filters.all === '1' ? 'true' : 'false' },
    {
      keepPrevious: true,
    },
  );

  return (
    <Page title="Safety equipment" description="What is due, overdue, expired or expiring at every school.">
      <EquipmentTabs />
      <div className="filters">
        <CheckboxField
          label="Show schools with nothing due"
          checked={filters.all === '1'}
          onChange={(on) => setFilters({ all: on ? '1' : '' })}
        />
      </div>
      <LoadState resource={due} label="Loading what is due…">
        {(d) => (
          <Section title={`Due and overdue as of ${formatDay(d.asOf)}`} id="district-due">
            <dl className="stat-row" aria-label="All schools together">
              <div className={sum(d.schools, 'inspectionsOverdue') > 0 ? 'stat-danger' : undefined}>
                <dt>Inspections overdue</dt>
                <dd>{sum(d.schools, 'inspectionsOverdue')}</dd>
              </div>
              <div className={sum(d.schools, 'inspectionsDue30') > 0 ? 'stat-warning' : undefined}>
                <dt>Due within 30 days</dt>
                <dd>{sum(d.schools, 'inspectionsDue30')}</dd>
              </div>
              <div className={sum(d.schools, 'expired') > 0 ? 'stat-danger' : undefined}>
                <dt>Parts expired</dt>
                <dd>{sum(d.schools, 'expired')}</dd>
              </div>
              <div
                className={
                  sum(d.schools, 'expiring30') + sum(d.schools, 'expiring60') > 0 ? 'stat-warning' : undefined
                }
              >
                <dt>Expiring within 60 days</dt>
                <dd>{sum(d.schools, 'expiring30') + sum(d.schools, 'expiring60')}</dd>
              </div>
              <div className={sum(d.schools, 'outOfService') > 0 ? 'stat-danger' : undefined}>
                <dt>Out of service</dt>
                <dd>{sum(d.schools, 'outOfService')}</dd>
              </div>
            </dl>
            {d.schools.length === 0 ? (
              <EmptyState title="Nothing is due at any school." />
            ) : (
              <DataTable
                caption="Equipment due and overdue by school"
                rows={d.schools}
                rowKey={(r) => r.school.id}
                busy={due.loading}
                columns={[
                  {
                    header: 'School',
                    render: (r) => (
                      <Link to={withQuery('/equipment', { schoolId: r.school.id })}>{r.school.name}</Link>
                    ),
                  },
                  { header: 'Items', className: 'num', render: (r) => r.items },
                  {
                    header: 'Overdue',
                    className: 'num',
                    render: (r) => (
                      <CountLink
                        n={r.inspectionsOverdue}
                        schoolId={r.school.id}
                        filter="overdue"
                        tone="text-danger"
                      />
                    ),
                  },
                  {
                    header: 'Due in 30 days',
                    className: 'num',
                    render: (r) => (
                      <CountLink
                        n={r.inspectionsDue30}
                        schoolId={r.school.id}
                        filter="due"
                        tone="text-warning"
                      />
                    ),
                  },
                  {
                    header: 'Expired',
                    className: 'num',
                    render: (r) => (
                      <CountLink n={r.expired} schoolId={r.school.id} filter="expired" tone="text-danger" />
                    ),
                  },
                  {
                    header: 'Expiring in 60 days',
                    className: 'num',
                    render: (r) => (
                      <CountLink
                        n={r.expiring30 + r.expiring60}
                        schoolId={r.school.id}
                        filter="expiring"
                        tone="text-warning"
                      />
                    ),
                  },
                  {
                    header: 'Out of service',
                    className: 'num',
                    render: (r) =>
                      r.outOfService > 0 ? <strong className="text-danger">{r.outOfService}</strong> : 0,
                  },
                ]}
              />
            )}
          </Section>
        )}
      </LoadState>
    </Page>
  );
}
