import { useEffect, useId, useState } from 'react';
import { zipSync } from 'fflate';
import {
  ROSTER_FILES,
  ROSTER_LIMITS,
  type RosterImportJob,
  type RosterImportReport,
} from '@common/roster-import.ts';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { api, upload } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useAction, useApiData } from '../../lib/hooks.ts';
import { usePolling } from '../incidents/usePolling.ts';
import { JobProgress, JobStatus, RosterImportResult } from './RosterImportReport.tsx';
import { RosterSettingsSection } from './RosterSettingsSection.tsx';

const KNOWN = new Set<string>(ROSTER_FILES);

/**
 * The package to send: a zip as it is, or the picked CSV files packed into one zip (stored, not compressed:
 * the point is one request, and CSV compresses on the wire anyway). Throws a readable error for a bad pick.
 */
async function packageOf(files: File[]): Promise<File> {
  if (files.length === 1 && /\.zip$/i.test(files[0]!.name)) return files[0]!;
  if (files.some((f) => /\.zip$/i.test(f.name)))
    throw new Error('Choose one zip package, or the CSV files of the package, not both.');
  const unknown = files.filter((f) => !KNOWN.has(f.name));
  if (unknown.length > 0)
    throw new Error(
      `${unknown.map((f) => f.name).join(', ')}: not a OneRoster file. Expected ${ROSTER_FILES.join(', ')}.`,
    );
  const entries: Record<string, Uint8Array> = {};
  for (const f of files) entries[f.name] = new Uint8Array(await f.arrayBuffer());
  const zipped = zipSync(entries, { level: 0 });
  return new File([zipped as Uint8Array<ArrayBuffer>], 'oneroster.zip', { type: 'application/zip' });
}

/** Data exchange: sync students from a OneRoster 1.1 or 1.2 CSV package, follow the run, read its report, undo it. */
export function RosterImportPage() {
  const inputId = useId();
  const [files, setFiles] = useState<File[]>([]);
  const [sending, setSending] = useState<number | null>(null);
  const [error, setError] = useState<Error | null>(null);
  const [jobId, setJobId] = useState<string | null>(null);
  // The package last sent, kept so a stopped sync can be confirmed without choosing it again.
  const [sent, setSent] = useState<{ jobId: string; pkg: File; name: string } | null>(null);
  const recent = useApiData<{ items: RosterImportJob[] }>('/roster-imports');
  const report = useApiData<RosterImportReport>(jobId ? `/roster-imports/${jobId}` : null);
  const running = report.data?.status === 'running' || (jobId !== null && !report.data && !report.error);
  usePolling(report.reload, 1000, report.data?.status === 'running');
  const finished = report.data && report.data.status !== 'running' ? report.data.id : null;
  const reloadRecent = recent.reload;
  useEffect(() => {
    if (finished) reloadRecent();
  }, [finished, reloadRecent]);

  const send = async (pkg: File, name: string, confirm: boolean) => {
    setSending(0);
    const job = await upload<RosterImportJob>(
      `/roster-imports?fileName=${encodeURIComponent(name)}&confirm=${confirm}`,
      pkg,
      { onProgress: setSending },
    );
    setJobId(job.id);
    setSent({ jobId: job.id, pkg, name });
    recent.reload();
  };
  const confirm = useAction(async () => {
    if (!sent) return;
    try {
      await send(sent.pkg, sent.name, true);
    } finally {
      setSending(null);
    }
  });
  const undo = useAction(async () => {
    if (!jobId) return;
    await api.post<RosterImportJob>(`/roster-imports/${jobId}/undo`);
    report.reload();
    recent.reload();
    return 'The sync was undone.';
  });

  const start = async () => {
    setError(null);
    try {
      const pkg = await packageOf(files);
      if (pkg.size > ROSTER_LIMITS.maxZipBytes)
        throw new Error(`The package is larger than ${ROSTER_LIMITS.maxZipBytes / 1024 / 1024} MB.`);
      await send(pkg, files.length === 1 ? files[0]!.name : pkg.name, false);
    } catch (e) {
      setError(e instanceof Error ? e : new Error(String(e)));
    } finally {
      setSending(null);
    }
  };

  return (
    <Page
      title="Data exchange"
      description="Sync students from a OneRoster 1.1 or 1.2 CSV package (the export of your student information system)."
    >
      <div className="page-sections">
        <Section title="Import a OneRoster roster" id="import">
          <Form onSubmit={() => void start()} error={error} aria-label="Import a OneRoster roster">
            <div className="field">
              <label htmlFor={inputId} className="field-label">
                OneRoster package
              </label>
              <input
                id={inputId}
                name="package"
                type="file"
                className="input"
                required
                multiple
                accept=".zip,.csv,application/zip,text/csv"
                aria-describedby={`${inputId}-hint`}
                onChange={(e) => {
                  setError(null);
                  setFiles(Array.from(e.target.files ?? []));
                }}
              />
              <p id={`${inputId}-hint`} className="field-hint">
                One zip, or the CSV files: manifest.csv, orgs.csv and users.csv (1.2: roles.csv too;
                enrollments.csv and demographics.csv when you have them). Bad rows are rejected and listed;
                the rest is imported. A sync that matches no school or inactivates many students stops and
                asks first.
              </p>
            </div>
            {sending !== null && (
              <div className="stack">
                <p aria-live="polite">Uploading… {Math.round(sending * 100)}%</p>
                <progress className="progress" max={1} value={sending} aria-label="Upload progress" />
              </div>
            )}
            <FormActions>
              <Button
                type="submit"
                variant="primary"
                busy={sending !== null || running}
                disabled={files.length === 0}
              >
                Import
              </Button>
            </FormActions>
          </Form>
        </Section>
        {jobId && (
          <Section title="This import" id="result">
            {report.data?.status === 'running' ? (
              <JobProgress job={report.data} />
            ) : (
              <LoadState resource={report} label="Loading the import…">
                {(r) => (
                  <div className="stack">
                    {(undo.error || confirm.error) && (
                      <p className="field-error" role="alert">
                        {(undo.error ?? confirm.error)!.message}
                      </p>
                    )}
                    {undo.success && <p role="status">{undo.success}</p>}
                    <RosterImportResult
                      report={r}
                      actions={{
                        onConfirm: sent?.jobId === r.id ? () => void confirm.run() : undefined,
                        onUndo: () => void undo.run(),
                        busy: undo.busy || confirm.busy,
                      }}
                    />
                  </div>
                )}
              </LoadState>
            )}
          </Section>
        )}
        <RosterSettingsSection />
        <Section title="Recent imports" id="recent">
          <LoadState resource={recent} label="Loading recent imports…">
            {({ items }) =>
              items.length === 0 ? (
                <EmptyState title="No roster import yet." />
              ) : (
                <DataTable
                  caption="Recent roster imports"
                  rows={items}
                  rowKey={(j) => j.id}
                  busy={recent.loading}
                  columns={[
                    { header: 'Started', className: 'nowrap', render: (j) => formatDateTime(j.startedAt) },
                    { header: 'File', render: (j) => j.fileName },
                    { header: 'By', render: (j) => j.startedBy?.name ?? 'Command line' },
                    { header: 'Status', render: (j) => <JobStatus job={j} /> },
                    {
                      header: 'Created / updated / inactivated',
                      render: (j) =>
                        `${j.counts.studentsCreated} / ${j.counts.studentsUpdated} / ${j.counts.studentsInactivated}`,
                    },
                    { header: 'Rejected', className: 'num', render: (j) => j.counts.rejected },
                    {
                      header: 'Report',
                      hideLabelWhenStacked: true,
                      render: (j) => (
                        <Button
                          size="small"
                          onClick={() => setJobId(j.id)}
                          aria-label={`Open the report of ${j.fileName}, ${formatDateTime(j.startedAt)}`}
                        >
                          Open report
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
    </Page>
  );
}
