import { useState } from 'react';
import type { Drill, DrillCondition, DrillType, ObserverKind } from '@common/preparedness.ts';
import { Button } from '../../components/Button.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { todayIso } from '../../lib/format.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { CONDITION_LABELS, DRILL_TYPE_LABELS, OBSERVER_LABELS, optionsOf } from '../preparedness/labels.ts';
import { FollowUpsFields, ObserversFields, type FollowUpRow, type ObserverRow } from './DrillListFields.tsx';

/** What the form does: plan a drill, record one that happened, or edit / conduct an existing one. */
export type DrillFormMode = 'schedule' | 'record' | 'conduct' | 'edit';

/** The title of the form (and of its dialog) for each mode. */
export const FORM_LABELS: Record<DrillFormMode, string> = {
  schedule: 'Schedule a drill',
  record: 'Record a drill',
  conduct: 'Record the drill',
  edit: 'Edit drill',
};

const num = (value: string) => (value.trim() === '' ? null : Number(value));
const textOrNull = (value: string) => value.trim() || null;

/**
 * Every field of a drill. Recording after the fact is allowed: the date is the real day it happened
 * (never in the future). Editing a scheduled drill can mark it completed or cancel it.
 */
export function DrillForm({
  mode,
  schoolId,
  drill,
  defaultType,
  onDone,
  onCancel,
}: {
  mode: DrillFormMode;
  schoolId: string;
  drill?: Drill;
  defaultType?: DrillType;
  onDone: (drill: Drill) => void;
  onCancel: () => void;
}) {
  const today = todayIso();
  const [type, setType] = useState<string>(drill?.type ?? defaultType ?? '');
  const [status, setStatus] = useState<string>(
    mode === 'conduct' || mode === 'record' ? 'completed' : (drill?.status ?? 'scheduled'),
  );
  // Conducting a drill planned for a later day means it happened today.
  const [date, setDate] = useState(
    mode === 'conduct' && drill && drill.date > today
      ? today
      : (drill?.date ?? (mode === 'record' ? today : '')),
  );
  const [startTime, setStartTime] = useState(drill?.startTime ?? '');
  const [duration, setDuration] = useState(drill?.durationMinutes?.toString() ?? '');
  const [conditions, setConditions] = useState<DrillCondition[]>(drill?.conditions ?? []);
  const [secondaryEgress, setSecondaryEgress] = useState(drill?.secondaryEgress ?? false);
  const [participants, setParticipants] = useState(drill?.participants?.toString() ?? '');
  const [observers, setObservers] = useState<ObserverRow[]>(
    (drill?.observers ?? []).map((o) => ({ kind: o.kind, name: o.name ?? '' })),
  );
  const [problems, setProblems] = useState(drill?.problemsFound ?? '');
  const [afterAction, setAfterAction] = useState(drill?.afterActionNotes ?? '');
  const [followUps, setFollowUps] = useState<FollowUpRow[]>(
    (drill?.followUps ?? []).map((f) => ({
      task: f.task,
      owner: f.owner ?? '',
      dueOn: f.dueOn ?? '',
      done: f.done ?? false,
    })),
  );
  const [notes, setNotes] = useState(drill?.notes ?? '');
  const [cancelledReason, setCancelledReason] = useState(drill?.cancelledReason ?? '');
  const completed = status === 'completed';

  const save = useAction(async () => {
    const body = {
      type,
      status,
      date,
      startTime: startTime || null,
      durationMinutes: num(duration),
      conditions,
      secondaryEgress,
      participants: num(participants),
      observers: observers.map((o) => ({ kind: o.kind as ObserverKind, name: textOrNull(o.name) })),
      problemsFound: textOrNull(problems),
      afterActionNotes: textOrNull(afterAction),
      followUps: followUps.map((f) => ({
        task: f.task.trim(),
        owner: textOrNull(f.owner),
        dueOn: f.dueOn || null,
        done: f.done,
      })),
      notes: textOrNull(notes),
      ...(status === 'cancelled' ? { cancelledReason: textOrNull(cancelledReason) } : {}),
    };
    const saved = drill
      ? await api.patch<Drill>(`/drills/${drill.id}`, body)
      : await api.post<Drill>('/drills', { ...body, schoolId });
    onDone(saved);
  });
  const err = (field: string) => fieldError(save.error, field);
  const label = FORM_LABELS[mode];

  const statusOptions = drill
    ? [
        { value: 'scheduled', label: 'Scheduled' },
        { value: 'completed', label: 'Completed (it happened)' },
        { value: 'cancelled', label: 'Cancelled' },
      ]
    : [];

  return (
    <Form onSubmit={() => void save.run()} error={save.error} aria-label={label}>
      <div className="form-grid">
        <SelectField
          label="Drill type"
          name="type"
          required
          value={type}
          onChange={setType}
          options={optionsOf(DRILL_TYPE_LABELS)}
          placeholder="Choose a type…"
          error={err('type')}
        />
        {drill && (
          <SelectField
            label="Status"
            name="status"
            value={status}
            onChange={setStatus}
            options={statusOptions}
            error={err('status')}
          />
        )}
        <TextField
          label={completed ? 'Date it happened' : 'Planned date'}
          name="date"
          type="date"
          required
          max={completed ? today : undefined}
          hint={completed && !drill ? 'Recording after the fact: enter the real date.' : undefined}
          value={date}
          onChange={setDate}
          error={err('date')}
        />
        <TextField
          label="Start time"
          name="startTime"
          type="time"
          value={startTime}
          onChange={setStartTime}
          error={err('startTime')}
        />
        <TextField
          label="Duration (minutes)"
          name="durationMinutes"
          type="number"
          inputMode="numeric"
          min={0}
          value={duration}
          onChange={setDuration}
          error={err('durationMinutes')}
        />
        <TextField
          label="Participants"
          name="participants"
          type="number"
          inputMode="numeric"
          min={0}
          hint="Students and staff taking part"
          value={participants}
          onChange={setParticipants}
          error={err('participants')}
        />
        {status === 'cancelled' && (
          <TextField
            label="Reason for cancelling"
            name="cancelledReason"
            required
            value={cancelledReason}
            onChange={setCancelledReason}
            error={err('cancelledReason')}
            className="span-all"
          />
        )}
      </div>
      <fieldset className="fieldset">
        <legend>Held during</legend>
        <div className="check-grid">
          {optionsOf(CONDITION_LABELS).map((o) => (
            <CheckboxField
              key={o.value}
              label={o.label}
              checked={conditions.includes(o.value)}
              onChange={(on) =>
                setConditions((list) => (on ? [...list, o.value] : list.filter((c) => c !== o.value)))
              }
            />
          ))}
          <CheckboxField
            label="A secondary exit was used"
            hint="A primary exit was blocked on purpose"
            checked={secondaryEgress}
            onChange={setSecondaryEgress}
          />
        </div>
        {err('conditions') && <p className="field-error">{err('conditions')}</p>}
      </fieldset>
      <ObserversFields rows={observers} onChange={setObservers} error={save.error} labels={OBSERVER_LABELS} />
      {completed && (
        <div className="form-grid">
          <TextAreaField
            label="Problems found"
            name="problemsFound"
            value={problems}
            onChange={setProblems}
            error={err('problemsFound')}
            className="span-all"
          />
          <TextAreaField
            label="After-action notes"
            name="afterActionNotes"
            value={afterAction}
            onChange={setAfterAction}
            error={err('afterActionNotes')}
            className="span-all"
          />
        </div>
      )}
      {completed && <FollowUpsFields rows={followUps} onChange={setFollowUps} error={save.error} />}
      <TextAreaField label="Notes" name="notes" value={notes} onChange={setNotes} error={err('notes')} />
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          {mode === 'schedule' ? 'Schedule drill' : mode === 'edit' ? 'Save drill' : 'Record drill'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
