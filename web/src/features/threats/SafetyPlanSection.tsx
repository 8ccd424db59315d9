import { useState } from 'react';
import type { ThreatCase } from '@common/tips.ts';
import { Button } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { TextAreaField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { Section } from '../../components/Page.tsx';
import { formatDateTime, formatDay, todayIso } from '../../lib/format.ts';
import { ApiError, api } from '../../lib/api.ts';
import { useAction } from '../../lib/hooks.ts';

/** The message of an error naming the list field or one of its items (`reviewDates.1`). */
function fieldError(error: unknown, field: string): string | undefined {
  return error instanceof ApiError && (error.field === field || error.field?.startsWith(`${field}.`))
    ? error.message
    : undefined;
}

const lines = (text: string) =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

/** The safety plan: measures, supports and review dates; written or revised as a whole. */
export function SafetyPlanSection({
  threatCase,
  canManage,
  onChange,
}: {
  threatCase: ThreatCase;
  canManage: boolean;
  onChange: (threatCase: ThreatCase) => void;
}) {
  const plan = threatCase.safetyPlan;
  const [editing, setEditing] = useState(false);
  const [measures, setMeasures] = useState('');
  const [supports, setSupports] = useState('');
  const [reviews, setReviews] = useState<string[]>(['']);
  const start = () => {
    setMeasures(plan?.measures.join('\n') ?? '');
    setSupports(plan?.supports.join('\n') ?? '');
    setReviews(plan?.reviewDates.length ? [...plan.reviewDates] : ['']);
    setEditing(true);
  };
  const save = useAction(async () => {
    onChange(
      await api.put<ThreatCase>(`/threat-cases/${threatCase.id}/safety-plan`, {
        measures: lines(measures),
        supports: lines(supports),
        reviewDates: reviews.filter(Boolean),
      }),
    );
    setEditing(false);
    return 'The safety plan was saved.';
  });
  const today = todayIso();
  const nextReview = plan?.reviewDates.filter((d) => d >= today).sort()[0];

  return (
    <Section
      title="Safety plan"
      id="case-plan"
      actions={
        canManage &&
        threatCase.status !== 'closed' &&
        !editing && (
          <Button size="small" onClick={start}>
            {plan ? 'Revise the plan' : 'Write the plan'}
          </Button>
        )
      }
    >
      {!editing &&
        (plan ? (
          <div className="stack">
            <p className="muted small">
              Last revised {formatDateTime(plan.updatedAt)}
              {nextReview ? ` · next review ${formatDay(nextReview)}` : ''}
            </p>
            <h3>Measures</h3>
            <ul>
              {plan.measures.map((m) => (
                <li key={m}>{m}</li>
              ))}
            </ul>
            {plan.supports.length > 0 && (
              <>
                <h3>Supports</h3>
                <ul>
                  {plan.supports.map((s) => (
                    <li key={s}>{s}</li>
                  ))}
                </ul>
              </>
            )}
            <h3>Review dates</h3>
            <ul aria-label="Review dates">
              {plan.reviewDates.map((d) => (
                <li key={d}>
                  {formatDay(d)}
                  {d === nextReview ? ' (next)' : d < today ? ' (past)' : ''}
                </li>
              ))}
            </ul>
          </div>
        ) : (
          <EmptyState title="No safety plan yet.">
            A very serious threat calls for a written plan with review dates.
          </EmptyState>
        ))}
      {editing && (
        <Form onSubmit={() => void save.run()} error={save.error} aria-label="Safety plan">
          <TextAreaField
            label="Measures"
            name="measures"
            required
            rows={4}
            hint="One per line: supervision, schedule changes, searches, no-contact orders…"
            value={measures}
            onChange={setMeasures}
            error={fieldError(save.error, 'measures')}
          />
          <TextAreaField
            label="Supports"
            name="supports"
            rows={3}
            hint="One per line: counseling, mentoring, family services…"
            value={supports}
            onChange={setSupports}
            error={fieldError(save.error, 'supports')}
          />
          <fieldset className="fieldset stack">
            <legend>Review dates</legend>
            {reviews.map((d, i) => (
              <div className="row" key={i}>
                <TextField
                  label={`Review ${i + 1}`}
                  name="reviewDates"
                  type="date"
                  required={i === 0}
                  value={d}
                  onChange={(v) => setReviews((prev) => prev.map((p, j) => (j === i ? v : p)))}
                />
                {reviews.length > 1 && (
                  <Button
                    size="small"
                    variant="ghost"
                    onClick={() => setReviews((prev) => prev.filter((_, j) => j !== i))}
                    aria-label={`Remove review ${i + 1}`}
                  >
                    Remove
                  </Button>
                )}
              </div>
            ))}
            {fieldError(save.error, 'reviewDates') && (
              <p className="field-error">{fieldError(save.error, 'reviewDates')}</p>
            )}
            <div>
              <Button size="small" onClick={() => setReviews((prev) => [...prev, ''])}>
                Add a review date
              </Button>
            </div>
          </fieldset>
          <FormActions>
            <Button type="submit" variant="primary" busy={save.busy}>
              Save the plan
            </Button>
            <Button onClick={() => setEditing(false)}>Cancel</Button>
          </FormActions>
        </Form>
      )}
      {save.success && !editing && (
        <p className="visually-hidden" role="status">
          {save.success}
        </p>
      )}
    </Section>
  );
}
