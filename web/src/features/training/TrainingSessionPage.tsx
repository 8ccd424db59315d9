import { useState } from 'react';
import { useParams } from 'react-router-dom';
import type { TrainingRequirement, TrainingSessionDetail } from '@common/preparedness.ts';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/ErrorBanner.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { formatDay } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { AttendanceForm } from './AttendanceForm.tsx';
import { TrainingForm } from './TrainingForm.tsx';

/** One training session: its details (editable) and the attendance list. */
export function TrainingSessionPage() {
  const { id = '' } = useParams();
  const resource = useApiData<TrainingSessionDetail>(`/trainings/${id}`);
  const requirements = useApiData<{ items: TrainingRequirement[] }>('/training-requirements');
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const s = resource.data;
  const requirement = requirements.data?.items.find((r) => r.id === s?.requirementId);

  return (
    <Page
      title={s?.topic ?? 'Training session'}
      breadcrumbs={[{ label: 'Staff training', to: '/training' }]}
      description={
        s && `${formatDay(s.heldOn)} · ${s.durationMinutes} min · ${s.schoolName ?? 'District-wide'}`
      }
      actions={
        s && (
          <Button
            onClick={() => {
              setMessage(null);
              setEditing(true);
            }}
          >
            Edit session
          </Button>
        )
      }
    >
      <Notice message={message} />
      <LoadState resource={resource} label="Loading the session…">
        {(session) => (
          <div className="page-sections">
            <Section title="Details" id="details">
              <dl className="details">
                <div>
                  <dt>Presenter</dt>
                  <dd>{session.presenter.name}</dd>
                </div>
                <div>
                  <dt>Required training</dt>
                  <dd>{requirement?.topic ?? <span className="muted">None</span>}</dd>
                </div>
                <div>
                  <dt>Materials</dt>
                  <dd className="pre-line">{session.materials ?? <span className="muted">None</span>}</dd>
                </div>
                <div>
                  <dt>Notes</dt>
                  <dd className="pre-line">{session.notes ?? <span className="muted">None</span>}</dd>
                </div>
              </dl>
            </Section>
            <Section title={`Attendance (${session.attendees.length})`} id="attendance">
              <AttendanceForm
                session={session}
                onDone={(next) => {
                  resource.mutate(next);
                  setMessage(`Attendance saved: ${next.attendees.length} present.`);
                }}
              />
            </Section>
          </div>
        )}
      </LoadState>
      {s && (
        <Dialog open={editing} title="Edit session" onClose={() => setEditing(false)} wide>
          <TrainingForm
            session={s}
            scopeOptions={[]}
            requirements={requirements.data?.items ?? []}
            onCancel={() => setEditing(false)}
            onDone={() => {
              setEditing(false);
              setMessage('The session is saved.');
              resource.reload();
            }}
          />
        </Dialog>
      )}
    </Page>
  );
}
