import { useState } from 'react';
import {
  DEFAULT_TRIAD_ROLE,
  TRIAD_ROLE_LABELS,
  TRIAD_ROLES,
  type ActivityKind,
  type TriadRole,
} from '@common/activity.ts';
import type { ActivityEntry } from '@common/activity-log.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { fromLocalInput, toLocalInput } from '../../lib/datetime.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { useSchoolOptions } from '../../lib/options.ts';
import { useHomeSchoolId } from '../../lib/home-school.ts';
import { ACTIVITY_KIND_OPTIONS } from './labels.ts';

/** An activity typed by hand (new or changed): kind and triad role, school, time, duration, title, notes. */
export function ActivityForm({
  entry,
  defaultDay,
  onDone,
  onCancel,
}: {
  entry?: ActivityEntry;
  /** For a new entry: the day it starts on (YYYY-MM-DD), at the current time of day. */
  defaultDay?: string;
  onDone: (entry: ActivityEntry) => void;
  onCancel: () => void;
}) {
  const homeSchoolId = useHomeSchoolId();
  const schoolOptions = useSchoolOptions();
  const [kind, setKind] = useState<ActivityKind>(entry?.kind ?? 'mentoring');
  // The role follows the kind until the officer picks one on purpose.
  const [role, setRole] = useState<TriadRole | ''>(entry?.triadRole ?? '');
  const [schoolId, setSchoolId] = useState(entry ? (entry.school?.id ?? '') : homeSchoolId);
  const [startedAt, setStartedAt] = useState(() => {
    if (entry) return toLocalInput(new Date(entry.startedAt));
    const now = toLocalInput(new Date());
    return defaultDay ? `${defaultDay}${now.slice(10)}` : now;
  });
  const [duration, setDuration] = useState(String(entry?.durationMinutes ?? 30));
  const [title, setTitle] = useState(entry?.title ?? '');
  const [notes, setNotes] = useState(entry?.notes ?? '');
  const [participants, setParticipants] = useState(entry?.participants?.toString() ?? '');

  const save = useAction(async () => {
    const body = {
      kind,
      triadRole: role || DEFAULT_TRIAD_ROLE[kind],
      schoolId: schoolId || null,
      startedAt: fromLocalInput(startedAt),
      durationMinutes: Number(duration),
      title: title.trim(),
      notes: notes.trim() || null,
      participants: participants === '' ? null : Number(participants),
    };
    onDone(
      entry
        ? await api.patch<ActivityEntry>(`/activity/${entry.id}`, body)
        : await api.post<ActivityEntry>('/activity', body),
    );
  });
  const err = (f: string) => fieldError(save.error, f);

  return (
    <Form
      onSubmit={() => void save.run()}
      error={save.error}
      aria-label={entry ? 'Edit activity' : 'Add activity'}
    >
      <div className="form-grid">
        <TextField
          label="Title"
          name="title"
          required
          maxLength={200}
          value={title}
          onChange={setTitle}
          error={err('title')}
          className="span-all"
          hint="e.g. Lunch check-in with 9th graders"
        />
        <SelectField
          label="Kind"
          name="kind"
          required
          value={kind}
          onChange={(v) => setKind(v as ActivityKind)}
          options={ACTIVITY_KIND_OPTIONS}
          error={err('kind')}
        />
        <SelectField
          label="Triad role"
          name="triadRole"
          value={role}
          onChange={(v) => setRole(v as TriadRole | '')}
          options={TRIAD_ROLES.map((r) => ({ value: r, label: TRIAD_ROLE_LABELS[r] }))}
          placeholder={`Usual for the kind: ${TRIAD_ROLE_LABELS[DEFAULT_TRIAD_ROLE[kind]]}`}
          error={err('triadRole')}
        />
        <SelectField
          label="School"
          name="schoolId"
          value={schoolId}
          onChange={setSchoolId}
          options={schoolOptions}
          placeholder="Not at one school"
          error={err('schoolId')}
        />
        <TextField
          label="Started at"
          name="startedAt"
          type="datetime-local"
          required
          value={startedAt}
          onChange={setStartedAt}
          error={err('startedAt')}
        />
        <TextField
          label="Duration (minutes)"
          name="durationMinutes"
          type="number"
          inputMode="numeric"
          required
          min={1}
          max={1440}
          value={duration}
          onChange={setDuration}
          error={err('durationMinutes')}
        />
        <TextField
          label="People reached"
          name="participants"
          type="number"
          inputMode="numeric"
          min={0}
          max={5000}
          value={participants}
          onChange={setParticipants}
          hint="Students in a class, people met (optional)"
          error={err('participants')}
        />
        <TextAreaField
          label="Notes"
          name="notes"
          maxLength={2000}
          value={notes}
          onChange={setNotes}
          error={err('notes')}
          className="span-all"
        />
      </div>
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          {entry ? 'Save activity' : 'Add activity'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
