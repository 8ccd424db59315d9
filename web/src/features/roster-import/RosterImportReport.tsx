import {
  ROSTER_LIMITS,
  type RosterPhase,
  type RosterImportJob,
  type RosterImportReport as Report,
} from '@common/roster-import.ts';
import { Badge } from '../../components/Badge.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { formatDateTime, plural } from '../../lib/format.ts';

const PHASE_LABELS: Record<RosterPhase, string> = {
  checking: 'Checking the files',
  orgs: 'Matching schools',
  demographics: 'Reading demographics',
  users: 'Importing students',
  enrollments: 'Importing enrollments',
  finishing: 'Finishing',
  done: 'Done',
};

/** The tone and word of an import's status. */
export function JobStatus({ job }: { job: RosterImportJob }) {
  if (job.status === 'running') return <Badge tone="info">Running</Badge>;
  if (job.status === 'failed') return <Badge tone="danger">Failed</Badge>;
  return job.counts.rejected > 0 ? (
    <Badge tone="warning">Done with rejected rows</Badge>
  ) : (
    <Badge tone="success">Done</Badge>
  );
}

/** Progress of a running import: the phase and the share of CSV bytes read. */
export function JobProgress({ job }: { job: RosterImportJob }) {
  const fraction = job.total > 0 ? Math.min(1, job.processed / job.total) : 0;
  return (
    <div className="stack" aria-live="polite">
      <p>
        {PHASE_LABELS[job.phase]}… {Math.round(fraction * 100)}% ({plural(job.rows, 'row')} read)
      </p>
      <progress className="progress" max={1} value={fraction} aria-label="Import progress" />
    </div>
  );
}

/** The result of a finished import: counts of students created, updated, inactivated and the rejected rows. */
export function RosterImportResult({ report }: { report: Report }) {
  const c = report.counts;
  if (report.status === 'failed')
    return (
      <div className="banner banner-error" role="alert">
        <div>
          <p className="banner-title">The import failed; nothing was written</p>
          <p className="banner-text">
            {report.error?.message ?? 'Unknown error'}
            {report.error?.file
              ? ` (${report.error.file}${report.error.line ? `, line ${report.error.line}` : ''})`
              : ''}
          </p>
        </div>
      </div>
    );
  return (
    <div className="stack">
      <p className="muted small">
        {report.fileName} · started {formatDateTime(report.startedAt)}
        {report.startedBy ? ` by ${report.startedBy.name}` : ' from the command line'}
        {report.finishedAt ? ` · finished ${formatDateTime(report.finishedAt)}` : ''}
      </p>
      <dl className="stat-row" aria-label="Import counts">
        <div>
          <dt>Students created</dt>
          <dd>{c.studentsCreated.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Updated</dt>
          <dd>{c.studentsUpdated.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Unchanged</dt>
          <dd>{c.studentsUnchanged.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Inactivated</dt>
          <dd>{c.studentsInactivated.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Enrollments</dt>
          <dd>{c.enrollments.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Rejected rows</dt>
          <dd>{c.rejected.toLocaleString()}</dd>
        </div>
      </dl>
      <p className="muted small">
        {plural(c.schoolsMatched, 'school')} matched · {plural(c.skipped, 'row')} not about students left
        aside
      </p>
      <h3>Rejected rows</h3>
      {report.rejections.length === 0 ? (
        <EmptyState title="No row was rejected." />
      ) : (
        <>
          {c.rejected > report.rejections.length && (
            <p className="muted small">
              The first {ROSTER_LIMITS.maxRejectionsKept.toLocaleString()} of {c.rejected.toLocaleString()}{' '}
              rejected rows are listed.
            </p>
          )}
          <DataTable
            caption="Rejected rows"
            rows={report.rejections}
            rowKey={(r) => `${r.file}:${r.line}`}
            columns={[
              { header: 'File', className: 'nowrap', render: (r) => r.file },
              { header: 'Line', className: 'num', render: (r) => r.line },
              { header: 'Sourced id', render: (r) => r.sourcedId ?? '' },
              { header: 'Reason', render: (r) => r.reason },
            ]}
          />
        </>
      )}
    </div>
  );
}
