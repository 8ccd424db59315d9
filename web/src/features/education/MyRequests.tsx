import { useState } from 'react';
import { CLASS_STATUS_LABELS, type ClassPage, type EducationClass } from '@common/education.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { useAction, type Resource } from '../../lib/hooks.ts';
import { CLASS_STATUS_TONE, gradeText, whenText } from './labels.ts';

/** The teacher's own class requests with their status; a request not yet accepted can be withdrawn. */
export function MyRequests({
  resource,
  onRequest,
  onMessage,
}: {
  resource: Resource<ClassPage>;
  onRequest: () => void;
  onMessage: (message: string) => void;
}) {
  const [withdrawing, setWithdrawing] = useState<string | null>(null);
  const withdraw = useAction(async (c: EducationClass) => {
    setWithdrawing(c.id);
    await api.post(`/education/my-requests/${c.id}/cancel`, { reason: null });
    resource.reload();
    onMessage(`Your request for “${c.topicName}” is withdrawn.`);
  });
  return (
    <Section
      title="Your class requests"
      id="my-requests"
      actions={
        <Button variant="primary" onClick={onRequest}>
          Request a class
        </Button>
      }
    >
      <ErrorBanner error={withdraw.error} />
      <LoadState resource={resource} label="Loading your requests…">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState title="You have not requested a class yet.">
              Ask the school resource officer to teach your students: bullying prevention, cyber safety, drug
              awareness and more.
            </EmptyState>
          ) : (
            <ul className="call-cards" aria-label="Your class requests">
              {items.map((c) => (
                <li key={c.id} className="call-card" aria-label={`Request ${c.number}: ${c.topicName}`}>
                  <div className="row-between">
                    <h3>{c.topicName}</h3>
                    <Badge tone={CLASS_STATUS_TONE[c.status]}>{CLASS_STATUS_LABELS[c.status]}</Badge>
                  </div>
                  <p className="muted small">
                    {c.number} · {c.schoolName} · {gradeText(c.gradeLevel)} · {c.classSize} students
                  </p>
                  <p>{whenText(c)}</p>
                  {c.room && <p className="small">Room: {c.room}</p>}
                  {c.instructor && <p className="small">Officer: {c.instructor.name}</p>}
                  {c.decisionReason && <p className="small">Reason: {c.decisionReason}</p>}
                  {c.status === 'delivered' && c.attendance !== null && (
                    <p className="small">{c.attendance} students attended.</p>
                  )}
                  {c.status === 'requested' && (
                    <div className="row">
                      <Button
                        size="small"
                        busy={withdraw.busy && withdrawing === c.id}
                        onClick={() => void withdraw.run(c)}
                        aria-label={`Withdraw request ${c.number}`}
                      >
                        Withdraw
                      </Button>
                    </div>
                  )}
                </li>
              ))}
            </ul>
          )
        }
      </LoadState>
    </Section>
  );
}
