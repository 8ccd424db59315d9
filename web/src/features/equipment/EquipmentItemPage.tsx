import '../../styles/campus.css';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import {
  EQUIPMENT_CONDITION_LABELS,
  EQUIPMENT_TYPE_LABELS,
  INSPECTION_INTERVAL_DAYS,
  type EquipmentDetail,
  type Inspection,
} from '@common/equipment.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorBanner, Notice } from '../../components/ErrorBanner.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { useCanAtSchool, useSchoolsWhere } from '../../lib/campus.ts';
import { formatDay } from '../../lib/format.ts';
import { useAction, useApiData } from '../../lib/hooks.ts';
import { EquipmentForm } from './EquipmentForm.tsx';
import { InspectionForm } from './InspectionForm.tsx';
import { ConditionBadge, InspectionDue, LastInspection, PartExpiry } from './parts.tsx';

function InspectionResult({ inspection }: { inspection: Inspection }) {
  const failed = inspection.results.filter((r) => !r.passed);
  if (failed.length === 0) return <Badge tone="success">✓ Passed</Badge>;
  return (
    <span className="stack-tight">
      <Badge tone="danger">✕ Failed</Badge>
      {failed.map((r) => (
        <span key={r.key} className="small">
          {r.label}
          {r.note && `: ${r.note}`}
        </span>
      ))}
    </span>
  );
}

/** One item: where it is, part expiries, condition, the inspection history; inspect, edit or retire it. */
export function EquipmentItemPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const canManageAt = useCanAtSchool('equipment.manage');
  const schoolOptions = useSchoolsWhere('equipment.manage');
  const resource = useApiData<EquipmentDetail>(`/equipment/${id}`);
  const [dialog, setDialog] = useState<'edit' | 'inspect' | null>(null);
  const [message, setMessage] = useState<string | null>(
    (location.state as { message?: string } | null)?.message ?? null,
  );
  const [opened, setOpened] = useState<Inspection['workOrder']>(null);
  const item = resource.data;
  const canManage = item ? canManageAt(item.school.id) : false;
  const retire = useAction(async (retired: boolean) => {
    await api.patch(`/equipment/${id}`, { retired });
    resource.reload();
    return retired ? 'The item is retired: it no longer shows as due.' : 'The item is back in service.';
  });
  const open = (d: typeof dialog) => {
    setMessage(null);
    setOpened(null);
    retire.reset();
    setDialog(d);
  };

  return (
    <Page
      title={item?.name ?? 'Equipment item'}
      breadcrumbs={[{ label: 'Safety equipment', to: '/equipment' }]}
      description={
        item &&
        `${EQUIPMENT_TYPE_LABELS[item.type]} · ${item.area ? `${item.school.name} · ${item.area.name}` : item.school.name}`
      }
      actions={
        item &&
        canManage && (
          <>
            {!item.retired && (
              <Button variant="primary" onClick={() => open('inspect')}>
                Record an inspection
              </Button>
            )}
            <Button onClick={() => open('edit')}>Edit item</Button>
            <Button busy={retire.busy} onClick={() => void retire.run(!item.retired)}>
              {item.retired ? 'Return to service' : 'Retire item'}
            </Button>
          </>
        )
      }
    >
      <Notice message={message ?? retire.success} />
      <ErrorBanner error={retire.error} />
      {opened && (
        <div className="banner banner-warning" role="status">
          <p className="banner-text">
            The inspection failed. Work order <Link to={`/work-orders/${opened.id}`}>{opened.number}</Link> is
            open for the repair.
          </p>
        </div>
      )}
      <LoadState resource={resource} label="Loading the item…">
        {(detail) => (
          <div className="page-sections">
            <Section title="Status" id="status">
              {detail.retired && (
                <p>
                  <Badge>Retired</Badge>
                </p>
              )}
              <dl className="details">
                <div>
                  <dt>Condition</dt>
                  <dd>
                    <ConditionBadge condition={detail.condition} />
                    {detail.conditionReasons.length > 0 && (
                      <span className="muted small">
                        {' '}
                        {detail.conditionReasons.join('; ')} (recorded as{' '}
                        {EQUIPMENT_CONDITION_LABELS[detail.recordedCondition].toLowerCase()})
                      </span>
                    )}
                  </dd>
                </div>
                <div>
                  <dt>Next inspection</dt>
                  <dd>
                    <InspectionDue item={detail} />
                    <span className="muted small"> every {INSPECTION_INTERVAL_DAYS[detail.type]} days</span>
                  </dd>
                </div>
                <div>
                  <dt>Last inspection</dt>
                  <dd>
                    <LastInspection item={detail} />
                  </dd>
                </div>
                {detail.type === 'aed' && (
                  <>
                    <div>
                      <dt>Pads expire</dt>
                      <dd>
                        <PartExpiry on={detail.padsExpireOn} />
                      </dd>
                    </div>
                    <div>
                      <dt>Battery expires</dt>
                      <dd>
                        <PartExpiry on={detail.batteryExpiresOn} />
                      </dd>
                    </div>
                  </>
                )}
                <div>
                  <dt>Expires</dt>
                  <dd>
                    <PartExpiry on={detail.expiresOn} />
                  </dd>
                </div>
              </dl>
            </Section>
            <Section title="Details" id="details">
              <dl className="details">
                <div>
                  <dt>Make and model</dt>
                  <dd>
                    {[detail.make, detail.model].filter(Boolean).join(' ') || (
                      <span className="muted">Not recorded</span>
                    )}
                  </dd>
                </div>
                <div>
                  <dt>Serial number</dt>
                  <dd>{detail.serialNumber ?? <span className="muted">Not recorded</span>}</dd>
                </div>
                <div>
                  <dt>Purchased</dt>
                  <dd>
                    {detail.purchasedOn ? (
                      formatDay(detail.purchasedOn)
                    ) : (
                      <span className="muted">Not recorded</span>
                    )}
                  </dd>
                </div>
                <div>
                  <dt>Responsible person</dt>
                  <dd>{detail.owner?.name ?? <span className="muted">Nobody</span>}</dd>
                </div>
                <div className="span-all">
                  <dt>Notes</dt>
                  <dd className="pre-line">{detail.notes ?? <span className="muted">None</span>}</dd>
                </div>
              </dl>
            </Section>
            <Section title={`Inspections (${detail.inspections.length})`} id="inspections">
              {detail.inspections.length === 0 ? (
                <EmptyState title="Never inspected." />
              ) : (
                <DataTable
                  caption="Inspection history"
                  rows={detail.inspections}
                  rowKey={(i) => i.id}
                  columns={[
                    { header: 'Date', className: 'nowrap', render: (i) => formatDay(i.inspectedOn) },
                    { header: 'Result', render: (i) => <InspectionResult inspection={i} /> },
                    { header: 'Inspector', render: (i) => i.inspector.name },
                    {
                      header: 'Work order',
                      render: (i) =>
                        i.workOrder ? (
                          <Link to={`/work-orders/${i.workOrder.id}`}>{i.workOrder.number}</Link>
                        ) : (
                          ''
                        ),
                    },
                    { header: 'Notes', render: (i) => i.notes ?? '' },
                  ]}
                />
              )}
            </Section>
          </div>
        )}
      </LoadState>
      {item && (
        <>
          <Dialog
            open={dialog === 'inspect'}
            title={`Inspect ${item.name}`}
            onClose={() => setDialog(null)}
            wide
          >
            {dialog === 'inspect' && (
              <InspectionForm
                item={item}
                onCancel={() => setDialog(null)}
                onDone={(inspection) => {
                  setDialog(null);
                  if (inspection.passed) setMessage('Inspection saved: every point passed.');
                  else if (inspection.workOrder) setOpened(inspection.workOrder);
                  else setMessage('Inspection saved: it failed.');
                  resource.reload();
                }}
              />
            )}
          </Dialog>
          <Dialog open={dialog === 'edit'} title={`Edit ${item.name}`} onClose={() => setDialog(null)} wide>
            {dialog === 'edit' && (
              <EquipmentForm
                item={item}
                schoolOptions={schoolOptions}
                onCancel={() => setDialog(null)}
                onDone={() => {
                  setDialog(null);
                  setMessage('The item is saved.');
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
