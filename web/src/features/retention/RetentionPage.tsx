import { useState } from 'react';
import { RECORD_TYPE_LABELS, type DestructionReport, type RecordType, type Schedule } from '@common/retention.ts';
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
import { api } from '../../lib/api.ts';
import { formatDateTime, formatDay } from '../../lib/format.ts';
import { fieldError, useAction, useApiData } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';
import { LegalHolds } from './LegalHolds.tsx';
import { ReportRecords } from './ReportRecords.tsx';

const STATE_LABELS: Record<DestructionReport['state'], [string, 'warning' | 'neutral' | 'info' | 'success' | 'danger']> = {
  pending: ['Awaiting approval', 'warning'], rejected: ['Rejected', 'neutral'], approved: ['Approved', 'info'], purging: ['Purging…', 'info'], purged: ['Purged', 'success'],
};

/** Edits one record type's period: whole years, permanent, or back to the state default. */
function ScheduleForm({ schedule, onDone, onCancel }: { schedule: Schedule; onDone: (m: string) => void; onCancel: () => void }) {
  const [years, setYears] = useState(schedule.years === null ? '' : String(schedule.years));
  const [permanent, setPermanent] = useState(schedule.years === null);
  const [note, setNote] = useState(schedule.note ?? '');
  const save = useAction(async () => {
    await api.put('/retention/schedules', { recordType: schedule.recordType, years: permanent ? null : Number(years), note: note.trim() || null });
    onDone(`${schedule.label}: saved.`);
  });
  const reset = useAction(async () => {
    await api.put('/retention/schedules', { recordType: schedule.recordType, reset: true });
    onDone(`${schedule.label}: back to the state default.`);
  });
  return (
    <Form onSubmit={() => void save.run()} error={save.error ?? reset.error} aria-label={`Retention of ${schedule.label}`}>
      {schedule.stateDefault && <p>State default: {schedule.stateDefault.years === null ? 'permanent' : `${schedule.stateDefault.years} years`}. {schedule.stateDefault.citation}</p>}
      <CheckboxField label="Keep permanently (never destroyed)" checked={permanent} onChange={setPermanent} />
      {!permanent && (
        <TextField label={`Years after the ${schedule.from}`} name="years" type="number" min={1} max={100} required value={years} onChange={setYears} error={fieldError(save.error, 'years')} />
      )}
      <TextField label="Note (board policy, counsel's advice)" name="note" value={note} onChange={setNote} error={fieldError(save.error, 'note')} />
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>Save</Button>
        {schedule.source === 'district' && schedule.stateDefault && <Button onClick={() => void reset.run()} busy={reset.busy}>Use the state default</Button>}
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}

/** Approves (the records are purged) or rejects (nothing is destroyed, note required) a pending report. */
function DecisionForm({ report, kind, onDone, onCancel }: { report: DestructionReport; kind: 'approve' | 'reject'; onDone: (m: string) => void; onCancel: () => void }) {
  const [note, setNote] = useState('');
  const decide = useAction(async () => {
    await api.post(`/retention/reports/${report.id}/${kind}`, kind === 'approve' ? (note.trim() ? { note } : {}) : { note });
    onDone(kind === 'approve' ? `Approved: ${report.total} records are being destroyed.` : 'Rejected: nothing was destroyed.');
  });
  return (
    <Form onSubmit={() => void decide.run()} error={decide.error} aria-label={kind === 'approve' ? 'Approve destruction' : 'Reject destruction'}>
      {kind === 'approve'
        ? <p>The {report.total} records listed are destroyed with their files, history, search entries and links. This cannot be undone.</p>
        : <p>Nothing is destroyed. The records are listed again by the next nightly run unless their schedule changes or they are put on hold.</p>}
      <TextField label={kind === 'approve' ? 'Note (optional)' : 'Why (required)'} name="note" required={kind === 'reject'} value={note} onChange={setNote} error={fieldError(decide.error, 'note')} />
      <FormActions>
        <Button type="submit" variant={kind === 'approve' ? 'danger' : 'primary'} busy={decide.busy}>{kind === 'approve' ? 'Approve and destroy' : 'Reject report'}</Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}

/** One destruction report: counts, dates and held records per type, the numbers on request, the decision. */
function ReportCard({ report, onAction }: { report: DestructionReport; onAction: (kind: 'approve' | 'reject') => void }) {
  const [open, setOpen] = useState<RecordType | null>(null);
  const [label, tone] = STATE_LABELS[report.state];
  return (
    <section className="card" aria-label={`Destruction report of ${formatDay(report.day)}`}>
      <h3>Report of {formatDay(report.day)} <Badge tone={tone}>{label}</Badge></h3>
      <p>{report.total} records past retention{report.decidedAt ? `; ${report.state === 'rejected' ? 'rejected' : 'approved'} ${formatDateTime(report.decidedAt)} by ${report.decidedBy ?? ''}` : ''}{report.decisionNote ? ` (${report.decisionNote})` : ''}.</p>
      <DataTable
        caption={`Records in the report of ${formatDay(report.day)}`}
        rows={report.lines}
        rowKey={(l) => l.recordType}
        columns={[
          { header: 'Record type', render: (l) => l.label },
          { header: 'Kept', render: (l) => `${l.years} years (before ${formatDay(l.cutoffDay)})` },
          { header: 'Records', render: (l) => (l.purged !== null ? `${l.purged} destroyed of ${l.count}` : String(l.count)) },
          { header: 'Dates', render: (l) => (l.oldest ? `${formatDay(l.oldest)} – ${formatDay(l.newest)}` : '—') },
          { header: 'On legal hold (kept)', render: (l) => String(l.held) },
          { header: 'Numbers', hideLabelWhenStacked: true, render: (l) => (l.count > 0 ? <Button onClick={() => setOpen(open === l.recordType ? null : l.recordType)} aria-expanded={open === l.recordType}>{open === l.recordType ? 'Hide numbers' : 'Show numbers'}</Button> : null) },
        ]}
      />
      {open && <ReportRecords reportId={report.id} recordType={open} label={RECORD_TYPE_LABELS[open].label} />}
      {(report.actions.approve || report.actions.reject) && (
        <FormActions>
          {report.actions.approve && <Button variant="danger" onClick={() => onAction('approve')}>Approve destruction…</Button>}
          {report.actions.reject && <Button onClick={() => onAction('reject')}>Reject…</Button>}
        </FormActions>
      )}
    </section>
  );
}

/** Retention: the district's schedules, the nightly destruction reports awaiting approval, and legal holds. */
export function RetentionPage() {
  const session = useSession();
  const schedules = useApiData<{ state: string | null; items: Schedule[] }>('/retention/schedules');
  const reports = useApiData<{ items: DestructionReport[] }>('/retention/reports');
  const [editing, setEditing] = useState<Schedule | null>(null);
  const [deciding, setDeciding] = useState<{ report: DestructionReport; kind: 'approve' | 'reject' } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const done = (m: string) => {
    setEditing(null);
    setDeciding(null);
    setMessage(m);
    schedules.reload();
    reports.reload();
  };
  return (
    <Page title="Records retention" description="How long each kind of record is kept, what the nightly check found past its period, and records on legal hold.">
      <Notice message={message} />
      <h2>Destruction reports</h2>
      <LoadState resource={reports} label="Loading destruction reports…">
        {({ items }) => items.length === 0
          ? <EmptyState title="No destruction report yet.">The nightly check lists records past their retention period here for approval.</EmptyState>
          : <>{items.map((r) => <ReportCard key={r.id} report={r} onAction={(kind) => setDeciding({ report: r, kind })} />)}</>}
      </LoadState>
      <h2>Retention schedules</h2>
      <LoadState resource={schedules} label="Loading schedules…">
        {({ state, items }) => (
          <DataTable
            caption={state ? `Retention periods (defaults of ${state})` : 'Retention periods (no state defaults: set the district\'s state)'}
            rows={items}
            rowKey={(s) => s.recordType}
            columns={[
              { header: 'Record type', render: (s) => s.label },
              { header: 'Kept', render: (s) => (s.years === null ? (s.source === 'none' ? 'not scheduled (kept)' : 'permanently') : `${s.years} years after the ${s.from}`) },
              { header: 'Source', render: (s) => (s.source === 'district' ? `District${s.note ? `: ${s.note}` : ''}` : s.source === 'state' ? 'State default' : '—') },
              { header: 'Citation', render: (s) => s.stateDefault?.citation ?? '—' },
              { header: 'Actions', hideLabelWhenStacked: true, render: (s) => <Button onClick={() => setEditing(s)} aria-label={`Change retention of ${s.label}`}>Change…</Button> },
            ]}
          />
        )}
      </LoadState>
      {session.can('retention.hold') && <LegalHolds />}
      <Dialog open={editing !== null} title={`Retention: ${editing?.label ?? ''}`} onClose={() => setEditing(null)}>
        {editing && <ScheduleForm schedule={editing} onDone={done} onCancel={() => setEditing(null)} />}
      </Dialog>
      <Dialog open={deciding !== null} title={deciding?.kind === 'approve' ? 'Approve destruction' : 'Reject destruction report'} onClose={() => setDeciding(null)}>
        {deciding && <DecisionForm report={deciding.report} kind={deciding.kind} onDone={done} onCancel={() => setDeciding(null)} />}
      </Dialog>
    </Page>
  );
}
