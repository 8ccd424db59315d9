import '../../styles/campus.css';
import { useEffect, useRef, useState } from 'react';
import { useLocation, useNavigate, useParams } from 'react-router-dom';
import {
  ASSESSMENT_LAYERS,
  ASSESSMENT_LAYER_LABELS,
  type Assessment,
  type AssessmentDetail,
  type AssessmentItem,
  type Finding,
} from '@common/assessments.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Notice } from '../../components/ErrorBanner.tsx';
import { TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { useCanAtSchool } from '../../lib/campus.ts';
import { formatDay, todayIso } from '../../lib/format.ts';
import { fieldError, useAction, useApiData } from '../../lib/hooks.ts';
import { FindingForm } from './FindingForm.tsx';
import { FindingsTable } from './FindingsTable.tsx';
import { AssessmentSummary } from './AssessmentSummary.tsx';
import { RatingItem } from './RatingItem.tsx';

/** Completes the assessment on a date (every measure must be rated; the server names the first that is not). */
function CompleteForm({
  assessment,
  onDone,
  onCancel,
}: {
  assessment: AssessmentDetail;
  onDone: (completed: Assessment) => void;
  onCancel: () => void;
}) {
  const [completedOn, setCompletedOn] = useState(todayIso());
  const save = useAction(async () => {
    onDone(await api.post<Assessment>(`/assessments/${assessment.id}/complete`, { completedOn }));
  });
  const unrated = assessment.items.filter((i) => i.rating === null).length;
  return (
    <Form onSubmit={() => void save.run()} error={save.error} aria-label="Complete the assessment">
      {unrated > 0 && (
        <p className="field-error">
          {unrated} {unrated === 1 ? 'measure is' : 'measures are'} not rated yet.
        </p>
      )}
      <TextField
        label="Completed on"
        name="completedOn"
        type="date"
        required
        min={assessment.startedOn}
        max={todayIso()}
        value={completedOn}
        onChange={setCompletedOn}
        error={fieldError(save.error, 'completedOn')}
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          Complete
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}

/** Recounts the rated measures and the ratings after one item changed locally. */
function withItem(detail: AssessmentDetail, item: AssessmentItem): AssessmentDetail {
  const items = detail.items.map((i) => (i.id === item.id ? item : i));
  const count = (r: string) => items.filter((i) => i.rating === r).length;
  return {
    ...detail,
    items,
    ratedCount: items.filter((i) => i.rating !== null).length,
    ratingCounts: {
      in_place: count('in_place'),
      partial: count('partial'),
      absent: count('absent'),
      not_applicable: count('not_applicable'),
    },
  };
}

/**
 * One assessment: measures by layer to rate (with confidence, notes, photos), its findings, completion,
 * the report PDF and a comparison with the campus's earlier assessments.
 */
export function AssessmentPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const navigate = useNavigate();
  const canManageAt = useCanAtSchool('assessment.manage');
  const resource = useApiData<AssessmentDetail>(`/assessments/${id}`);
  const [dialog, setDialog] = useState<'complete' | 'finding' | Finding | null>(null);
  const [message, setMessage] = useState<string | null>(
    (location.state as { message?: string } | null)?.message ?? null,
  );
  const a = resource.data;
  // Ratings save concurrently item by item; each answer must build on the newest detail, not the one it started from.
  const latest = useRef(a);
  useEffect(() => {
    latest.current = a;
  });
  const itemChanged = (item: AssessmentItem) => {
    if (!latest.current) return;
    latest.current = withItem(latest.current, item);
    resource.mutate(latest.current);
  };
  const canManage = a ? canManageAt(a.school.id) : false;
  const editable = canManage && a?.status === 'in_progress';
  const open = (d: typeof dialog) => {
    setMessage(null);
    setDialog(d);
  };

  return (
    <Page
      title={a?.title ?? 'Security assessment'}
      breadcrumbs={[{ label: 'Security assessments', to: '/assessments' }]}
      description={a && `${a.school.name} · started ${formatDay(a.startedOn)} by ${a.lead.name}`}
      actions={
        a && (
          <>
            {editable && (
              <Button variant="primary" onClick={() => open('complete')}>
                Complete the assessment
              </Button>
            )}
            {canManage && <Button onClick={() => open('finding')}>Add a finding</Button>}
            <a className="btn btn-secondary" href={`/api/assessments/${a.id}/report.pdf`} download>
              Report (PDF)
            </a>
            {a.status === 'completed' && (
              <Button onClick={() => navigate(`/assessments/compare?to=${a.id}`)}>
                Compare with an earlier one
              </Button>
            )}
          </>
        )
      }
    >
      <Notice message={message} />
      <LoadState resource={resource} label="Loading the assessment…">
        {(detail) => (
          <div className="page-sections">
            <Section title="Summary" id="summary">
              <p>
                {detail.status === 'completed' ? (
                  <Badge tone="success">Completed {formatDay(detail.completedOn)}</Badge>
                ) : (
                  <Badge tone="info">In progress</Badge>
                )}
              </p>
              <AssessmentSummary assessment={detail} />
              {detail.notes && <p className="pre-line">{detail.notes}</p>}
            </Section>
            <Section title={`Findings (${detail.findings.length})`} id="findings">
              {detail.findings.length === 0 ? (
                <EmptyState
                  title="No finding yet."
                  action={
                    canManage ? <Button onClick={() => open('finding')}>Add a finding</Button> : undefined
                  }
                />
              ) : (
                <FindingsTable
                  caption="Findings of this assessment"
                  findings={detail.findings}
                  onEdit={canManage ? (f) => open(f) : undefined}
                />
              )}
            </Section>
            {ASSESSMENT_LAYERS.map((layer) => {
              const items = detail.items.filter((i) => i.layer === layer);
              if (items.length === 0) return null;
              const rated = items.filter((i) => i.rating !== null).length;
              return (
                <Section
                  key={layer}
                  title={`${ASSESSMENT_LAYER_LABELS[layer]} (${rated} of ${items.length} rated)`}
                  id={`layer-${layer}`}
                >
                  <ol className="rating-list">
                    {items.map((item) => (
                      <RatingItem
                        key={item.id}
                        assessmentId={detail.id}
                        item={item}
                        editable={editable}
                        onChange={itemChanged}
                      />
                    ))}
                  </ol>
                </Section>
              );
            })}
          </div>
        )}
      </LoadState>
      {a && (
        <>
          <Dialog
            open={dialog === 'complete'}
            title="Complete the assessment"
            onClose={() => setDialog(null)}
          >
            {dialog === 'complete' && (
              <CompleteForm
                assessment={a}
                onCancel={() => setDialog(null)}
                onDone={(completed) => {
                  setDialog(null);
                  setMessage('The assessment is completed.');
                  resource.mutate({ ...a, ...completed });
                  resource.reload();
                }}
              />
            )}
          </Dialog>
          <Dialog
            open={dialog !== null && dialog !== 'complete'}
            title={dialog === 'finding' ? 'Add a finding' : 'Update the finding'}
            onClose={() => setDialog(null)}
            wide
          >
            {dialog !== null && dialog !== 'complete' && (
              <FindingForm
                assessmentId={a.id}
                finding={dialog === 'finding' ? undefined : dialog}
                items={a.items}
                onCancel={() => setDialog(null)}
                onDone={(f) => {
                  setDialog(null);
                  setMessage(
                    f.workOrder && (dialog === 'finding' || !dialog.workOrder)
                      ? `The finding is saved. Work order ${f.workOrder.number} is open.`
                      : 'The finding is saved.',
                  );
                  resource.reload();
                }}
              />
            )}
          </Dialog>
        </>
      )}
    </Page>
  );
}
