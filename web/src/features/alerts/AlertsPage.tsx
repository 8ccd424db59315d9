import { Link } from 'react-router-dom';
import { ALERT_STATUSES, SRP } from '@common/srp.ts';
import type { Alert, AlertStatus } from '@common/alerts.ts';
import { Badge } from '../../components/Badge.tsx';
import { ButtonLink } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { SelectField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { useSchoolFilter, useSchoolOptions, withAllSchools } from '../../lib/options.ts';
import { useSession } from '../../lib/session.tsx';
import { useUrlFilters } from '../../lib/url-state.ts';
import { useLive, useLiveMessages } from './live.tsx';
import { schoolsWhere, srpClass } from './srp.ts';
import { SrpIcon } from './SrpIcon.tsx';

const STATUS_LABELS: Record<AlertStatus, string> = {
  pending: 'In cancel window',
  active: 'In force',
  cancelled: 'Cancelled',
  cleared: 'All clear',
};

/** The status of an alert as a badge. */
export function StatusBadge({ status }: { status: AlertStatus }) {
  const tone =
    status === 'active'
      ? 'danger'
      : status === 'pending'
        ? 'warning'
        : status === 'cleared'
          ? 'success'
          : 'neutral';
  return <Badge tone={tone}>{STATUS_LABELS[status]}</Badge>;
}

/** The action of an alert in its SRP colour, with DRILL when it is one. */
export function ActionLabel({ alert }: { alert: Pick<Alert, 'action' | 'drill'> }) {
  return (
    <span className={`action-label ${srpClass(alert.action)}`}>
      <SrpIcon action={alert.action} />
      {SRP[alert.action].term}
      {alert.drill && <span className="drill-tag">DRILL</span>}
    </span>
  );
}

/** Alerts in force now (from the live connection) and the history of the user's schools. */
export function AlertsPage() {
  const { session, schools, can } = useSession();
  const { active } = useLive();
  const [filters, setFilters] = useUrlFilters(['schoolId', 'status', 'drill'] as const);
  const { schoolId, selectValue } = useSchoolFilter(filters.schoolId);
  const schoolOptions = useSchoolOptions();
  const history = useApiData<{ items: Alert[] }>(
    '/alerts',
    { schoolId, status: filters.status, drill: filters.drill, limit: 100 },
    { keepPrevious: true },
  );
  // New, escalated and ended alerts change the history too.
  useLiveMessages((m) => {
    if (m.type.startsWith('alert.') || m.type === 'snapshot') history.reload();
  });
  const canRaise = schoolsWhere(session, schools, 'alert.raise').length > 0;

  return (
    <Page
      title="Alerts"
      description="Standard Response Protocol alerts of your schools: in force now, and the record of past alerts and drills."
      actions={
        <div className="row">
          {can('reunification.manage') && <ButtonLink to="/reunification">Reunification</ButtonLink>}
          {canRaise && (
            <ButtonLink variant="danger" to="/alerts/raise">
              Raise an alert
            </ButtonLink>
          )}
        </div>
      }
    >
      <div className="page-sections">
        <Section title="In force now" id="active-alerts">
          {active.length === 0 ? (
            <EmptyState title="No alert is in force at your schools." />
          ) : (
            <ul className="list-rows" aria-live="polite">
              {active.map((a) => (
                <li key={a.id}>
                  <span className="row">
                    <ActionLabel alert={a} />
                    <span>{a.schools.map((s) => s.name).join(', ')}</span>
                  </span>
                  <Link to={`/alerts/${a.id}`}>Open</Link>
                </li>
              ))}
            </ul>
          )}
        </Section>
        <Section title="History" id="alert-history">
          <div role="search" className="filters" aria-label="Filter alerts">
            {schoolOptions.length > 1 && (
              <SelectField
                label="School"
                value={selectValue}
                onChange={(v) => setFilters({ schoolId: v })}
                options={withAllSchools(schoolOptions)}
              />
            )}
            <SelectField
              label="Status"
              value={filters.status}
              onChange={(status) => setFilters({ status })}
              options={ALERT_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
              placeholder="Any status"
            />
            <SelectField
              label="Drill or real"
              value={filters.drill}
              onChange={(drill) => setFilters({ drill })}
              options={[
                { value: 'true', label: 'Drills' },
                { value: 'false', label: 'Real alerts' },
              ]}
              placeholder="Both"
            />
          </div>
          <LoadState resource={history} label="Loading alerts…">
            {({ items }) =>
              items.length === 0 ? (
                <EmptyState title="No alert matches these filters." />
              ) : (
                <DataTable
                  caption="Alert history"
                  rows={items}
                  rowKey={(a) => a.id}
                  busy={history.loading}
                  columns={[
                    {
                      header: 'Alert',
                      render: (a) => (
                        <Link
                          to={`/alerts/${a.id}`}
                          aria-label={`${a.drill ? 'Drill ' : ''}${SRP[a.action].term} at ${a.schools.map((s) => s.name).join(', ')}, ${formatDateTime(a.raisedAt)}`}
                        >
                          <ActionLabel alert={a} />
                        </Link>
                      ),
                    },
                    { header: 'Schools', render: (a) => a.schools.map((s) => s.name).join(', ') },
                    {
                      header: 'Raised',
                      render: (a) => `${formatDateTime(a.raisedAt)} by ${a.raisedBy.name}`,
                    },
                    { header: 'Status', render: (a) => <StatusBadge status={a.status} /> },
                  ]}
                />
              )
            }
          </LoadState>
        </Section>
      </div>
    </Page>
  );
}
