import { useState, type ReactNode } from 'react';
import { RecordOwnerBanner } from '../../components/RecordOwnerBanner.tsx';
import { useParams } from 'react-router-dom';
import {
  CONSENT_LABELS,
  REFERRAL_OUTCOME_LABELS,
  REFERRAL_REASON_LABELS,
  REFERRAL_RECEIVER_LABELS,
  type Referral,
} from '@common/support.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Notice } from '../../components/ErrorBanner.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { formatDateTime, formatDay } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { STEP_TITLES, StepForm, stepsOf, type ReferralStep } from './ReferralActions.tsx';
import { REFERRAL_STATUS_LABELS, REFERRAL_STATUS_TONE, URGENCY_LABELS, overdueText } from './labels.ts';
import './support.css';

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

function ReferralDetails({ r }: { r: Referral }) {
  return (
    <dl className="details">
      <Item term="Student">
        {r.student.name}, grade {r.student.grade} · #{r.student.studentNumber}
      </Item>
      <Item term="School">{r.school.name}</Item>
      <Item term="Referred to">
        {r.receiver.name} ({REFERRAL_RECEIVER_LABELS[r.receiver.kind].toLowerCase()})
      </Item>
      <Item term="Referred by">
        {r.referredBy.name}, {formatDateTime(r.createdAt)}
      </Item>
      <Item term="Reason">{REFERRAL_REASON_LABELS[r.reason]}</Item>
      <Item term="Urgency">{URGENCY_LABELS[r.urgency]}</Item>
      <Item term="Consent">
        {CONSENT_LABELS[r.consent]}
        {r.consentDate ? `, ${formatDay(r.consentDate)}` : ''}
      </Item>
      {/* The server sends guardian contact to the receiver only, and only with consent obtained. */}
      {r.guardianContacts && (
        <Item term="Guardian contact">
          {r.guardianContacts.length === 0
            ? 'None on record that the school shares'
            : r.guardianContacts
                .map((g) => [`${g.name} (${g.relationship})`, g.phone, g.email].filter(Boolean).join(', '))
                .join('; ')}
        </Item>
      )}
      <Item term="Accept by">{formatDay(r.acceptBy)}</Item>
      <Item term="Close the loop by">{formatDay(r.dueOn)}</Item>
      {r.acceptedAt && (
        <Item term="Accepted">
          {formatDateTime(r.acceptedAt)}
          {r.acceptedBy ? ` by ${r.acceptedBy.name}` : ''}
        </Item>
      )}
      {r.scheduledFor && <Item term="Appointment">{formatDateTime(r.scheduledFor)}</Item>}
      {r.declineReason && <Item term="Declined because">{r.declineReason}</Item>}
      {r.closedAt && (
        <Item term="Closed">
          {formatDateTime(r.closedAt)}
          {r.closedBy ? ` by ${r.closedBy.name}` : ''}
        </Item>
      )}
      {r.outcome && (
        <Item term="Outcome">
          {REFERRAL_OUTCOME_LABELS[r.outcome]}
          {r.outcomeSummary ? `: ${r.outcomeSummary}` : ''}
        </Item>
      )}
    </dl>
  );
}

/**
 * One referral. The referrer sees status, dates and outcome; a handler (the receiving counselor or vendor staff)
 * accepts, schedules, closes and keeps clinical notes that only handlers read.
 */
export function ReferralPage() {
  const { id = '' } = useParams();
  const resource = useApiData<Referral>(`/support/referrals/${id}`);
  const [step, setStep] = useState<ReferralStep | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const r = resource.data;
  const steps = r ? stepsOf(r) : [];

  return (
    <Page
      title={r ? `Referral of ${r.student.name}` : 'Referral'}
      breadcrumbs={[{ label: 'Student support', to: '/support' }]}
      actions={
        steps.length > 0 && (
          <>
            {steps.map((s, i) => (
              <Button
                key={s}
                variant={i === 0 ? 'primary' : 'secondary'}
                onClick={() => {
                  setMessage(null);
                  setStep(s);
                }}
              >
                {s === 'schedule' && r?.scheduledFor
                  ? 'Reschedule'
                  : STEP_TITLES[s].replace(/ the referral$/, '')}
              </Button>
            ))}
          </>
        )
      }
    >
      <RecordOwnerBanner type="counseling_referral" />
      <Notice message={message} />
      <LoadState resource={resource} label="Loading the referral…">
        {(ref) => (
          <div className="page-sections">
            <Section
              title="Referral"
              id="referral"
              actions={
                <Badge tone={REFERRAL_STATUS_TONE[ref.status]}>{REFERRAL_STATUS_LABELS[ref.status]}</Badge>
              }
            >
              {overdueText(ref) && <p className="overdue-text">⚠ {overdueText(ref)}</p>}
              <ReferralDetails r={ref} />
              <h3>What the referrer observed</h3>
              <p className="pre-line">{ref.details}</p>
            </Section>
            {ref.notes !== null && (
              <Section title="Clinical notes" id="notes">
                {ref.notes.length === 0 ? (
                  <EmptyState title="No notes yet.">
                    Only the handlers of this referral read its notes.
                  </EmptyState>
                ) : (
                  <ul className="timeline">
                    {ref.notes.map((n) => (
                      <li key={n.id}>
                        <p className="muted small">
                          {n.author.name}, {formatDateTime(n.createdAt)}
                        </p>
                        <p className="pre-line">{n.body}</p>
                      </li>
                    ))}
                  </ul>
                )}
              </Section>
            )}
          </div>
        )}
      </LoadState>
      {r && (
        <Dialog open={step !== null} title={step ? STEP_TITLES[step] : ''} onClose={() => setStep(null)}>
          {step && (
            <StepForm
              referral={r}
              step={step}
              onCancel={() => setStep(null)}
              onDone={(next, m) => {
                setStep(null);
                setMessage(m);
                resource.mutate(next);
              }}
            />
          )}
        </Dialog>
      )}
    </Page>
  );
}
