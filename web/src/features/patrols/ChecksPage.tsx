import { DownloadCsv } from '../../components/DownloadCsv.tsx';
import { useState } from 'react';
import type { Checklist, CheckRunDetail, CheckRunPage } from '@common/patrols.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Notice } from '../../components/ErrorBanner.tsx';
import { SelectField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { formatDateTime, plural } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { useSchoolFilter, useSchoolOptions, withAllSchools } from '../../lib/options.ts';
import { useSession } from '../../lib/session.tsx';
import { useUrlFilters } from '../../lib/url-state.ts';
import { ChecklistForm } from './ChecklistForm.tsx';
import { CheckRunForm } from './CheckRunForm.tsx';
import { QueuedWrites } from '../offline/QueuedWrites.tsx';
import { useQueueSent } from '../../lib/offline.tsx';
import { CheckRunView } from './CheckRunView.tsx';
import { PatrolTabs } from './PatrolTabs.tsx';

type DialogState =
  | { kind: 'run'; checklist: Checklist }
  | { kind: 'result'; run: CheckRunDetail }
  | { kind: 'view'; runId: string }
  | { kind: 'edit'; checklist?: Checklist }
  | null;

/** A past run loaded by id (the list holds summaries only). */
function RunDetail({ runId }: { runId: string }) {
  const run = useApiData<CheckRunDetail>(`/patrol-checks/${runId}`);
  return <LoadState resource={run}>{(r) => <CheckRunView run={r} />}</LoadState>;
}

/**
 * Security checks (capability 5): the check lists of each school, running one (failed items open work orders)
 * and the recent runs with their failures.
 */
export function ChecksPage() {
  const { can, schools, selectedSchoolId } = useSession();
  const canRun = can('patrol.log');
  const canManage = can('patrol.checklist.manage');
  const [filters, setFilters] = useUrlFilters(['schoolId', 'failed'] as const);
  const { schoolId, selectValue } = useSchoolFilter(filters.schoolId);
  const schoolOptions = useSchoolOptions();
  const checklists = useApiData<{ items: Checklist[] }>(
    '/patrol-checklists',
    { schoolId },
    { keepPrevious: true },
  );
  const runs = useApiData<CheckRunPage>(
    '/patrol-checks',
    { schoolId, failed: filters.failed === 'true' ? 'true' : undefined, limit: 20 },
    { keepPrevious: true },
  );
  const [dialog, setDialog] = useState<DialogState>(null);
  const [message, setMessage] = useState<string | null>(null);
  useQueueSent('check', () => runs.reload());
  const open = (d: DialogState) => {
    setMessage(null);
    setDialog(d);
  };
  const defaultSchoolId = schoolId || selectedSchoolId || schools[0]?.id || '';

  return (
    <Page
      title="Patrols & checks"
      description="Routine security checks: doors, gates, cameras. A failed item opens a work order."
      actions={
        <>
          <DownloadCsv
            path="/patrol-checks"
            query={{ schoolId, failed: filters.failed === 'true' ? 'true' : undefined, limit: 20 }}
            permission="patrol.read"
          />
          {canManage && (
            <Button variant="primary" onClick={() => open({ kind: 'edit' })}>
              New check list
            </Button>
          )}
        </>
      }
    >
      <PatrolTabs />
      <Notice message={message} />
      <div role="search" className="filters" aria-label="Filter security checks">
        {schools.length > 1 && (
          <SelectField
            label="School"
            value={selectValue}
            onChange={(v) => setFilters({ schoolId: v })}
            options={withAllSchools(schoolOptions)}
          />
        )}
        <SelectField
          label="Runs"
          value={filters.failed}
          onChange={(v) => setFilters({ failed: v })}
          options={[{ value: 'true', label: 'Only runs with a failed item' }]}
          placeholder="All runs"
        />
      </div>
      <div className="page-sections">
        <Section title="Check lists" id="checklists">
          <LoadState resource={checklists} label="Loading check lists…">
            {({ items }) =>
              items.length === 0 ? (
                <EmptyState
                  title="No check list for this school yet."
                  action={canManage && <Button onClick={() => open({ kind: 'edit' })}>New check list</Button>}
                />
              ) : (
                <ul className="entry-cards" aria-label="Check lists">
                  {items.map((c) => (
                    <li key={c.id} className="entry-card" data-checklist={c.name}>
                      <div className="row-between">
                        <strong>{c.name}</strong>
                        <span className="muted small">{plural(c.items.length, 'item')}</span>
                      </div>
                      <p className="small muted">
                        {c.school.name} ·{' '}
                        {c.lastRunAt ? `last run ${formatDateTime(c.lastRunAt)}` : 'never run'}
                      </p>
                      <div className="row">
                        {canRun && (
                          <Button
                            size="small"
                            variant="primary"
                            onClick={() => open({ kind: 'run', checklist: c })}
                            aria-label={`Run ${c.name}`}
                          >
                            Run check
                          </Button>
                        )}
                        {canManage && (
                          <Button
                            size="small"
                            onClick={() => open({ kind: 'edit', checklist: c })}
                            aria-label={`Edit ${c.name}`}
                          >
                            Edit
                          </Button>
                        )}
                      </div>
                    </li>
                  ))}
                </ul>
              )
            }
          </LoadState>
        </Section>
        <Section title="Recent checks" id="runs">
          <QueuedWrites kind="check" label="Checks not yet sent" />
          <LoadState resource={runs} label="Loading checks…">
            {({ items, total }) =>
              items.length === 0 ? (
                <EmptyState title="No check run yet." />
              ) : (
                <>
                  <p className="muted small">
                    {items.length < total
                      ? `The latest ${items.length} of ${total} checks`
                      : plural(total, 'check')}
                  </p>
                  <DataTable
                    caption="Recent security checks"
                    rows={items}
                    rowKey={(r) => r.id}
                    busy={runs.loading}
                    columns={[
                      { header: 'When', className: 'nowrap', render: (r) => formatDateTime(r.startedAt) },
                      { header: 'Check list', render: (r) => r.checklist.name },
                      { header: 'School', render: (r) => r.school.name },
                      { header: 'By', render: (r) => r.officer.name },
                      {
                        header: 'Result',
                        render: (r) =>
                          r.failedCount > 0 ? (
                            <Badge tone="danger">
                              ✕ {r.failedCount} of {r.itemCount} failed
                            </Badge>
                          ) : (
                            <Badge tone="success">✓ All {r.itemCount} passed</Badge>
                          ),
                      },
                      {
                        header: 'Actions',
                        className: 'actions',
                        hideLabelWhenStacked: true,
                        render: (r) => (
                          <Button
                            size="small"
                            onClick={() => open({ kind: 'view', runId: r.id })}
                            aria-label={`View ${r.checklist.name} of ${formatDateTime(r.startedAt)}`}
                          >
                            View
                          </Button>
                        ),
                      },
                    ]}
                  />
                </>
              )
            }
          </LoadState>
        </Section>
      </div>
      <Dialog
        open={dialog?.kind === 'run'}
        title={dialog?.kind === 'run' ? `Run: ${dialog.checklist.name}` : 'Run check'}
        onClose={() => setDialog(null)}
        wide
      >
        {dialog?.kind === 'run' && (
          <CheckRunForm
            checklist={dialog.checklist}
            onCancel={() => setDialog(null)}
            onQueued={() => {
              setDialog(null);
              setMessage('No signal: the check is kept on this device and sent when you are back online.');
            }}
            onDone={(run) => {
              setDialog({ kind: 'result', run });
              runs.reload();
              checklists.reload();
            }}
          />
        )}
      </Dialog>
      <Dialog
        open={dialog?.kind === 'result' || dialog?.kind === 'view'}
        title="Check results"
        onClose={() => setDialog(null)}
        wide
      >
        {dialog?.kind === 'result' && (
          <div className="stack">
            <Notice
              tone={dialog.run.failedCount > 0 ? 'warning' : 'success'}
              message={
                dialog.run.failedCount > 0
                  ? `Check saved: ${plural(dialog.run.failedCount, 'item')} failed and ${plural(dialog.run.failedCount, 'work order')} opened.`
                  : 'Check saved: every item passed.'
              }
            />
            <CheckRunView run={dialog.run} />
            <div className="form-actions">
              <Button variant="primary" onClick={() => setDialog(null)}>
                Done
              </Button>
            </div>
          </div>
        )}
        {dialog?.kind === 'view' && <RunDetail runId={dialog.runId} />}
      </Dialog>
      <Dialog
        open={dialog?.kind === 'edit'}
        title={dialog?.kind === 'edit' && dialog.checklist ? 'Edit check list' : 'New check list'}
        onClose={() => setDialog(null)}
        wide
      >
        {dialog?.kind === 'edit' && (
          <ChecklistForm
            checklist={dialog.checklist}
            schoolOptions={schoolOptions}
            defaultSchoolId={defaultSchoolId}
            onCancel={() => setDialog(null)}
            onDone={(c) => {
              setDialog(null);
              setMessage(`The check list “${c.name}” is saved.`);
              checklists.reload();
            }}
          />
        )}
      </Dialog>
    </Page>
  );
}
