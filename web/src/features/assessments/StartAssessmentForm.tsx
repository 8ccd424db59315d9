import { useState } from 'react';
import type { Assessment, AssessmentBody } from '@common/assessments.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextAreaField, TextField, type Option } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { todayIso } from '../../lib/format.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';

/** Starts an assessment of a campus: the district template's active measures are copied into it. */
export function StartAssessmentForm({
  schoolOptions,
  defaultSchoolId,
  onDone,
  onCancel,
}: {
  schoolOptions: Option[];
  defaultSchoolId?: string;
  onDone: (assessment: Assessment) => void;
  onCancel: () => void;
}) {
  const [schoolId, setSchoolId] = useState(
    schoolOptions.some((o) => o.value === defaultSchoolId)
      ? (defaultSchoolId ?? '')
      : (schoolOptions[0]?.value ?? ''),
  );
  const [title, setTitle] = useState('');
  const [startedOn, setStartedOn] = useState(todayIso());
  const [notes, setNotes] = useState('');
  const save = useAction(async () => {
    const body: AssessmentBody = {
      schoolId,
      title: title.trim() || undefined,
      startedOn,
      notes: notes.trim() || null,
    };
    onDone(await api.post<Assessment>('/assessments', body));
  });
  const err = (f: string) => fieldError(save.error, f);
  return (
    <Form onSubmit={() => void save.run()} error={save.error} aria-label="Start an assessment">
      <div className="form-grid">
        <SelectField
          label="Campus"
          name="schoolId"
          required
          value={schoolId}
          onChange={setSchoolId}
          options={schoolOptions}
          error={err('schoolId')}
        />
        <TextField
          label="Started on"
          name="startedOn"
          type="date"
          required
          max={todayIso()}
          value={startedOn}
          onChange={setStartedOn}
          error={err('startedOn')}
        />
        <TextField
          label="Title"
          name="title"
          maxLength={200}
          hint="Empty: the school's name and the date"
          value={title}
          onChange={setTitle}
          error={err('title')}
          className="span-all"
        />
        <TextAreaField
          label="Notes"
          name="notes"
          maxLength={4000}
          value={notes}
          onChange={setNotes}
          error={err('notes')}
          className="span-all"
        />
      </div>
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          Start the assessment
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
