import type { ObserverKind } from '@common/preparedness.ts';
import { Button } from '../../components/Button.tsx';
import { CheckboxField, SelectField, TextField } from '../../components/Field.tsx';
import { fieldError } from '../../lib/hooks.ts';
import { optionsOf } from '../preparedness/labels.ts';

/** One observer row of the drill form (kind and an optional name). */
export interface ObserverRow {
  kind: string;
  name: string;
}

/** One follow-up task row of the drill form. */
export interface FollowUpRow {
  task: string;
  owner: string;
  dueOn: string;
  done: boolean;
}

/** The observers of a drill (fire department, law enforcement...): add, change, remove rows. */
export function ObserversFields({
  rows,
  onChange,
  error,
  labels,
}: {
  rows: ObserverRow[];
  onChange: (rows: ObserverRow[]) => void;
  error: unknown;
  labels: Record<ObserverKind, string>;
}) {
  const set = (i: number, patch: Partial<ObserverRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="fieldset">
      <legend>Observers</legend>
      {rows.length === 0 && (
        <p className="field-hint">No observer. Add the fire department or police when present.</p>
      )}
      {rows.map((row, i) => (
        <div className="grant-row" key={i}>
          <SelectField
            label={`Observer ${i + 1}`}
            name={`observers.${i}.kind`}
            required
            value={row.kind}
            onChange={(kind) => set(i, { kind })}
            options={optionsOf(labels)}
            placeholder="Choose…"
            error={fieldError(error, `observers.${i}.kind`)}
          />
          <TextField
            label={`Observer ${i + 1} name`}
            name={`observers.${i}.name`}
            value={row.name}
            onChange={(name) => set(i, { name })}
            error={fieldError(error, `observers.${i}.name`)}
          />
          <Button
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
            aria-label={`Remove observer ${i + 1}`}
          >
            Remove
          </Button>
        </div>
      ))}
      <div className="mt-sm">
        <Button size="small" onClick={() => onChange([...rows, { kind: '', name: '' }])}>
          Add an observer
        </Button>
      </div>
    </fieldset>
  );
}

/** Follow-up tasks of a drill: task, owner, due day, done. */
export function FollowUpsFields({
  rows,
  onChange,
  error,
}: {
  rows: FollowUpRow[];
  onChange: (rows: FollowUpRow[]) => void;
  error: unknown;
}) {
  const set = (i: number, patch: Partial<FollowUpRow>) =>
    onChange(rows.map((r, j) => (j === i ? { ...r, ...patch } : r)));
  return (
    <fieldset className="fieldset">
      <legend>Follow-up tasks</legend>
      {rows.length === 0 && <p className="field-hint">Nothing to follow up.</p>}
      {rows.map((row, i) => (
        <div className="follow-up-row" key={i}>
          <TextField
            label={`Task ${i + 1}`}
            name={`followUps.${i}.task`}
            required
            value={row.task}
            onChange={(task) => set(i, { task })}
            error={fieldError(error, `followUps.${i}.task`)}
          />
          <TextField
            label={`Task ${i + 1} owner`}
            name={`followUps.${i}.owner`}
            value={row.owner}
            onChange={(owner) => set(i, { owner })}
            error={fieldError(error, `followUps.${i}.owner`)}
          />
          <TextField
            label={`Task ${i + 1} due`}
            name={`followUps.${i}.dueOn`}
            type="date"
            value={row.dueOn}
            onChange={(dueOn) => set(i, { dueOn })}
            error={fieldError(error, `followUps.${i}.dueOn`)}
          />
          <CheckboxField
            label={`Task ${i + 1} done`}
            checked={row.done}
            onChange={(done) => set(i, { done })}
          />
          <Button
            onClick={() => onChange(rows.filter((_, j) => j !== i))}
            aria-label={`Remove task ${i + 1}`}
          >
            Remove
          </Button>
        </div>
      ))}
      <div className="mt-sm">
        <Button
          size="small"
          onClick={() => onChange([...rows, { task: '', owner: '', dueOn: '', done: false }])}
        >
          Add a task
        </Button>
      </div>
    </fieldset>
  );
}
