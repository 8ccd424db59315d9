import { useState } from 'react';
import type { SealedRecord } from '@common/sealing.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Notice } from '../../components/ErrorBanner.tsx';
import { CheckboxField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page } from '../../components/Page.tsx';
import { ApiError, api, upload, withQuery } from '../../lib/api.ts';
import { formatDateTime, formatDay } from '../../lib/format.ts';
import { fieldError, useAction, useApiData } from '../../lib/hooks.ts';

const STATE_LABELS: Record<SealedRecord['state'], string> = {
  sealing: 'Sealing…', sealed: 'Sealed', expunging: 'Expunging…', expunged: 'Expunged',
};

/** Unseals by court order: the order's number and date and the order itself (PDF). */
function UnsealForm({ record, onDone, onCancel }: { record: SealedRecord; onDone: (m: string) => void; onCancel: () => void }) {
  const [orderNumber, setOrderNumber] = useState('');
  const [orderDate, setOrderDate] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const unseal = useAction(async () => {
    if (!file) throw new ApiError(400, { code: 'validation_failed', message: 'file: choose the court order (PDF)', field: 'file' });
    await upload(withQuery(`/sealed-records/${record.id}/unseal`, { orderNumber, orderDate, fileName: file.name }), file);
    onDone('The record was unsealed and is back in every list.');
  });
  return (
    <Form onSubmit={() => void unseal.run()} error={unseal.error} aria-label="Unseal by court order">
      <p>Unsealing restores the record, its evidence, links and history. It is recorded in the audit log with the order.</p>
      <TextField label="Order number" name="orderNumber" required value={orderNumber} onChange={setOrderNumber} error={fieldError(unseal.error, 'orderNumber')} />
      <TextField label="Order date" name="orderDate" type="date" required value={orderDate} onChange={setOrderDate} error={fieldError(unseal.error, 'orderDate')} />
      <div className={fieldError(unseal.error, 'file') ? 'field field-invalid' : 'field'}>
        <label htmlFor="unseal-order-file">The court order (PDF)</label>
        <input id="unseal-order-file" type="file" accept="application/pdf" required onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        {fieldError(unseal.error, 'file') && <p className="field-error">{fieldError(unseal.error, 'file')}</p>}
      </div>
      <FormActions>
        <Button type="submit" variant="primary" busy={unseal.busy}>Unseal record</Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}

/** Expunges by court order: the record and its evidence are destroyed; only the tombstone stays. */
function ExpungeForm({ record, onDone, onCancel }: { record: SealedRecord; onDone: (m: string) => void; onCancel: () => void }) {
  const [orderNumber, setOrderNumber] = useState('');
  const [orderDate, setOrderDate] = useState('');
  const [confirm, setConfirm] = useState(false);
  const expunge = useAction(async () => {
    await api.post(`/sealed-records/${record.id}/expunge`, { orderNumber, orderDate, confirm });
    onDone('The record was expunged. Only the order, its date and your name are kept.');
  });
  return (
    <Form onSubmit={() => void expunge.run()} error={expunge.error} aria-label="Expunge by court order">
      <p>Expungement destroys the record and its evidence for good. It cannot be undone.</p>
      <TextField label="Order number" name="orderNumber" required value={orderNumber} onChange={setOrderNumber} error={fieldError(expunge.error, 'orderNumber')} />
      <TextField label="Order date" name="orderDate" type="date" required value={orderDate} onChange={setOrderDate} error={fieldError(expunge.error, 'orderDate')} />
      <CheckboxField label="I understand that this cannot be undone" checked={confirm} onChange={setConfirm} required />
      <FormActions>
        <Button type="submit" variant="danger" busy={expunge.busy}>Expunge record</Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}

/** Sealed and expunged records of the district: no content, only the orders; unseal or expunge by court order. */
export function SealedRecordsPage() {
  const [number, setNumber] = useState('');
  const [query, setQuery] = useState<string | undefined>(undefined);
  const resource = useApiData<{ items: SealedRecord[] }>('/sealed-records', query ? { number: query } : undefined);
  const [action, setAction] = useState<{ kind: 'unseal' | 'expunge'; record: SealedRecord } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const done = (m: string) => {
    setAction(null);
    setMessage(m);
    resource.reload();
  };
  return (
    <Page title="Sealed records" description="Records sealed by court order or statute. Their content is locked; only the orders are shown.">
      <Notice message={message} />
      <Form onSubmit={() => setQuery(number.trim() || undefined)} aria-label="Find a sealed record by its incident number">
        <div className="row">
          <TextField label="Incident number named in a court order" name="number" value={number} onChange={setNumber} hint="For example 2026-000123" />
          <FormActions>
            <Button type="submit">Find</Button>
            {query && <Button onClick={() => { setNumber(''); setQuery(undefined); }}>Show all</Button>}
          </FormActions>
        </div>
      </Form>
      <LoadState resource={resource} label="Loading sealed records…">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState title={query ? 'No sealed record has this number.' : 'No sealed records.'} />
          ) : (
            <DataTable
              caption="Sealed and expunged records"
              rows={items}
              rowKey={(r) => r.id}
              columns={[
                { header: 'State', render: (r) => <Badge tone={r.state === 'expunged' ? 'neutral' : 'warning'}>{STATE_LABELS[r.state]}</Badge> },
                { header: 'School', render: (r) => r.schoolName ?? '—' },
                { header: 'Sealed', render: (r) => `${formatDateTime(r.sealedAt)}${r.sealedByName ? ` by ${r.sealedByName}` : ''}` },
                { header: 'Order', render: (r) => (r.orderNumber ? `${r.orderNumber}${r.orderDate ? ` of ${formatDay(r.orderDate)}` : ''}` : '—') },
                { header: 'Evidence', render: (r) => (r.filesDestroyed ? 'destroyed' : `${r.fileCount} locked`) },
                {
                  header: 'Expunged',
                  render: (r) => (r.expungedAt ? `${r.expungeOrderNumber ?? ''} of ${formatDay(r.expungeOrderDate)}, ${formatDateTime(r.expungedAt)} by ${r.expungedByName ?? ''}` : '—'),
                },
                {
                  header: 'Actions',
                  hideLabelWhenStacked: true,
                  render: (r) => (
                    <span className="row">
                      {r.can.unseal && <Button onClick={() => setAction({ kind: 'unseal', record: r })}>Unseal…</Button>}
                      {r.can.expunge && <Button variant="danger" onClick={() => setAction({ kind: 'expunge', record: r })}>Expunge…</Button>}
                    </span>
                  ),
                },
              ]}
            />
          )
        }
      </LoadState>
      <Dialog open={action !== null} title={action?.kind === 'expunge' ? 'Expunge by court order' : 'Unseal by court order'} onClose={() => setAction(null)}>
        {action?.kind === 'unseal' && <UnsealForm record={action.record} onDone={done} onCancel={() => setAction(null)} />}
        {action?.kind === 'expunge' && <ExpungeForm record={action.record} onDone={done} onCancel={() => setAction(null)} />}
      </Dialog>
    </Page>
  );
}
