import { useEffect, useState } from 'react';
import type { BackupOverview, BackupRun, BackupSettings } from '@common/backups.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorBanner, Notice } from '../../components/ErrorBanner.tsx';
import { CheckboxField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { fieldError, useAction, useApiData } from '../../lib/hooks.ts';

/** Bytes as kB / MB / GB for the list. */
function size(bytes: number | null): string {
  if (bytes === null) return '—';
  const units = ['bytes', 'kB', 'MB', 'GB', 'TB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${unit === 0 ? value : value.toFixed(1)} ${units[unit]}`;
}

function StatusBadge({ run }: { run: BackupRun }) {
  if (run.status === 'running') return <Badge tone="warning">Running</Badge>;
  if (run.status === 'failed') return <Badge tone="danger">Failed</Badge>;
  if (run.removed) return <Badge>Removed (kept only the newest)</Badge>;
  return <Badge tone="success">Written</Badge>;
}

function VerifyCell({ run, onVerify, busy }: { run: BackupRun; onVerify: (id: string) => void; busy: boolean }) {
  const canVerify = run.status === 'succeeded' && !run.removed && run.verifyStatus !== 'running';
  return (
    <div className="row">
      {run.verifyStatus === 'running' && <Badge tone="warning">Verifying…</Badge>}
      {run.verifyStatus === 'passed' && <Badge tone="success">Verified {formatDateTime(run.verifiedAt)}</Badge>}
      {run.verifyStatus === 'failed' && <Badge tone="danger">Verification failed</Badge>}
      {run.verifyDetail && <p className="muted">{run.verifyDetail}</p>}
      {canVerify && (
        <Button size="small" busy={busy} onClick={() => onVerify(run.id)} aria-label={`Verify the backup of ${formatDateTime(run.startedAt)}`}>
          Verify
        </Button>
      )}
    </div>
  );
}

function SettingsForm({ settings, saved, onSaved }: { settings: BackupSettings; saved: string | null; onSaved: () => void }) {
  // The page remounts the form (key) when the saved settings change, so it starts from them; the confirmation is
  // the page's, so it outlives that remount (it vanished as soon as the saved settings came back).
  const [form, setForm] = useState(settings);
  const save = useAction(async () => {
    await api.put('/backups/settings', form);
    onSaved();
  });
  return (
    <Form onSubmit={() => void save.run()} error={save.error} success={save.error ? null : saved} aria-label="Backup schedule">
      <CheckboxField label="Take a backup every day" checked={form.enabled} onChange={(enabled) => setForm({ ...form, enabled })} name="enabled" />
      <TextField label="Time of day (24-hour)" type="time" name="timeOfDay" required value={form.timeOfDay}
        onChange={(timeOfDay) => setForm({ ...form, timeOfDay })} error={fieldError(save.error, 'timeOfDay')} />
      <TextField label="Time zone" name="timeZone" required value={form.timeZone} hint="For example America/Chicago"
        onChange={(timeZone) => setForm({ ...form, timeZone })} error={fieldError(save.error, 'timeZone')} />
      <TextField label="Backups to keep" type="number" name="keep" min={1} max={365} required value={String(form.keep)}
        onChange={(keep) => setForm({ ...form, keep: Number(keep) })} error={fieldError(save.error, 'keep')} />
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>Save schedule</Button>
      </FormActions>
    </Form>
  );
}

/** The system administrator's backups: schedule, "back up now", the archives with size, and verify. */
export function BackupsPage() {
  const overview = useApiData<BackupOverview>('/backups');
  const { reload } = overview;
  const [saved, setSaved] = useState<string | null>(null);
  const busy = overview.data?.runs.some((r) => r.status === 'running' || r.verifyStatus === 'running') ?? false;
  // While a backup or a verification runs, the list refreshes itself.
  useEffect(() => {
    if (!busy) return;
    const timer = window.setInterval(reload, 3000);
    return () => window.clearInterval(timer);
  }, [busy, reload]);
  const backUp = useAction(async () => {
    await api.post('/backups');
    reload();
    return 'Backup started. It appears below when written.';
  });
  const verify = useAction(async (id: string) => {
    await api.post(`/backups/${id}/verify`);
    reload();
    return 'Verification started: the backup is being restored into a scratch database.';
  });

  return (
    <Page title="Backups" description="Encrypted backups of the database and stored files, taken by the server."
      breadcrumbs={[{ label: 'District settings', to: '/district' }]}>
      <LoadState resource={overview} label="Loading backups…">
        {(data) => (
          <div className="page-sections">
            {!data.keyConfigured && (
              <div className="banner banner-warning" role="alert">
                <p className="banner-text">BACKUP_KEY is not set on the server: no backup can be taken. Set it in the service environment (never beside the backups) and restart.</p>
              </div>
            )}
            {data.lastScheduledFailed && (
              <div className="banner banner-error" role="alert">
                <p className="banner-text">The last scheduled backup failed. See its error below.</p>
              </div>
            )}
            <Section title="Schedule">
              <p className="muted">
                Written to {data.backupDir}.{' '}
                {data.nextRunAt ? `Next backup ${formatDateTime(data.nextRunAt)}.` : 'Scheduled backups are off.'}
              </p>
              <SettingsForm key={JSON.stringify(data.settings)} settings={data.settings} saved={saved}
                onSaved={() => { setSaved('Schedule saved.'); reload(); }} />
            </Section>
            <Section title="Backups" actions={
              data.keyConfigured ? <Button variant="primary" busy={backUp.busy} onClick={() => void backUp.run()}>Back up now</Button> : undefined
            }>
              <ErrorBanner error={backUp.error ?? verify.error} />
              <Notice message={backUp.success ?? verify.success} />
              {data.runs.length === 0 ? (
                <EmptyState title="No backup yet." />
              ) : (
                <DataTable caption="Backups, newest first" rows={data.runs} rowKey={(r) => r.id} columns={[
                  { header: 'Started', className: 'nowrap', render: (r) => formatDateTime(r.startedAt) },
                  { header: 'Kind', render: (r) => (r.kind === 'scheduled' ? 'Scheduled' : 'Back up now') },
                  { header: 'Status', render: (r) => <StatusBadge run={r} /> },
                  { header: 'Size', className: 'nowrap', render: (r) => size(r.bytes) },
                  { header: 'Contents', render: (r) => r.error ?? (r.rows === null ? '—' : `${r.tables} tables, ${r.rows} rows, ${r.files} files`) },
                  { header: 'Verification', render: (r) => <VerifyCell run={r} busy={verify.busy} onVerify={(id) => void verify.run(id)} /> },
                ]} />
              )}
            </Section>
          </div>
        )}
      </LoadState>
    </Page>
  );
}
