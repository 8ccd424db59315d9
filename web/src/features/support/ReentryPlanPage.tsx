import { useState } from 'react';
import { useParams } from 'react-router-dom';
import {
  CHECK_IN_PROGRESS,
  CHECK_IN_PROGRESS_LABELS,
  GOAL_STATUSES,
  REENTRY_STATUSES,
  type CheckInProgress,
  type ReentryPlan,
} from '@common/support.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorBanner, Notice } from '../../components/ErrorBanner.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime, formatDay, todayIso } from '../../lib/format.ts';
import { fieldError, useAction, useApiData } from '../../lib/hooks.ts';
import { MemberChecklist } from './MemberChecklist.tsx';
import { REENTRY_STATUS_LABELS } from './ReentryPlansPage.tsx';

const GOAL_LABELS = { open: 'Open', met: 'Met', not_met: 'Not met' } as const;
const PROGRESS_TONE = { on_track: 'success', some_concerns: 'warning', off_track: 'danger' } as const;

function CheckInForm({ plan, onDone }: { plan: ReentryPlan; onDone: (p: ReentryPlan) => void }) {
  const [date, setDate] = useState(todayIso());
  const [progress, setProgress] = useState<CheckInProgress>('on_track');
  const [goalId, setGoalId] = useState('');
  const [note, setNote] = useState('');
  const save = useAction(async () => {
    onDone(
      await api.post<ReentryPlan>(`/support/reentry-plans/${plan.id}/check-ins`, {
        date,
        progress,
        goalId: goalId || null,
        note: note.trim(),
      }),
    );
    setNote('');
    return 'The check-in is saved.';
  });
  const err = (f: string) => fieldError(save.error, f);
  return (
    <Form
      onSubmit={() => void save.run()}
      error={save.error}
      success={save.success}
      aria-label="Add a check-in"
    >
      <div className="form-grid">
        <TextField
          label="Date"
          name="date"
          type="date"
          required
          max={todayIso()}
          value={date}
          onChange={setDate}
          error={err('date')}
        />
        <SelectField
          label="Progress"
          name="progress"
          value={progress}
          onChange={(v) => setProgress(v as CheckInProgress)}
          options={CHECK_IN_PROGRESS.map((p) => ({ value: p, label: CHECK_IN_PROGRESS_LABELS[p] }))}
        />
        <SelectField
          label="About goal"
          name="goalId"
          value={goalId}
          onChange={setGoalId}
          placeholder="The plan as a whole"
          options={plan.goals.map((g) => ({ value: g.id, label: g.description }))}
        />
      </div>
      <TextAreaField
        label="Check-in note"
        name="note"
        required
        maxLength={4000}
        value={note}
        onChange={setNote}
        error={err('note')}
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          Add check-in
        </Button>
      </FormActions>
    </Form>
  );
}

/** One re-entry plan: team, goals and their status, check-ins; members (and overseers) change it. */
export function ReentryPlanPage() {
  const { id = '' } = useParams();
  const resource = useApiData<ReentryPlan>(`/support/reentry-plans/${id}`);
  const [members, setMembers] = useState<string[] | null>(null);
  const [goal, setGoal] = useState('');
  const change = useAction(async (path: string, method: 'post' | 'patch', body: unknown, message: string) => {
    const next =
      method === 'post' ? await api.post<ReentryPlan>(path, body) : await api.patch<ReentryPlan>(path, body);
    resource.mutate(next);
    return message;
  });
  const base = `/support/reentry-plans/${id}`;
  const p = resource.data;

  return (
    <Page
      title={p ? `Re-entry plan: ${p.student.name}` : 'Re-entry plan'}
      breadcrumbs={[{ label: 'Re-entry plans', to: '/support/reentry' }]}
      description={
        p &&
        `${p.school.name} · returning from ${p.returningFrom} · ${formatDay(p.startDate)} – ${formatDay(p.endDate)}`
      }
    >
      <Notice message={change.success} />
      <ErrorBanner error={change.error} />
      <LoadState resource={resource} label="Loading the plan…">
        {(plan) => (
          <div className="page-sections">
            <Section
              title="Plan"
              id="plan"
              actions={
                <Badge tone={plan.status === 'active' ? 'info' : 'neutral'}>
                  {REENTRY_STATUS_LABELS[plan.status]}
                </Badge>
              }
            >
              {plan.summary && <p className="pre-line">{plan.summary}</p>}
              <p className="muted small">Created by {plan.createdBy.name}</p>
              <SelectField
                label="Status"
                value={plan.status}
                onChange={(v) => void change.run(base, 'patch', { status: v }, 'The status is saved.')}
                options={REENTRY_STATUSES.map((s) => ({ value: s, label: REENTRY_STATUS_LABELS[s] }))}
              />
            </Section>
            <Section
              title={`Team (${plan.members.length})`}
              id="team"
              actions={
                members === null && (
                  <Button size="small" onClick={() => setMembers(plan.members.map((m) => m.id))}>
                    Change the team
                  </Button>
                )
              }
            >
              {members === null ? (
                <ul className="chip-list">
                  {plan.members.map((m) => (
                    <li key={m.id} className="chip">
                      {m.name}
                    </li>
                  ))}
                </ul>
              ) : (
                <div className="stack">
                  <MemberChecklist schoolId={plan.school.id} value={members} onChange={setMembers} />
                  <div className="row">
                    <Button
                      variant="primary"
                      busy={change.busy}
                      onClick={() =>
                        void change
                          .run(base, 'patch', { memberIds: members }, 'The team is saved.')
                          .then((ok) => ok && setMembers(null))
                      }
                    >
                      Save the team
                    </Button>
                    <Button onClick={() => setMembers(null)}>Cancel</Button>
                  </div>
                </div>
              )}
            </Section>
            <Section title="Goals" id="goals">
              {plan.goals.length === 0 ? (
                <EmptyState title="No goal yet." />
              ) : (
                <ul className="list-rows">
                  {plan.goals.map((g) => (
                    <li key={g.id} className="row-between">
                      <span>
                        {g.description}
                        {g.targetDate && <span className="muted small"> · by {formatDay(g.targetDate)}</span>}
                      </span>
                      <SelectField
                        label={<span className="visually-hidden">{`Status of goal “${g.description}”`}</span>}
                        value={g.status}
                        onChange={(v) =>
                          void change.run(
                            `${base}/goals/${g.id}`,
                            'patch',
                            { status: v },
                            'The goal is saved.',
                          )
                        }
                        options={GOAL_STATUSES.map((s) => ({ value: s, label: GOAL_LABELS[s] }))}
                      />
                    </li>
                  ))}
                </ul>
              )}
              <Form
                onSubmit={() =>
                  void change
                    .run(`${base}/goals`, 'post', { description: goal.trim() }, 'The goal is added.')
                    .then((ok) => ok && setGoal(''))
                }
                aria-label="Add a goal"
              >
                <TextField label="New goal" required maxLength={500} value={goal} onChange={setGoal} />
                <FormActions>
                  <Button type="submit" busy={change.busy}>
                    Add goal
                  </Button>
                </FormActions>
              </Form>
            </Section>
            <Section title="Check-ins" id="check-ins">
              <CheckInForm plan={plan} onDone={resource.mutate} />
              {plan.checkIns.length === 0 ? (
                <EmptyState title="No check-in yet." />
              ) : (
                <ul className="timeline">
                  {plan.checkIns.map((c) => (
                    <li key={c.id}>
                      <p className="small">
                        <strong>{formatDay(c.date)}</strong>{' '}
                        <Badge tone={PROGRESS_TONE[c.progress]}>{CHECK_IN_PROGRESS_LABELS[c.progress]}</Badge>{' '}
                        <span className="muted">
                          {c.author.name}, {formatDateTime(c.createdAt)}
                          {c.goalId
                            ? ` · ${plan.goals.find((g) => g.id === c.goalId)?.description ?? ''}`
                            : ''}
                        </span>
                      </p>
                      <p className="pre-line">{c.note}</p>
                    </li>
                  ))}
                </ul>
              )}
            </Section>
          </div>
        )}
      </LoadState>
    </Page>
  );
}
