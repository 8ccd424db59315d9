import '../../styles/campus.css';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import {
  SECURITY_SYSTEM_KIND_LABELS,
  type SecuritySystemDetail,
  type StatusBody,
} from '@common/security-systems.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorBanner, Notice } from '../../components/ErrorBanner.tsx';
import { SelectField, TextAreaField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { useCanAtSchool, useSchoolsWhere } from '../../lib/campus.ts';
import { formatDateTime, formatDay } from '../../lib/format.ts';
import { fieldError, useAction, useApiData } from '../../lib/hooks.ts';
import { OutageForm } from './OutageForm.tsx';
import { STATUS_OPTIONS, SystemStatusBadge } from './parts.tsx';
import { SystemForm } from './SystemForm.tsx';

/** Sets the status by hand (a manager restoring a system to working, for example). */
function StatusForm({
  system,
  onDone,
  onCancel,
}: {
  system: SecuritySystemDetail;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [status, setStatus] = useState<string>(system.status === 'working' ? 'degraded' : 'working');
  const [note, setNote] = useState('');
  const save = useAction(async () => {
    const body: StatusBody = { status: status as StatusBody['status'], note: note.trim() || null };
    await api.post(`/security-systems/${system.id}/status`, body);
    onDone();
  });
  return (
    <Form onSubmit={() => void save.run()} error={save.error} aria-label="Set the status">
      <SelectField
        label="New status"
        name="status"
        value={status}
        onChange={setStatus}
        options={STATUS_OPTIONS}
        error={fieldError(save.error, 'status')}
      />
      <TextAreaField
        label="Note"
        name="note"
        maxLength={2000}
        value={note}
        onChange={setNote}
        hint={
          system.openWorkOrder
            ? `The work order ${system.openWorkOrder.number} stays open until it is closed.`
            : undefined
        }
        error={fieldError(save.error, 'note')}
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          Set status
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}

/** One security system: status with history and its work order; report an outage; managers edit, set status, retire. */
export function SecuritySystemPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const canManageAt = useCanAtSchool('security_system.manage');
  const canReportAt = useCanAtSchool('security_system.report');
  const schoolOptions = useSchoolsWhere('security_system.manage');
  const resource = useApiData<SecuritySystemDetail>(`/security-systems/${id}`);
  const [dialog, setDialog] = useState<'outage' | 'status' | 'edit' | null>(null);
  const [message, setMessage] = useState<string | null>(
    (location.state as { message?: string } | null)?.message ?? null,
  );
  const s = resource.data;
  const canManage = s ? canManageAt(s.school.id) : false;
  const retire = useAction(async (retired: boolean) => {
    await api.patch(`/security-systems/${id}`, { retired });
    resource.reload();
    return retired ? 'The system is retired.' : 'The system is back in the registry.';
  });
  const open = (d: typeof dialog) => {
    setMessage(null);
    retire.reset();
    setDialog(d);
  };

  return (
    <Page
      title={s?.name ?? 'Security system'}
      breadcrumbs={[{ label: 'Security systems', to: '/security-systems' }]}
      description={
        s &&
        `${SECURITY_SYSTEM_KIND_LABELS[s.kind]} · ${s.area ? `${s.school.name} · ${s.area.name}` : s.school.name}`
      }
      actions={
        s && (
          <>
            {!s.retired && canReportAt(s.school.id) && (
              <Button variant="danger" onClick={() => open('outage')}>
                Report an outage
              </Button>
            )}
            {canManage && (
              <>
                <Button onClick={() => open('status')}>Set status</Button>
                <Button onClick={() => open('edit')}>Edit system</Button>
                <Button busy={retire.busy} onClick={() => void retire.run(!s.retired)}>
                  {s.retired ? 'Return to registry' : 'Retire system'}
                </Button>
              </>
            )}
          </>
        )
      }
    >
      <Notice message={message ?? retire.success} />
      <ErrorBanner error={retire.error} />
      <LoadState resource={resource} label="Loading the system…">
        {(system) => (
          <div className="page-sections">
            <Section title="Status" id="status">
              <dl className="details">
                <div>
                  <dt>Status</dt>
                  <dd>
                    <SystemStatusBadge status={system.status} /> {system.retired && <Badge>Retired</Badge>}
                  </dd>
                </div>
                <div>
                  <dt>Since</dt>
                  <dd>{formatDateTime(system.statusSince)}</dd>
                </div>
                <div>
                  <dt>Open work order</dt>
                  <dd>
                    {system.openWorkOrder ? (
                      <Link to={`/work-orders/${system.openWorkOrder.id}`}>
                        {system.openWorkOrder.number}
                      </Link>
                    ) : (
                      <span className="muted">None</span>
                    )}
                  </dd>
                </div>
                <div>
                  <dt>Serviced by</dt>
                  <dd>{system.vendor?.name ?? <span className="muted">No vendor</span>}</dd>
                </div>
                <div>
                  <dt>Make, model, serial</dt>
                  <dd>
                    {[system.make, system.model, system.serialNumber && `S/N ${system.serialNumber}`]
                      .filter(Boolean)
                      .join(' · ') || <span className="muted">Not recorded</span>}
                  </dd>
                </div>
                <div>
                  <dt>Installed</dt>
                  <dd>
                    {system.installedOn ? (
                      formatDay(system.installedOn)
                    ) : (
                      <span className="muted">Not recorded</span>
                    )}
                  </dd>
                </div>
                <div className="span-all">
                  <dt>Notes</dt>
                  <dd className="pre-line">{system.notes ?? <span className="muted">None</span>}</dd>
                </div>
              </dl>
            </Section>
            <Section title="History" id="history">
              {system.history.length === 0 ? (
                <EmptyState title="No status change yet." />
              ) : (
                <DataTable
                  caption="Status history"
                  rows={system.history}
                  rowKey={(h) => h.id}
                  columns={[
                    { header: 'When', className: 'nowrap', render: (h) => formatDateTime(h.at) },
                    {
                      header: 'Status',
                      render: (h) => (
                        <span className="row">
                          <SystemStatusBadge status={h.status} />
                          {h.kind === 'outage' && <Badge tone="info">Outage report</Badge>}
                        </span>
                      ),
                    },
                    { header: 'Note', render: (h) => h.note ?? '' },
                    {
                      header: 'Work order',
                      render: (h) =>
                        h.workOrder ? (
                          <Link to={`/work-orders/${h.workOrder.id}`}>{h.workOrder.number}</Link>
                        ) : (
                          ''
                        ),
                    },
                    { header: 'By', render: (h) => h.by.name },
                  ]}
                />
              )}
            </Section>
          </div>
        )}
      </LoadState>
      {s && (
        <>
          <Dialog
            open={dialog === 'outage'}
            title={`Report an outage: ${s.name}`}
            onClose={() => setDialog(null)}
          >
            {dialog === 'outage' && (
              <OutageForm
                system={s}
                onCancel={() => setDialog(null)}
                onDone={(r) => {
                  setDialog(null);
                  setMessage(
                    r.workOrder.created
                      ? `Outage reported. Work order ${r.workOrder.number} is open.`
                      : `Outage reported. The open work order ${r.workOrder.number} covers it.`,
                  );
                  resource.reload();
                }}
              />
            )}
          </Dialog>
          <Dialog
            open={dialog === 'status'}
            title={`Set the status of ${s.name}`}
            onClose={() => setDialog(null)}
          >
            {dialog === 'status' && (
              <StatusForm
                system={s}
                onCancel={() => setDialog(null)}
                onDone={() => {
                  setDialog(null);
                  setMessage('The status is saved.');
                  resource.reload();
                }}
              />
            )}
          </Dialog>
          <Dialog open={dialog === 'edit'} title={`Edit ${s.name}`} onClose={() => setDialog(null)} wide>
            {dialog === 'edit' && (
              <SystemForm
                system={s}
                schoolOptions={schoolOptions}
                onCancel={() => setDialog(null)}
                onDone={() => {
                  setDialog(null);
                  setMessage('The system is saved.');
                  resource.reload();
                }}
              />
            )}
          </Dialog>
        </>
      )}
    </Page>
  );
}
