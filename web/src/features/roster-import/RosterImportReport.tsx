import {
  ROSTER_LIMITS,
  type RosterPhase,
  type RosterImportJob,
  type RosterImportReport as Report,
} from '@common/roster-import.ts';
import { useState } from 'react';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { formatDateTime, plural } from '../../lib/format.ts';

const PHASE_LABELS: Record<RosterPhase, string> = {
  checking: 'Checking the files',
  orgs: 'Matching schools',
  roles: 'Reading roles',
  classes: 'Reading classes',
  demographics: 'Reading demographics',
  users: 'Importing students and staff',
  enrollments: 'Importing enrollments',
  finishing: 'Finishing',
  done: 'Done',
};

/** The tone and word of an import's status. */
export function JobStatus({ job }: { job: RosterImportJob }) {
  if (job.status === 'running') return <Badge tone="info">Running</Badge>;
  if (job.status === 'failed') return <Badge tone="danger">Failed</Badge>;
  if (job.status === 'needs_confirmation') return <Badge tone="warning">Stopped: needs confirmation</Badge>;
  if (job.undoneAt) return <Badge tone="neutral">Undone</Badge>;
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

/** What a stopped sync would have done, and the way to go on with it anyway. */
function ConfirmationBanner({
  report,
  onConfirm,
  busy,
}: {
  report: Report;
  onConfirm?: () => void;
  busy: boolean;
}) {
  const c = report.confirmation!;
  return (
    <div className="banner banner-warning" role="alert">
      <div>
        <p className="banner-title">The sync stopped before writing anything</p>
        <ul className="banner-text">
          {c.reasons.includes('no_school_matched') && (
            <li>No org of the package matched a school of the district (by NCES id or sourcedId).</li>
          )}
          <li>
            It would mark {c.studentsToInactivate.toLocaleString()} of {c.activeStudents.toLocaleString()}{' '}
            active students inactive (the district stops above {c.thresholdPct}%).
          </li>
          {c.staffToInactivate > 0 && (
            <li>
              It would deactivate {c.staffToInactivate.toLocaleString()} of {c.activeStaff.toLocaleString()} staff
              accounts the sync keeps.
            </li>
          )}
          <li>
            It would create {report.counts.studentsCreated.toLocaleString()} and update{' '}
            {report.counts.studentsUpdated.toLocaleString()} students; {plural(report.counts.rejected, 'row')}{' '}
            rejected.
          </li>
        </ul>
        {onConfirm ? (
          <Button variant="danger" busy={busy} onClick={onConfirm}>
            Import anyway
          </Button>
        ) : (
          <p className="banner-text">Choose the same package again and import it to confirm.</p>
        )}
      </div>
    </div>
  );
}

/** Undo of a sync within its window, behind a second click that says what happens. */
function UndoSync({ report, onUndo, busy }: { report: Report; onUndo: () => void; busy: boolean }) {
  const [asking, setAsking] = useState(false);
  if (!report.undoableUntil) return null;
  return asking ? (
    <div className="banner banner-warning" role="alert">
      <div>
        <p className="banner-title">Undo this sync?</p>
        <p className="banner-text">
          Students it updated or inactivated get their previous values back, students it created become
          inactive, and its enrollment changes are reverted.
        </p>
        <div className="row">
          <Button variant="danger" busy={busy} onClick={onUndo}>
            Undo sync
          </Button>
          <Button onClick={() => setAsking(false)}>Keep it</Button>
        </div>
      </div>
    </div>
  ) : (
    <p>
      <Button onClick={() => setAsking(true)}>Undo this sync</Button>{' '}
      <span className="muted small">possible until {formatDateTime(report.undoableUntil)}</span>
    </p>
  );
}

export interface ResultActions {
  /** Sends the same package again with confirmation (absent when the page no longer holds it). */
  onConfirm?: () => void;
  onUndo: () => void;
  busy: boolean;
}

/** The result of a finished import: counts of students created, updated, inactivated and the rejected rows. */
export function RosterImportResult({ report, actions }: { report: Report; actions: ResultActions }) {
  const c = report.counts;
  if (report.status === 'needs_confirmation' && report.confirmation)
    return <ConfirmationBanner report={report} onConfirm={actions.onConfirm} busy={actions.busy} />;
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
      <dl className="stat-row" aria-label="Staff, families and classes">
        <div>
          <dt>Staff created</dt>
          <dd>{c.staffCreated.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Staff updated</dt>
          <dd>{c.staffUpdated.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Staff deactivated</dt>
          <dd>{c.staffInactivated.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Invitations sent</dt>
          <dd>{c.invitationsQueued.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Guardians created</dt>
          <dd>{c.guardiansCreated.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Guardian ties</dt>
          <dd>{c.guardianLinks.toLocaleString()}</dd>
        </div>
        <div>
          <dt>Classes</dt>
          <dd>{c.classes.toLocaleString()}</dd>
        </div>
      </dl>
      <p className="muted small">
        {plural(c.schoolsMatched, 'school')} matched · {plural(c.skipped, 'row')} not about students left
        aside · {plural(c.enrollmentsRemoved, 'enrollment')} removed
        {report.version ? ` · OneRoster ${report.version}` : ''}
      </p>
      {(c.studentsWithoutNumber > 0 || c.studentsWithoutGrade > 0 || c.studentsWithoutDemographics > 0) && (
        <div className="banner banner-info" role="status">
          <div>
            <p className="banner-title">Imported with missing data (optional in OneRoster)</p>
            <ul className="banner-text">
              {c.studentsWithoutNumber > 0 && (
                <li>
                  {plural(c.studentsWithoutNumber, 'student')} without identifier: the sourcedId is their
                  student number
                </li>
              )}
              {c.studentsWithoutGrade > 0 && (
                <li>{plural(c.studentsWithoutGrade, 'student')} without a grade</li>
              )}
              {c.studentsWithoutDemographics > 0 && (
                <li>
                  {plural(c.studentsWithoutDemographics, 'student')} without birth date, sex or race/ethnicity
                </li>
              )}
            </ul>
          </div>
        </div>
      )}
      {report.undoneAt ? (
        <p className="muted small">Undone {formatDateTime(report.undoneAt)}.</p>
      ) : (
        <UndoSync report={report} onUndo={actions.onUndo} busy={actions.busy} />
      )}
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
