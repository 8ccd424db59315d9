import { useState } from 'react';
import { useParams } from 'react-router-dom';
import { CLASS_STATUS_LABELS, type EducationClassDetail } from '@common/education.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/ErrorBanner.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { formatDateTime, formatDay, gradeLabel } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';
import { DeliveryForm, ReasonForm, ScheduleForm } from './ClassForms.tsx';
import { FeedbackSection } from './FeedbackSection.tsx';
import { MaterialsSection } from './MaterialsSection.tsx';
import { CLASS_STATUS_TONE, gradeText, minutesText } from './labels.ts';

type Step = 'accept' | 'decline' | 'schedule' | 'cancel' | 'delivery';
const STEP_TITLES: Record<Step, string> = {
  accept: 'Accept the request',
  decline: 'Decline the request',
  schedule: 'Schedule the class',
  cancel: 'Cancel the class',
  delivery: 'Record the delivery',
};

function Details({ c }: { c: EducationClassDetail }) {
  return (
    <dl className="details">
      <div>
        <dt>Requested by</dt>
        <dd>
          {c.requestedBy.name}, {formatDateTime(c.createdAt)}
        </dd>
      </div>
      <div>
        <dt>Class</dt>
        <dd>
          {gradeText(c.gradeLevel)}, {c.classSize} students
        </dd>
      </div>
      <div>
        <dt>Preferred dates</dt>
        <dd>{c.preferredDates.map(formatDay).join(', ')}</dd>
      </div>
      <div>
        <dt>Scheduled</dt>
        <dd>
          {c.scheduledDate ? (
            `${formatDay(c.scheduledDate)}${c.startTime ? ` at ${c.startTime}` : ''}`
          ) : (
            <span className="muted">Not yet</span>
          )}
        </dd>
      </div>
      {c.room && (
        <div>
          <dt>Room</dt>
          <dd>{c.room}</dd>
        </div>
      )}
      <div>
        <dt>Length</dt>
        <dd>{c.durationMinutes ? minutesText(c.durationMinutes) : <span className="muted">Not set</span>}</dd>
      </div>
      <div>
        <dt>Officer</dt>
        <dd>{c.instructor?.name ?? <span className="muted">Not accepted yet</span>}</dd>
      </div>
      {c.requestNotes && (
        <div>
          <dt>Teacher's notes</dt>
          <dd className="pre-line">{c.requestNotes}</dd>
        </div>
      )}
      {c.decisionReason && (
        <div>
          <dt>Reason</dt>
          <dd className="pre-line">{c.decisionReason}</dd>
        </div>
      )}
      {c.status === 'delivered' && (
        <>
          <div>
            <dt>Attendance</dt>
            <dd>
              {c.attendance} of {c.classSize} students
            </dd>
          </div>
          <div>
            <dt>Grade levels</dt>
            <dd>{c.gradeLevels.map(gradeLabel).join(', ')}</dd>
          </div>
          <div>
            <dt>Delivered</dt>
            <dd>{formatDateTime(c.deliveredAt)}</dd>
          </div>
          {c.deliveryNotes && (
            <div>
              <dt>Delivery notes</dt>
              <dd className="pre-line">{c.deliveryNotes}</dd>
            </div>
          )}
        </>
      )}
    </dl>
  );
}

/** One class: what the teacher asked for, the officer's next step, delivery, materials and feedback. */
export function ClassPage() {
  const { id = '' } = useParams();
  const { can } = useSession();
  const canManage = can('education.manage');
  const resource = useApiData<EducationClassDetail>(`/education/classes/${id}`);
  const [step, setStep] = useState<Step | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const c = resource.data;
  const open = (s: Step) => {
    setMessage(null);
    setStep(s);
  };
  const steps: Step[] =
    !c || !canManage
      ? []
      : c.status === 'requested'
        ? ['accept', 'decline']
        : c.status === 'accepted'
          ? ['schedule', 'cancel']
          : c.status === 'scheduled'
            ? ['delivery', 'schedule', 'cancel']
            : [];
  const label = (s: Step) =>
    s === 'accept'
      ? 'Accept…'
      : s === 'decline'
        ? 'Decline…'
        : s === 'schedule'
          ? c?.scheduledDate
            ? 'Reschedule…'
            : 'Schedule…'
          : s === 'cancel'
            ? 'Cancel class…'
            : 'Record delivery…';

  return (
    <Page
      title={c ? `${c.topicName} · ${c.number}` : 'Class'}
      breadcrumbs={[{ label: 'Education programs', to: '/education' }]}
      description={c && `${c.schoolName}`}
      actions={
        steps.length > 0 && (
          <>
            {steps.map((s, i) => (
              <Button key={s} variant={i === 0 ? 'primary' : 'secondary'} onClick={() => open(s)}>
                {label(s)}
              </Button>
            ))}
          </>
        )
      }
    >
      <Notice message={message} />
      <LoadState resource={resource} label="Loading the class…">
        {(cls) => (
          <div className="page-sections">
            <Section
              title="Details"
              id="details"
              actions={<Badge tone={CLASS_STATUS_TONE[cls.status]}>{CLASS_STATUS_LABELS[cls.status]}</Badge>}
            >
              <Details c={cls} />
            </Section>
            {(cls.status === 'scheduled' || cls.status === 'delivered' || cls.materials.length > 0) && (
              <MaterialsSection cls={cls} canManage={canManage} onChange={resource.reload} />
            )}
            {cls.status === 'delivered' && (
              <FeedbackSection cls={cls} canManage={canManage} onChange={resource.reload} />
            )}
          </div>
        )}
      </LoadState>
      {c && (
        <Dialog open={step !== null} title={step ? STEP_TITLES[step] : ''} onClose={() => setStep(null)} wide>
          {(step === 'accept' || step === 'schedule') && (
            <ScheduleForm
              cls={c}
              accept={step === 'accept'}
              onCancel={() => setStep(null)}
              onDone={(m) => {
                setStep(null);
                setMessage(m);
                resource.reload();
              }}
            />
          )}
          {(step === 'decline' || step === 'cancel') && (
            <ReasonForm
              cls={c}
              action={step}
              onCancel={() => setStep(null)}
              onDone={(m) => {
                setStep(null);
                setMessage(m);
                resource.reload();
              }}
            />
          )}
          {step === 'delivery' && (
            <DeliveryForm
              cls={c}
              onCancel={() => setStep(null)}
              onDone={(m) => {
                setStep(null);
                setMessage(m);
                resource.reload();
              }}
            />
          )}
        </Dialog>
      )}
    </Page>
  );
}
