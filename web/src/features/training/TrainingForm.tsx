import { useState } from 'react';
import type { TrainingRequirement, TrainingSession } from '@common/preparedness.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextAreaField, TextField, type Option } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { todayIso } from '../../lib/format.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';

/** A training session (new or changed): topic, the requirement it fulfils, date, duration, materials, notes. */
export function TrainingForm({
  session,
  scopeOptions,
  requirements,
  defaultSchoolId,
  onDone,
  onCancel,
}: {
  session?: TrainingSession;
  scopeOptions: Option[];
  requirements: TrainingRequirement[];
  defaultSchoolId?: string;
  onDone: (s: TrainingSession) => void;
  onCancel: () => void;
}) {
  const [schoolId, setSchoolId] = useState(
    scopeOptions.some((o) => o.value === defaultSchoolId)
      ? (defaultSchoolId ?? '')
      : (scopeOptions[0]?.value ?? ''),
  );
  const [topic, setTopic] = useState(session?.topic ?? '');
  const [requirementId, setRequirementId] = useState(session?.requirementId ?? '');
  const [heldOn, setHeldOn] = useState(session?.heldOn ?? todayIso());
  const [duration, setDuration] = useState(session?.durationMinutes.toString() ?? '60');
  const [materials, setMaterials] = useState(session?.materials ?? '');
  const [notes, setNotes] = useState(session?.notes ?? '');
  const save = useAction(async () => {
    const body = {
      topic: topic.trim(),
      requirementId: requirementId || null,
      heldOn,
      durationMinutes: Number(duration),
      materials: materials.trim() || null,
      notes: notes.trim() || null,
    };
    onDone(
      session
        ? await api.patch<TrainingSession>(`/trainings/${session.id}`, body)
        : await api.post<TrainingSession>('/trainings', { ...body, schoolId: schoolId || null }),
    );
  });
  const err = (f: string) => fieldError(save.error, f);
  return (
    <Form
      onSubmit={() => void save.run()}
      error={save.error}
      aria-label={session ? 'Edit session' : 'New training session'}
    >
      <div className="form-grid">
        <TextField
          label="Topic"
          name="topic"
          required
          maxLength={200}
          value={topic}
          onChange={setTopic}
          error={err('topic')}
          className="span-all"
        />
        {!session && (
          <SelectField
            label="Where"
            name="schoolId"
            value={schoolId}
            onChange={setSchoolId}
            options={scopeOptions}
            error={err('schoolId')}
          />
        )}
        <SelectField
          label="Fulfils the requirement"
          name="requirementId"
          value={requirementId}
          onChange={setRequirementId}
          options={requirements.filter((r) => r.active).map((r) => ({ value: r.id, label: r.topic }))}
          placeholder="None (optional training)"
          error={err('requirementId')}
        />
        <TextField
          label="Date"
          name="heldOn"
          type="date"
          required
          value={heldOn}
          onChange={setHeldOn}
          error={err('heldOn')}
        />
        <TextField
          label="Duration (minutes)"
          name="durationMinutes"
          type="number"
          inputMode="numeric"
          required
          min={0}
          value={duration}
          onChange={setDuration}
          error={err('durationMinutes')}
        />
        <TextAreaField
          label="Materials"
          name="materials"
          hint="Links to slides and handouts, or what was handed out"
          value={materials}
          onChange={setMaterials}
          error={err('materials')}
          className="span-all"
        />
        <TextAreaField
          label="Notes"
          name="notes"
          value={notes}
          onChange={setNotes}
          error={err('notes')}
          className="span-all"
        />
      </div>
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          {session ? 'Save session' : 'Create session'}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
