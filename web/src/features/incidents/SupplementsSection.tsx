import { useState } from 'react';
import type { IncidentDetail, Supplement } from '@common/incidents.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorBanner, Notice } from '../../components/ErrorBanner.tsx';
import { Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useAction } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';
import { AttachmentsSection } from './AttachmentsSection.tsx';
import { statusLabel, statusTone } from './labels.ts';
import { ReviewActions } from './ReviewActions.tsx';
import { SupplementEditor } from './SupplementEditor.tsx';

interface Props {
  incident: IncidentDetail;
  onChanged: () => void;
}

/** Supplements of an approved report: each written, submitted and reviewed like the report itself. */
export function SupplementsSection({ incident, onChanged }: Props) {
  const { user, can } = useSession();
  const [message, setMessage] = useState<string | null>(null);
  const add = useAction(async () => {
    await api.post<Supplement>(`/incidents/${incident.id}/supplements`, { narrative: '' });
    onChanged();
    return 'A supplement was started. Write it below; it saves as you type.';
  });
  const items = incident.supplements;
  // `can.supplement` is about starting one; writing one is for its author while it is a draft or returned.
  const canWrite = (s: Supplement) =>
    incident.can.attach && s.authorId === user?.id && (s.status === 'draft' || s.status === 'returned');
  // `can.review` is about the report itself; a supplement is reviewed by an approver other than its author.
  const canReview = (s: Supplement) => can('incident.approve') && s.authorId !== user?.id;
  const returnOf = (s: Supplement) =>
    [...incident.reviews].reverse().find((r) => r.supplementId === s.id && r.event === 'returned');

  return (
    <Section
      title="Supplements"
      id="supplements"
      actions={
        incident.can.supplement && (
          <Button size="small" busy={add.busy} onClick={() => void add.run()}>
            Add supplement
          </Button>
        )
      }
    >
      <Notice message={message ?? add.success} />
      <ErrorBanner error={add.error} />
      {items.length === 0 ? (
        <EmptyState title="No supplements.">
          {incident.status === 'approved'
            ? 'An approved report is locked: later facts go into a supplement.'
            : 'Supplements can be added once the report is approved.'}
        </EmptyState>
      ) : (
        items.map((s) => (
          <article key={s.id} className="repeat-card" aria-labelledby={`supplement-${s.id}`}>
            <div className="repeat-head">
              <h3 id={`supplement-${s.id}`}>Supplement {s.number}</h3>
              <Badge tone={statusTone(s.status)}>{statusLabel(s.status)}</Badge>
            </div>
            <p className="muted small">
              {s.authorName}, {formatDateTime(s.createdAt)}
              {s.approvedAt ? ` · approved ${formatDateTime(s.approvedAt)} by ${s.approvedByName ?? ''}` : ''}
            </p>
            {s.status === 'returned' && returnOf(s) && (
              <div className="banner banner-warning" role="note">
                <p className="banner-text">
                  Returned by {returnOf(s)?.byName}: {returnOf(s)?.comment}
                </p>
              </div>
            )}
            {canWrite(s) ? (
              <SupplementEditor
                incidentId={incident.id}
                supplement={s}
                onSubmitted={() => {
                  setMessage(`Supplement ${s.number} was submitted for review.`);
                  onChanged();
                }}
              />
            ) : s.narrative === null ? (
              <p className="muted">You may not read investigative narratives.</p>
            ) : (
              <p className="narrative-text">{s.narrative || '(empty)'}</p>
            )}
            {canWrite(s) && incident.can.attach && (
              <AttachmentsSection
                incidentId={incident.id}
                attachments={incident.attachments}
                supplementId={s.id}
                canAttach
                canOpen={incident.can.readNarrative}
                title={`Evidence of supplement ${s.number}`}
              />
            )}
            {s.status === 'submitted' && canReview(s) && (
              <ReviewActions
                path={`/incidents/${incident.id}/supplements/${s.id}`}
                version={s.version}
                what={`supplement ${s.number}`}
                onDone={(m) => {
                  setMessage(m);
                  onChanged();
                }}
              />
            )}
          </article>
        ))
      )}
    </Section>
  );
}
