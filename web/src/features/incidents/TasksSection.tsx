import { useState } from 'react';
import type { Task, TaskInput } from '@common/incidents.ts';
import { Button } from '../../components/Button.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { Section } from '../../components/Page.tsx';
import { UserPicker } from '../../components/UserPicker.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';
import { Countdown } from './Countdown.tsx';
import { fromLocalInput } from './labels.ts';

interface Props {
  incidentId: string;
  tasks: Task[];
  canAdd: boolean;
  onChanged: () => void;
}

/** Follow-up tasks and notification deadlines of an incident, each with its clock; add and complete. */
export function TasksSection({ incidentId, tasks, canAdd, onChanged }: Props) {
  const { user, can } = useSession();
  const [adding, setAdding] = useState(false);
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState(user?.id ?? '');
  const [dueAt, setDueAt] = useState('');
  const add = useAction(async () => {
    const body: TaskInput = { title, ownerId, dueAt: fromLocalInput(dueAt) ?? dueAt };
    await api.post<Task>(`/incidents/${incidentId}/tasks`, body);
    setAdding(false);
    setTitle('');
    setDueAt('');
    onChanged();
    return 'The task was added.';
  });
  const complete = useAction(async (task: Task) => {
    await api.patch<Task>(`/incident-tasks/${task.id}`, { done: true });
    onChanged();
    return `“${task.title}” is done.`;
  });
  const sorted = [...tasks].sort(
    (a, b) => Number(Boolean(a.doneAt)) - Number(Boolean(b.doneAt)) || a.dueAt.localeCompare(b.dueAt),
  );

  return (
    <Section
      title="Tasks and deadlines"
      id="tasks"
      actions={
        canAdd &&
        !adding && (
          <Button size="small" onClick={() => setAdding(true)}>
            Add task
          </Button>
        )
      }
    >
      <ErrorBanner error={complete.error} />
      {sorted.length === 0 ? (
        <EmptyState title="No tasks." />
      ) : (
        <ul className="list-rows" aria-label="Tasks">
          {sorted.map((t) => (
            <li key={t.id}>
              <span>
                <strong>{t.title}</strong>
                <br />
                <span className="muted small">
                  {t.kind === 'notification' ? 'Notification deadline' : 'Follow-up'} · {t.ownerName} · due{' '}
                  {formatDateTime(t.dueAt)}
                  {t.doneAt ? ` · done ${formatDateTime(t.doneAt)} by ${t.doneByName ?? ''}` : ''}
                </span>
              </span>
              <span className="row">
                <Countdown dueAt={t.dueAt} done={Boolean(t.doneAt)} />
                {!t.doneAt && canAdd && (
                  <Button
                    size="small"
                    onClick={() => void complete.run(t)}
                    aria-label={`Mark “${t.title}” done`}
                  >
                    Done
                  </Button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {adding && (
        <Form onSubmit={() => void add.run()} error={add.error} className="mt-sm" aria-label="Add a task">
          <div className="form-grid">
            <TextField
              label="Task"
              name="title"
              required
              value={title}
              onChange={setTitle}
              error={fieldError(add.error, 'title')}
            />
            <TextField
              label="Due"
              name="dueAt"
              type="datetime-local"
              required
              value={dueAt}
              onChange={setDueAt}
              error={fieldError(add.error, 'dueAt')}
            />
            {can('user.read') && <UserPicker label="Owner" value={ownerId} onChange={setOwnerId} />}
          </div>
          {fieldError(add.error, 'ownerId') && (
            <p className="field-error">{fieldError(add.error, 'ownerId')}</p>
          )}
          <FormActions>
            <Button type="submit" variant="primary" busy={add.busy}>
              Add task
            </Button>
            <Button onClick={() => setAdding(false)}>Cancel</Button>
          </FormActions>
        </Form>
      )}
      {complete.success && (
        <p className="sr-only visually-hidden" role="status">
          {complete.success}
        </p>
      )}
    </Section>
  );
}
