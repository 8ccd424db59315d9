import { useState } from 'react';
import { HOLD_KINDS, type HoldKind, type LegalHold } from '@common/retention.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Notice } from '../../components/ErrorBanner.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { fieldError, useAction, useApiData } from '../../lib/hooks.ts';

const KIND_LABELS: Record<HoldKind, string> = { incident: 'Incident', tip: 'Tip', threat_case: 'Threat case', support_referral: 'Support referral' };

/** Legal holds: put one on a record by its number (reason required), lift one with a reason. */
export function LegalHolds() {
  const holds = useApiData<{ items: LegalHold[] }>('/retention/holds');
  const [kind, setKind] = useState<HoldKind>('incident');
  const [record, setRecord] = useState('');
  const [reason, setReason] = useState('');
  const [lifting, setLifting] = useState<LegalHold | null>(null);
  const [liftReason, setLiftReason] = useState('');
  const [message, setMessage] = useState<string | null>(null);
  const set = useAction(async () => {
    await api.post('/retention/holds', { recordKind: kind, record, reason });
    setRecord('');
    setReason('');
    setMessage('The record is on legal hold: it will not be destroyed until the hold is lifted.');
    holds.reload();
  });
  const lift = useAction(async () => {
    await api.post(`/retention/holds/${lifting!.id}/lift`, { reason: liftReason });
    setLifting(null);
    setLiftReason('');
    setMessage('The hold was lifted.');
    holds.reload();
  });
  return (
    <section aria-labelledby="legal-holds-title">
      <h2 id="legal-holds-title">Legal holds</h2>
      <Notice message={message} />
      <Form onSubmit={() => void set.run()} error={set.error} aria-label="Put a record on legal hold">
        <div className="row">
          <SelectField label="Kind of record" name="recordKind" value={kind} onChange={(v) => setKind(v as HoldKind)} options={HOLD_KINDS.map((k) => ({ value: k, label: KIND_LABELS[k] }))} />
          <TextField label="Number" name="record" required value={record} onChange={setRecord} hint="For example 2026-000123" error={fieldError(set.error, 'record')} />
        </div>
        <TextField label="Reason (litigation, investigation, records request)" name="reason" required minLength={10} value={reason} onChange={setReason} error={fieldError(set.error, 'reason')} />
        <FormActions><Button type="submit" variant="primary" busy={set.busy}>Put on hold</Button></FormActions>
      </Form>
      <LoadState resource={holds} label="Loading legal holds…">
        {({ items }) => items.length === 0 ? <EmptyState title="No record is on legal hold." /> : (
          <DataTable
            caption="Legal holds"
            rows={items}
            rowKey={(h) => h.id}
            columns={[
              { header: 'Record', render: (h) => `${KIND_LABELS[h.recordKind]} ${h.label}` },
              { header: 'State', render: (h) => (h.liftedAt ? <Badge>Lifted {formatDateTime(h.liftedAt)}</Badge> : <Badge tone="warning">On hold</Badge>) },
              { header: 'Reason', render: (h) => h.reason },
              { header: 'Set', render: (h) => `${formatDateTime(h.setAt)} by ${h.setBy}` },
              { header: 'Actions', hideLabelWhenStacked: true, render: (h) => (h.actions.lift ? <Button onClick={() => setLifting(h)} aria-label={`Lift the hold on ${h.label}`}>Lift…</Button> : null) },
            ]}
          />
        )}
      </LoadState>
      <Dialog open={lifting !== null} title="Lift legal hold" onClose={() => setLifting(null)}>
        <Form onSubmit={() => void lift.run()} error={lift.error} aria-label="Lift legal hold">
          <TextField label="Why the hold ends" name="reason" required minLength={10} value={liftReason} onChange={setLiftReason} error={fieldError(lift.error, 'reason')} />
          <FormActions>
            <Button type="submit" variant="primary" busy={lift.busy}>Lift hold</Button>
            <Button onClick={() => setLifting(null)}>Cancel</Button>
          </FormActions>
        </Form>
      </Dialog>
    </section>
  );
}
