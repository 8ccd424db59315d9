import { useState } from 'react';
import type { ClassRequestBody, EducationClass, Topic } from '@common/education.ts';
import { roleHas, type Permission } from '@common/permissions.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextAreaField, TextField, type Option } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { ApiError, api } from '../../lib/api.ts';
import { GRADE_OPTIONS } from '../../lib/options.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';

/** The user's schools where they hold `permission` (all their schools for a district-wide grant). */
export function useSchoolsWhere(permission: Permission): Option[] {
  const { session, schools } = useSession();
  const districtWide = session.grants.some((g) => g.schoolId === null && roleHas(g.role, permission));
  const ids = new Set(
    session.grants.filter((g) => g.schoolId !== null && roleHas(g.role, permission)).map((g) => g.schoolId),
  );
  return schools.filter((s) => districtWide || ids.has(s.id)).map((s) => ({ value: s.id, label: s.name }));
}

/** A teacher asks the SRO for a class: school, topic, up to five preferred dates, grade, class size, notes. */
export function RequestForm({
  topics,
  onDone,
  onCancel,
}: {
  topics: Topic[];
  onDone: (c: EducationClass) => void;
  onCancel: () => void;
}) {
  const schoolOptions = useSchoolsWhere('education.request');
  const { selectedSchoolId } = useSession();
  const [schoolId, setSchoolId] = useState(
    schoolOptions.find((o) => o.value === selectedSchoolId)?.value ?? schoolOptions[0]?.value ?? '',
  );
  const [topic, setTopic] = useState('');
  const [dates, setDates] = useState<string[]>(['']);
  const [grade, setGrade] = useState('');
  const [size, setSize] = useState('');
  const [notes, setNotes] = useState('');
  const save = useAction(async () => {
    const body: ClassRequestBody = {
      schoolId,
      topic,
      preferredDates: dates.filter(Boolean),
      gradeLevel: Number(grade),
      classSize: Number(size),
      notes: notes.trim() || null,
    };
    onDone(await api.post<EducationClass>('/education/my-requests', body));
  });
  const err = (f: string) => fieldError(save.error, f);
  const datesError =
    save.error instanceof ApiError && save.error.field?.startsWith('preferredDates')
      ? save.error.message
      : undefined;

  return (
    <Form onSubmit={() => void save.run()} error={save.error} aria-label="Request a class">
      <div className="form-grid">
        {schoolOptions.length > 1 && (
          <SelectField
            label="School"
            name="schoolId"
            required
            value={schoolId}
            onChange={setSchoolId}
            options={schoolOptions}
            error={err('schoolId')}
          />
        )}
        <SelectField
          label="Topic"
          name="topic"
          required
          value={topic}
          onChange={setTopic}
          placeholder="Choose a topic"
          options={topics.filter((t) => t.active).map((t) => ({ value: t.key, label: t.name }))}
          error={err('topic')}
        />
        <SelectField
          label="Grade"
          name="gradeLevel"
          required
          value={grade}
          onChange={setGrade}
          placeholder="Choose the grade"
          options={GRADE_OPTIONS}
          error={err('gradeLevel')}
        />
        <TextField
          label="Class size"
          name="classSize"
          type="number"
          inputMode="numeric"
          min={1}
          max={500}
          required
          value={size}
          onChange={setSize}
          hint="Number of students"
          error={err('classSize')}
        />
      </div>
      <fieldset className="fieldset">
        <legend>Preferred dates</legend>
        {datesError && <p className="field-error">{datesError}</p>}
        <div className="form-grid">
          {dates.map((d, i) => (
            <TextField
              key={i}
              label={`Preferred date ${i + 1}`}
              name={i === 0 ? 'preferredDates' : undefined}
              type="date"
              required={i === 0}
              value={d}
              onChange={(v) => setDates((all) => all.map((x, j) => (j === i ? v : x)))}
            />
          ))}
        </div>
        {dates.length < 5 && (
          <Button size="small" onClick={() => setDates((all) => [...all, ''])}>
            Add another date
          </Button>
        )}
      </fieldset>
      <TextAreaField
        label="Notes for the officer"
        name="notes"
        maxLength={2000}
        value={notes}
        onChange={setNotes}
        hint="What the class needs, a period or room, anything the officer should know."
        error={err('notes')}
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          Send request
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
