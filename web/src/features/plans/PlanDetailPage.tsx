import { useState } from 'react';
import { useParams } from 'react-router-dom';
import type { Acknowledgement, Plan, PlanDetail } from '@common/preparedness.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorBanner, Notice } from '../../components/ErrorBanner.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime, formatDay } from '../../lib/format.ts';
import { useAction, useApiData } from '../../lib/hooks.ts';
import { PLAN_KIND_LABELS } from '../preparedness/labels.ts';
import { AcknowledgementsSection } from './AcknowledgementsSection.tsx';
import { ReviewBadge } from './PlansPage.tsx';
import { ReviewForm } from './ReviewForm.tsx';
import { VersionForm } from './VersionForm.tsx';

/** The link to a version's content: the PDF, or the text as a file. */
function contentHref(versionId: string): string {
  return `/api/plan-versions/${versionId}/content`;
}

/** The current version: its text (or the PDF link) and the "I have read it" confirmation. */
function CurrentVersion({ plan, onAcknowledged }: { plan: PlanDetail; onAcknowledged: () => void }) {
  const current = plan.versions.find((v) => v.id === plan.currentVersion.id) ?? plan.versions[0];
  const ack = useAction(async () => {
    await api.post<Acknowledgement>(`/plans/${plan.id}/acknowledge`);
    onAcknowledged();
  });
  if (!current) return null;
  return (
    <Section title={`Current version: ${current.version}`} id="current">
      <p className="small muted">
        By {current.createdBy.name}, {formatDateTime(current.createdAt)}
        {current.changeSummary && <> · {current.changeSummary}</>}
      </p>
      {current.format === 'pdf' ? (
        <p>
          <a className="btn btn-secondary" href={contentHref(current.id)} target="_blank" rel="noreferrer">
            Open the PDF{current.fileName ? ` (${current.fileName})` : ''}
          </a>
        </p>
      ) : (
        <div
          className="plan-text"
          role="region"
          tabIndex={0}
          aria-label={`Text of version ${current.version}`}
        >
          {current.body}
        </div>
      )}
      <div className="ack-box" aria-live="polite">
        {plan.acknowledgedByMe ? (
          <p className="banner banner-success">
            <span className="banner-text">✓ You confirmed you have read version {current.version}.</span>
          </p>
        ) : (
          <>
            <ErrorBanner error={ack.error} />
            <p>Please read this version, then confirm.</p>
            <Button variant="primary" busy={ack.busy} onClick={() => void ack.run()}>
              I have read version {current.version}
            </Button>
          </>
        )}
      </div>
    </Section>
  );
}

/** One plan: the current version with acknowledgement, annual review, new versions, history and who has read it. */
export function PlanDetailPage() {
  const { id = '' } = useParams();
  const resource = useApiData<PlanDetail>(`/plans/${id}`);
  const [message, setMessage] = useState<string | null>(null);
  const [ackVersion, setAckVersion] = useState(0);
  const plan = resource.data;
  const archive = useAction(async (archived: boolean) => {
    await api.patch<Plan>(`/plans/${id}`, { archived });
    resource.reload();
    return archived
      ? 'The plan is archived: staff no longer see it among current plans.'
      : 'The plan is current again.';
  });

  return (
    <Page
      title={plan?.title ?? 'Plan'}
      breadcrumbs={[{ label: 'Safety plans', to: '/plans' }]}
      description={
        plan && (
          <span className="row">
            <Badge tone="info">{PLAN_KIND_LABELS[plan.kind]}</Badge>
            <span>{plan.schoolName ?? 'District'}</span>
            <ReviewBadge plan={plan} />
            {plan.archived && <Badge>Archived</Badge>}
          </span>
        )
      }
      actions={
        plan?.can.manage && (
          <Button busy={archive.busy} onClick={() => void archive.run(!plan.archived)}>
            {plan.archived ? 'Restore plan' : 'Archive plan'}
          </Button>
        )
      }
    >
      <ErrorBanner error={archive.error} />
      <Notice message={archive.success ?? message} />
      <LoadState resource={resource} label="Loading the plan…">
        {(p) => (
          <div className="page-sections">
            <CurrentVersion
              plan={p}
              onAcknowledged={() => {
                setMessage(
                  `Thank you. Your confirmation of version ${p.currentVersion.version} is recorded.`,
                );
                setAckVersion((n) => n + 1);
                resource.reload();
              }}
            />
            <Section title="Annual review" id="review">
              <p>
                {p.lastReviewedOn
                  ? `Last reviewed on ${formatDay(p.lastReviewedOn)}. `
                  : 'Not reviewed yet. '}
                Next review due by {formatDay(p.reviewDueOn)}.
              </p>
              {p.reviews.length > 0 && (
                <ul className="list-rows" aria-label="Reviews">
                  {p.reviews.map((r) => (
                    <li key={r.id}>
                      <span>
                        Version {r.version} approved by <strong>{r.approvedBy.name}</strong> on{' '}
                        {formatDay(r.reviewedOn)}
                      </span>
                      {r.notes && <span className="muted small">{r.notes}</span>}
                    </li>
                  ))}
                </ul>
              )}
              {p.can.approve && (
                <ReviewForm
                  plan={p}
                  onDone={() => {
                    setMessage('The review is recorded with you as approver.');
                    resource.reload();
                  }}
                />
              )}
            </Section>
            {p.can.manage && (
              <AcknowledgementsSection key={`${p.currentVersion.id} ${ackVersion}`} planId={p.id} />
            )}
            {p.can.manage && (
              <Section title="New version" id="new-version">
                <VersionForm
                  plan={p}
                  onDone={(version) => {
                    setMessage(`Version ${version} is now current. Staff are asked to confirm it again.`);
                    resource.reload();
                  }}
                />
              </Section>
            )}
            <Section title="Version history" id="versions">
              <ul className="list-rows" aria-label="Versions">
                {p.versions.map((v) => (
                  <li key={v.id}>
                    <span>
                      <strong>Version {v.version}</strong> ({v.format === 'pdf' ? 'PDF' : 'text'}) ·{' '}
                      {formatDateTime(v.createdAt)} · {v.createdBy.name}
                      {v.changeSummary && <span className="muted"> · {v.changeSummary}</span>}
                    </span>
                    <a href={contentHref(v.id)} target="_blank" rel="noreferrer">
                      Open<span className="visually-hidden"> version {v.version}</span>
                    </a>
                  </li>
                ))}
              </ul>
            </Section>
          </div>
        )}
      </LoadState>
    </Page>
  );
}
