import { useState } from 'react';
import { THREAT_TASK_KINDS, THREAT_TASK_LABELS, type ThreatTaskKind } from '@common/tip-constants.ts';
import type { ThreatCase, ThreatTask } from '@common/tips.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorBanner, Notice } from '../../components/ErrorBanner.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime, formatDay, todayIso } from '../../lib/format.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';

interface Props {
  threatCase: ThreatCase;
  canManage: boolean;
  onChange: (threatCase: ThreatCase) => void;
}

function DueBadge({ task }: { task: ThreatTask }) {
  if (task.doneAt) return <Badge tone="success">Done</Badge>;
  if (!task.dueOn) return <Badge>No date</Badge>;
  const today = todayIso();
  if (task.dueOn < today) return <Badge tone="danger">Overdue</Badge>;
  if (task.dueOn === today) return <Badge tone="warning">Due today</Badge>;
  return <Badge tone="info">Due {formatDay(task.dueOn)}</Badge>;
}

/** One task: its owner (a team member) and due date can change; done closes it. */
function TaskRow({
  task,
  threatCase,
  canManage,
  onChange,
  onError,
}: Props & { task: ThreatTask; onError: (e: Error | null) => void }) {
  const update = async (body: Record<string, unknown>) => {
    onError(null);
    try {
      onChange(await api.patch<ThreatCase>(`/threat-cases/${threatCase.id}/tasks/${task.id}`, body));
    } catch (e) {
      onError(e instanceof Error ? e : new Error(String(e)));
    }
  };
  const editable = canManage && !task.doneAt && threatCase.status !== 'closed';
  return (
    <li data-task-kind={task.kind}>
      <span className="stack">
        <strong>{task.title}</strong>
        <span className="muted small">
          {task.ownerName ?? 'No owner'}
          {task.dueOn ? ` · due ${formatDay(task.dueOn)}` : ''}
          {task.doneAt ? ` · done ${formatDateTime(task.doneAt)}` : ''}
        </span>
        {editable && (
          <span className="task-edit">
            <SelectField
              label="Owner"
              value={task.ownerUserId ?? ''}
              onChange={(v) => void update({ ownerUserId: v || null })}
              options={threatCase.team.map((m) => ({ value: m.userId, label: m.name }))}
              placeholder="No owner"
              aria-label={`Owner of “${task.title}”`}
            />
            <TextField
              label="Due"
              type="date"
              value={task.dueOn ?? ''}
              onChange={(v) => void update({ dueOn: v || null })}
              aria-label={`Due date of “${task.title}”`}
            />
          </span>
        )}
      </span>
      <span className="row">
        <DueBadge task={task} />
        {editable && (
          <Button
            size="small"
            onClick={() => void update({ done: true })}
            aria-label={`Mark “${task.title}” done`}
          >
            Done
          </Button>
        )}
      </span>
    </li>
  );
}

/** The tasks of a case: those the classification created (CSTAG) and any added by the team. */
export function CaseTasks(props: Props) {
  const { threatCase, canManage, onChange } = props;
  const [rowError, setRowError] = useState<Error | null>(null);
  const [adding, setAdding] = useState(false);
  const [kind, setKind] = useState<ThreatTaskKind>('follow_up');
  const [title, setTitle] = useState('');
  const [owner, setOwner] = useState('');
  const [dueOn, setDueOn] = useState('');
  const add = useAction(async () => {
    onChange(
      await api.post<ThreatCase>(`/threat-cases/${threatCase.id}/tasks`, {
        kind,
        title: title || undefined,
        ownerUserId: owner || null,
        dueOn: dueOn || undefined,
      }),
    );
    setAdding(false);
    setTitle('');
    setDueOn('');
    return 'The task was added.';
  });
  const tasks = [...threatCase.tasks].sort(
    (a, b) =>
      Number(Boolean(a.doneAt)) - Number(Boolean(b.doneAt)) || (a.dueOn ?? '9').localeCompare(b.dueOn ?? '9'),
  );
  const open = threatCase.status !== 'closed';

  return (
    <Section
      title="Tasks"
      id="case-tasks"
      actions={
        canManage &&
        open &&
        !adding && (
          <Button size="small" onClick={() => setAdding(true)}>
            Add task
          </Button>
        )
      }
    >
      <ErrorBanner error={rowError} />
      <Notice message={add.success} />
      {tasks.length === 0 ? (
        <EmptyState title="No tasks yet.">
          Classifying the threat creates the tasks the guidelines call for.
        </EmptyState>
      ) : (
        <ul className="list-rows case-tasks" aria-label="Tasks">
          {tasks.map((t) => (
            <TaskRow key={t.id} task={t} {...props} onError={setRowError} />
          ))}
        </ul>
      )}
      {adding && (
        <Form onSubmit={() => void add.run()} error={add.error} className="mt-sm" aria-label="Add a task">
          <div className="form-grid">
            <SelectField
              label="Kind"
              name="kind"
              value={kind}
              onChange={(v) => setKind(v as ThreatTaskKind)}
              options={THREAT_TASK_KINDS.map((k) => ({ value: k, label: THREAT_TASK_LABELS[k] }))}
            />
            <TextField
              label="Title"
              name="title"
              hint="Leave empty to use the kind's name."
              value={title}
              onChange={setTitle}
              error={fieldError(add.error, 'title')}
            />
            <SelectField
              label="Owner"
              name="ownerUserId"
              value={owner}
              onChange={setOwner}
              options={threatCase.team.map((m) => ({ value: m.userId, label: m.name }))}
              placeholder="No owner"
              error={fieldError(add.error, 'ownerUserId')}
            />
            <TextField
              label="Due"
              name="dueOn"
              type="date"
              value={dueOn}
              onChange={setDueOn}
              error={fieldError(add.error, 'dueOn')}
            />
          </div>
          <FormActions>
            <Button type="submit" variant="primary" busy={add.busy}>
              Add task
            </Button>
            <Button onClick={() => setAdding(false)}>Cancel</Button>
          </FormActions>
        </Form>
      )}
    </Section>
  );
}
