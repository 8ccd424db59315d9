import '../../styles/campus.css';
import { useState } from 'react';
import { Link, useLocation, useParams } from 'react-router-dom';
import { WORK_ORDER_SOURCE_LABELS, type WorkOrderDetail } from '@common/work-orders.ts';
import { Button } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Notice } from '../../components/ErrorBanner.tsx';
import { TextAreaField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { useCanAtSchool } from '../../lib/campus.ts';
import { formatDateTime, formatDay } from '../../lib/format.ts';
import { fieldError, useAction, useApiData } from '../../lib/hooks.ts';
import { DueDate, PriorityBadge, WorkOrderStatus, ownerText } from './parts.tsx';
import { WorkOrderUpdateForm } from './WorkOrderUpdateForm.tsx';

/** Adds a note to the work order's log. */
function NoteForm({ orderId, onDone }: { orderId: string; onDone: () => void }) {
  const [text, setText] = useState('');
  const add = useAction(async () => {
    await api.post(`/work-orders/${orderId}/notes`, { text: text.trim() });
    setText('');
    onDone();
    return 'Note added.';
  });
  return (
    <Form onSubmit={() => void add.run()} error={add.error} success={add.success} aria-label="Add a note">
      <TextAreaField
        label="New note"
        name="text"
        required
        maxLength={4000}
        value={text}
        onChange={setText}
        error={fieldError(add.error, 'text')}
      />
      <FormActions>
        <Button type="submit" busy={add.busy}>
          Add note
        </Button>
      </FormActions>
    </Form>
  );
}

/** Where a work order came from, linked to the record when the web has a page for it. */
function SourceLink({ order }: { order: WorkOrderDetail }) {
  const label = WORK_ORDER_SOURCE_LABELS[order.source];
  if (order.source === 'security_outage' && order.sourceId)
    return <Link to={`/security-systems/${order.sourceId}`}>{label}</Link>;
  return <>{label}</>;
}

/** One work order: what and where, its status and owner (changeable by managers), and its notes. */
export function WorkOrderPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const canManageAt = useCanAtSchool('work_order.manage');
  const resource = useApiData<WorkOrderDetail>(`/work-orders/${id}`);
  const [message, setMessage] = useState<string | null>(
    (location.state as { message?: string } | null)?.message ?? null,
  );
  const o = resource.data;

  return (
    <Page
      title={o ? `${o.number} ${o.title}` : 'Work order'}
      breadcrumbs={[{ label: 'Work orders', to: '/work-orders' }]}
      description={o && (o.area ? `${o.school.name} · ${o.area.name}` : o.school.name)}
    >
      <Notice message={message} />
      <LoadState resource={resource} label="Loading the work order…">
        {(order) => {
          const canManage = canManageAt(order.school.id);
          return (
            <div className="page-sections">
              <Section title="Details" id="details">
                <dl className="details">
                  <div>
                    <dt>Status</dt>
                    <dd>
                      <WorkOrderStatus order={order} />
                    </dd>
                  </div>
                  <div>
                    <dt>Priority</dt>
                    <dd>
                      <PriorityBadge priority={order.priority} />
                    </dd>
                  </div>
                  <div>
                    <dt>Due</dt>
                    <dd>
                      <DueDate order={order} />
                    </dd>
                  </div>
                  <div>
                    <dt>Done by</dt>
                    <dd>
                      {order.vendor ? (
                        <Link to={`/directory/${order.vendor.id}`}>{ownerText(order)}</Link>
                      ) : (
                        ownerText(order)
                      )}
                    </dd>
                  </div>
                  <div>
                    <dt>Source</dt>
                    <dd>
                      <SourceLink order={order} />
                    </dd>
                  </div>
                  <div>
                    <dt>Opened</dt>
                    <dd>
                      {formatDateTime(order.createdAt)} by {order.createdBy.name}
                    </dd>
                  </div>
                  <div className="span-all">
                    <dt>Description</dt>
                    <dd className="pre-line">{order.description ?? <span className="muted">None</span>}</dd>
                  </div>
                  {order.closedAt && (
                    <div className="span-all">
                      <dt>Closed {formatDay(order.closedAt)}</dt>
                      <dd className="pre-line">{order.closureNotes}</dd>
                    </div>
                  )}
                </dl>
              </Section>
              {canManage && (
                <Section title="Update" id="update">
                  <WorkOrderUpdateForm
                    key={order.updatedAt}
                    order={order}
                    onDone={(next, text) => {
                      resource.mutate(next);
                      setMessage(text);
                    }}
                  />
                </Section>
              )}
              <Section title={`Notes (${order.notes.length})`} id="notes">
                {order.notes.length === 0 ? (
                  <EmptyState title="No notes yet." />
                ) : (
                  <ol className="note-list">
                    {order.notes.map((n) => (
                      <li key={n.id}>
                        <p className="muted small">
                          {n.by.name} · {formatDateTime(n.at)}
                        </p>
                        <p className="pre-line">{n.text}</p>
                      </li>
                    ))}
                  </ol>
                )}
                {canManage && <NoteForm orderId={order.id} onDone={resource.reload} />}
              </Section>
            </div>
          );
        }}
      </LoadState>
    </Page>
  );
}
