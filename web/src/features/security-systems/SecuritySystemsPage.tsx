import { DownloadCsv } from '../../components/DownloadCsv.tsx';
import '../../styles/campus.css';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import {
  SECURITY_SYSTEM_KIND_LABELS,
  type Glance,
  type OutageResult,
  type SecuritySystem,
} from '@common/security-systems.ts';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Notice } from '../../components/ErrorBanner.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { useCanAtSchool, useSchoolsWhere } from '../../lib/campus.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useApiData, useSearchBox } from '../../lib/hooks.ts';
import { useSchoolOptions } from '../../lib/options.ts';
import { useSession } from '../../lib/session.tsx';
import { useUrlFilters } from '../../lib/url-state.ts';
import { OutageForm } from './OutageForm.tsx';
import { KIND_OPTIONS, STATUS_OPTIONS, SystemStatusBadge, SystemTabs } from './parts.tsx';
import { SystemForm } from './SystemForm.tsx';

/** Counts by status and by kind, and what is down right now, at one school. */
function GlanceSection({ glance }: { glance: Glance }) {
  const { byStatus } = glance;
  return (
    <Section title={`Status at a glance: ${glance.school.name}`} id="glance">
      <dl className="stat-row" aria-label={`Systems by status at ${glance.school.name}`}>
        <div className="stat-success">
          <dt>Working</dt>
          <dd>{byStatus.working}</dd>
        </div>
        <div className={byStatus.degraded > 0 ? 'stat-warning' : undefined}>
          <dt>Degraded</dt>
          <dd>{byStatus.degraded}</dd>
        </div>
        <div className={byStatus.offline > 0 ? 'stat-danger' : undefined}>
          <dt>Offline</dt>
          <dd>{byStatus.offline}</dd>
        </div>
        <div>
          <dt>Total</dt>
          <dd>{glance.total}</dd>
        </div>
      </dl>
      {glance.byKind.length > 0 && (
        <DataTable
          caption="Systems by kind and status"
          rows={glance.byKind}
          rowKey={(k) => k.kind}
          columns={[
            { header: 'Kind', render: (k) => SECURITY_SYSTEM_KIND_LABELS[k.kind] },
            { header: 'Working', className: 'num', render: (k) => k.working },
            {
              header: 'Degraded',
              className: 'num',
              render: (k) => (k.degraded ? <strong className="text-warning">{k.degraded}</strong> : 0),
            },
            {
              header: 'Offline',
              className: 'num',
              render: (k) => (k.offline ? <strong className="text-danger">{k.offline}</strong> : 0),
            },
          ]}
        />
      )}
      {glance.down.length > 0 && (
        <>
          <h3>Not working now</h3>
          <ul className="plain-list stack">
            {glance.down.map((s) => (
              <li key={s.id}>
                <SystemStatusBadge status={s.status} /> <Link to={`/security-systems/${s.id}`}>{s.name}</Link>{' '}
                <span className="muted small">since {formatDateTime(s.statusSince)}</span>
                {s.openWorkOrder && (
                  <>
                    {' · '}
                    <Link to={`/work-orders/${s.openWorkOrder.id}`}>{s.openWorkOrder.number}</Link>
                  </>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
    </Section>
  );
}

/**
 * Security systems of one school: status at a glance, the registry with filters, "Report an outage" for
 * anyone allowed to report, and adding systems for managers.
 */
export function SecuritySystemsPage() {
  const navigate = useNavigate();
  const { selectedSchoolId } = useSession();
  const schoolOptions = useSchoolOptions();
  const manageable = useSchoolsWhere('security_system.manage');
  const canReportAt = useCanAtSchool('security_system.report');
  const [filters, setFilters] = useUrlFilters(['schoolId', 'kind', 'status', 'q'] as const);
  const [search, setSearch] = useSearchBox(filters.q, (q) => setFilters({ q }));
  // The glance is of one school: the chosen one, else the header's, else the first.
  const schoolId = filters.schoolId || selectedSchoolId || schoolOptions[0]?.value || '';
  const glance = useApiData<Glance>(schoolId ? '/security-systems/glance' : null, { schoolId });
  const list = useApiData<{ items: SecuritySystem[] }>(
    schoolId ? '/security-systems' : null,
    { schoolId, kind: filters.kind, status: filters.status, q: filters.q },
    { keepPrevious: true },
  );
  const [dialog, setDialog] = useState<'add' | SecuritySystem | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const refresh = () => {
    glance.reload();
    list.reload();
  };
  const reported = (r: OutageResult) => {
    setDialog(null);
    setMessage(
      r.workOrder.created
        ? `Outage of ${r.system.name} reported. Work order ${r.workOrder.number} is open.`
        : `Outage of ${r.system.name} reported. It is added to the open work order ${r.workOrder.number}.`,
    );
    refresh();
  };

  return (
    <Page
      title="Security systems"
      description="Cameras, door access, alarm panels, intercoms and radio repeaters: what works and what does not."
      actions={
        manageable.length > 0 && (
          <Button variant="primary" onClick={() => setDialog('add')}>
            Add system
          </Button>
        )
      }
    >
      <SystemTabs />
      <Notice message={message} />
      <div role="search" className="filters" aria-label="Filter security systems">
        {schoolOptions.length > 1 && (
          <SelectField
            label="School"
            value={schoolId}
            onChange={(v) => setFilters({ schoolId: v })}
            options={schoolOptions}
          />
        )}
        <TextField
          label="Search"
          type="search"
          placeholder="Name or serial number"
          value={search}
          onChange={setSearch}
        />
        <SelectField
          label="Kind"
          value={filters.kind}
          onChange={(kind) => setFilters({ kind })}
          options={KIND_OPTIONS}
          placeholder="All kinds"
        />
        <SelectField
          label="Status"
          value={filters.status}
          onChange={(status) => setFilters({ status })}
          options={STATUS_OPTIONS}
          placeholder="Any status"
        />
      </div>
      {!schoolId ? (
        <EmptyState title="You are not assigned to a school." />
      ) : (
        <div className="page-sections">
          <LoadState resource={glance} label="Loading the status…">
            {(g) => <GlanceSection glance={g} />}
          </LoadState>
          <Section
            title="Registry"
            id="registry"
            actions={
              <DownloadCsv
                path="/security-systems"
                query={{ schoolId, kind: filters.kind, status: filters.status, q: filters.q }}
                permission="security_system.read"
              />
            }
          >
            <LoadState resource={list} label="Loading systems…">
              {({ items }) =>
                items.length === 0 ? (
                  <EmptyState title="No system matches." />
                ) : (
                  <DataTable
                    caption="Security systems"
                    rows={items}
                    rowKey={(s) => s.id}
                    busy={list.loading}
                    columns={[
                      {
                        header: 'System',
                        render: (s) => (
                          <span className="stack-tight">
                            <Link to={`/security-systems/${s.id}`}>{s.name}</Link>
                            <span className="muted small">{SECURITY_SYSTEM_KIND_LABELS[s.kind]}</span>
                          </span>
                        ),
                      },
                      { header: 'Area', render: (s) => s.area?.name ?? '' },
                      {
                        header: 'Status',
                        render: (s) => (
                          <span className="stack-tight">
                            <SystemStatusBadge status={s.status} />
                            {s.status !== 'working' && (
                              <span className="muted small">since {formatDateTime(s.statusSince)}</span>
                            )}
                          </span>
                        ),
                      },
                      {
                        header: 'Work order',
                        render: (s) =>
                          s.openWorkOrder ? (
                            <Link to={`/work-orders/${s.openWorkOrder.id}`}>{s.openWorkOrder.number}</Link>
                          ) : (
                            ''
                          ),
                      },
                      {
                        header: 'Actions',
                        className: 'actions',
                        hideLabelWhenStacked: true,
                        render: (s) =>
                          canReportAt(s.school.id) && (
                            <Button
                              size="small"
                              onClick={() => setDialog(s)}
                              aria-label={`Report an outage of ${s.name}`}
                            >
                              Report an outage
                            </Button>
                          ),
                      },
                    ]}
                  />
                )
              }
            </LoadState>
          </Section>
        </div>
      )}
      <Dialog open={dialog === 'add'} title="Add a security system" onClose={() => setDialog(null)} wide>
        {dialog === 'add' && (
          <SystemForm
            schoolOptions={manageable}
            defaultSchoolId={schoolId}
            onCancel={() => setDialog(null)}
            onDone={(s) => {
              setDialog(null);
              navigate(`/security-systems/${s.id}`, { state: { message: `${s.name} is in the registry.` } });
            }}
          />
        )}
      </Dialog>
      <Dialog
        open={dialog !== null && dialog !== 'add'}
        title={dialog !== null && dialog !== 'add' ? `Report an outage: ${dialog.name}` : 'Report an outage'}
        onClose={() => setDialog(null)}
      >
        {dialog !== null && dialog !== 'add' && (
          <OutageForm system={dialog} onCancel={() => setDialog(null)} onDone={reported} />
        )}
      </Dialog>
    </Page>
  );
}
