import { useState } from 'react';
import { Link } from 'react-router-dom';
import type {
  MissingTraining,
  PersonTraining,
  TrainingRequirement,
  TrainingSession,
} from '@common/preparedness.ts';
import { roleHas } from '@common/permissions.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Notice } from '../../components/ErrorBanner.tsx';
import { SelectField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { formatDay, plural, roleLabel } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { DownloadCsv } from '../../components/DownloadCsv.tsx';
import { useSchoolFilter, useSchoolOptions, withAllSchools } from '../../lib/options.ts';
import { useSession } from '../../lib/session.tsx';
import { useUrlFilters } from '../../lib/url-state.ts';
import { RequirementForm } from './RequirementForm.tsx';
import { TrainingForm } from './TrainingForm.tsx';

function minutes(n: number): string {
  return n >= 60 ? `${Math.floor(n / 60)} h${n % 60 ? ` ${n % 60} min` : ''}` : `${n} min`;
}

/** The signed-in person's completed trainings. */
function MyTrainings() {
  const mine = useApiData<{ items: PersonTraining[] }>('/trainings/mine');
  return (
    <Section title="Your completed trainings" id="mine">
      <LoadState resource={mine} label="Loading your trainings…">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState title="No training attended yet." />
          ) : (
            <DataTable
              caption="Your completed trainings"
              rows={items}
              rowKey={(t) => t.sessionId}
              columns={[
                { header: 'Topic', render: (t) => <strong>{t.topic}</strong> },
                { header: 'Date', className: 'nowrap', render: (t) => formatDay(t.heldOn) },
                { header: 'Length', render: (t) => minutes(t.durationMinutes) },
                { header: 'Where', render: (t) => t.schoolName ?? 'District' },
                {
                  header: 'Required',
                  render: (t) => (t.requirementId ? <Badge tone="info">Required training</Badge> : ''),
                },
              ]}
            />
          )
        }
      </LoadState>
    </Section>
  );
}

/** Who misses a required training (never attended, or the last one expired). */
function MissingSection({ schoolId }: { schoolId: string }) {
  const missing = useApiData<{ items: MissingTraining[] }>('/training-requirements/missing', { schoolId });
  return (
    <Section title="Missing a required training" id="missing">
      <LoadState resource={missing} label="Loading missing trainings…">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState title="Everyone has completed the required trainings." />
          ) : (
            <>
              <p className="muted small">{plural(items.length, 'missing training')}</p>
              <DataTable
                caption="People missing a required training"
                rows={items}
                rowKey={(m) => `${m.requirementId} ${m.user.id}`}
                busy={missing.loading}
                columns={[
                  { header: 'Person', render: (m) => <strong>{m.user.name}</strong> },
                  { header: 'Training', render: (m) => m.topic },
                  { header: 'School', render: (m) => m.schoolNames.join(', ') },
                  {
                    header: 'Status',
                    render: (m) =>
                      m.expiredOn ? (
                        <Badge tone="danger">✕ Expired {formatDay(m.expiredOn)}</Badge>
                      ) : (
                        <Badge tone="warning">! Never completed</Badge>
                      ),
                  },
                  {
                    header: 'Last completed',
                    render: (m) => (m.lastCompletedOn ? formatDay(m.lastCompletedOn) : ''),
                  },
                ]}
              />
            </>
          )
        }
      </LoadState>
    </Section>
  );
}

/**
 * Staff training: everyone sees their own completed trainings and the required ones; trainers (SROs,
 * administrators) run sessions, take attendance, set requirements and see who misses one.
 */
export function TrainingPage() {
  const { can, session, schools } = useSession();
  const canManage = can('training.manage');
  const [filters, setFilters] = useUrlFilters(['schoolId'] as const);
  const { schoolId, selectValue } = useSchoolFilter(filters.schoolId);
  const schoolOptions = useSchoolOptions();
  const sessions = useApiData<{ items: TrainingSession[] }>(
    canManage ? '/trainings' : null,
    { schoolId },
    { keepPrevious: true },
  );
  const requirements = useApiData<{ items: TrainingRequirement[] }>('/training-requirements');
  const [dialog, setDialog] = useState<'session' | 'requirement' | TrainingRequirement | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const districtWide = session.grants.some((g) => g.schoolId === null && roleHas(g.role, 'training.manage'));
  const managed = session.grants
    .filter((g) => g.schoolId !== null && roleHas(g.role, 'training.manage'))
    .map((g) => g.schoolId);
  const scopeOptions = [
    ...(districtWide ? [{ value: '', label: 'District-wide' }] : []),
    ...schools
      .filter((s) => districtWide || managed.includes(s.id))
      .map((s) => ({ value: s.id, label: s.name })),
  ];
  const open = (d: typeof dialog) => {
    setMessage(null);
    setDialog(d);
  };

  return (
    <Page
      title="Staff training"
      description={
        canManage
          ? 'Sessions you give staff, who attended, and who still misses a required training.'
          : 'Your completed trainings and the ones your school requires.'
      }
      actions={
        canManage && (
          <>
            <Button variant="primary" onClick={() => open('session')}>
              New session
            </Button>
            <Button onClick={() => open('requirement')}>Add a requirement</Button>
          </>
        )
      }
    >
      <Notice message={message} />
      {canManage && schools.length > 1 && (
        <div role="search" className="filters" aria-label="Filter training">
          <SelectField
            label="School"
            value={selectValue}
            onChange={(v) => setFilters({ schoolId: v })}
            options={withAllSchools(schoolOptions)}
          />
        </div>
      )}
      <div className="page-sections">
        {canManage && (
          <Section
            title="Sessions"
            id="sessions"
            actions={<DownloadCsv path="/trainings" query={{ schoolId }} permission="training.manage" />}
          >
            <LoadState resource={sessions} label="Loading sessions…">
              {({ items }) =>
                items.length === 0 ? (
                  <EmptyState
                    title="No training session yet."
                    action={<Button onClick={() => open('session')}>New session</Button>}
                  />
                ) : (
                  <DataTable
                    caption="Training sessions"
                    rows={items}
                    rowKey={(s) => s.id}
                    busy={sessions.loading}
                    columns={[
                      { header: 'Topic', render: (s) => <Link to={`/training/${s.id}`}>{s.topic}</Link> },
                      { header: 'Date', className: 'nowrap', render: (s) => formatDay(s.heldOn) },
                      { header: 'Length', render: (s) => minutes(s.durationMinutes) },
                      { header: 'Where', render: (s) => s.schoolName ?? 'District-wide' },
                      { header: 'Presenter', render: (s) => s.presenter.name },
                      { header: 'Attended', className: 'num', render: (s) => s.attendeeCount },
                    ]}
                  />
                )
              }
            </LoadState>
          </Section>
        )}
        {canManage && <MissingSection key={message ?? ''} schoolId={schoolId} />}
        <MyTrainings />
        <Section title="Required trainings" id="requirements">
          <LoadState resource={requirements} label="Loading requirements…">
            {({ items }) =>
              items.length === 0 ? (
                <EmptyState title="No training is required yet." />
              ) : (
                <DataTable
                  caption="Required trainings"
                  rows={items}
                  rowKey={(r) => r.id}
                  columns={[
                    {
                      header: 'Training',
                      render: (r) => (
                        <span>
                          <strong>{r.topic}</strong> {!r.active && <Badge>Inactive</Badge>}
                        </span>
                      ),
                    },
                    { header: 'Who', render: (r) => r.roles.map(roleLabel).join(', ') },
                    { header: 'Where', render: (r) => r.schoolName ?? 'District-wide' },
                    {
                      header: 'Valid for',
                      render: (r) => (r.validMonths ? plural(r.validMonths, 'month') : 'Once is enough'),
                    },
                    { header: 'Notes', render: (r) => r.notes ?? '' },
                    ...(canManage
                      ? [
                          {
                            header: 'Actions',
                            className: 'actions',
                            hideLabelWhenStacked: true,
                            render: (r: TrainingRequirement) => (
                              <Button
                                size="small"
                                onClick={() => open(r)}
                                aria-label={`Edit requirement ${r.topic}`}
                              >
                                Edit
                              </Button>
                            ),
                          },
                        ]
                      : []),
                  ]}
                />
              )
            }
          </LoadState>
        </Section>
      </div>
      <Dialog open={dialog === 'session'} title="New training session" onClose={() => setDialog(null)} wide>
        {dialog === 'session' && (
          <TrainingForm
            scopeOptions={scopeOptions}
            requirements={requirements.data?.items ?? []}
            defaultSchoolId={schoolId}
            onCancel={() => setDialog(null)}
            onDone={(s) => {
              setDialog(null);
              setMessage(`The session “${s.topic}” is saved. Open it to take attendance.`);
              sessions.reload();
            }}
          />
        )}
      </Dialog>
      <Dialog
        open={dialog !== null && dialog !== 'session'}
        title={dialog === 'requirement' ? 'Add a required training' : 'Edit required training'}
        onClose={() => setDialog(null)}
        wide
      >
        {dialog !== null && dialog !== 'session' && (
          <RequirementForm
            requirement={dialog === 'requirement' ? undefined : dialog}
            scopeOptions={scopeOptions}
            onCancel={() => setDialog(null)}
            onDone={(r) => {
              setDialog(null);
              setMessage(`The requirement “${r.topic}” is saved.`);
              requirements.reload();
            }}
          />
        )}
      </Dialog>
    </Page>
  );
}
