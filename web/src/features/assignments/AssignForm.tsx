import { useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { todayIso } from '../../lib/format.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { useAllSchoolOptions, useUserOptions } from '../../lib/options.ts';
import type { Assignment } from '../../lib/types.ts';

const KIND_OPTIONS = [
  { value: 'primary', label: 'Primary school' },
  { value: 'feeder', label: 'Feeder school' },
];

/** Assigns an SRO to a school: the officer, the school, primary or feeder, the dates and notes. */
export function AssignForm({
  defaultSchoolId,
  onDone,
  onCancel,
}: {
  defaultSchoolId?: string;
  onDone: (a: Assignment) => void;
  onCancel: () => void;
}) {
  const sros = useUserOptions('sro');
  const schools = useAllSchoolOptions();
  const [userId, setUserId] = useState('');
  const [schoolId, setSchoolId] = useState(defaultSchoolId ?? '');
  const [kind, setKind] = useState('primary');
  const [startsOn, setStartsOn] = useState(todayIso());
  const [endsOn, setEndsOn] = useState('');
  const [notes, setNotes] = useState('');
  const save = useAction(async () => {
    const created = await api.post<Assignment>('/assignments', {
      userId,
      schoolId,
      kind,
      startsOn,
      endsOn: endsOn || null,
      notes: notes.trim() || null,
    });
    onDone(created);
  });
  const err = (field: string) => fieldError(save.error, field);

  return (
    <Form onSubmit={() => void save.run()} error={save.error} aria-label="Assign an SRO">
      <ErrorBanner error={sros.error} title="The list of SROs could not be loaded" />
      <div className="form-grid">
        <SelectField
          label="SRO"
          name="userId"
          required
          value={userId}
          onChange={setUserId}
          options={sros.options}
          placeholder={sros.loading ? 'Loading officers…' : 'Choose an officer…'}
          hint={!sros.loading && sros.options.length === 0 ? 'No user holds the SRO role yet.' : undefined}
          error={err('userId')}
        />
        <SelectField
          label="School"
          name="schoolId"
          required
          value={schoolId}
          onChange={setSchoolId}
          options={schools}
          placeholder="Choose a school…"
          error={err('schoolId')}
        />
        <SelectField
          label="Assignment"
          name="kind"
          value={kind}
          onChange={setKind}
          options={KIND_OPTIONS}
          error={err('kind')}
        />
        <TextField
          label="Starts on"
          name="startsOn"
          type="date"
          required
          value={startsOn}
          onChange={setStartsOn}
          error={err('startsOn')}
        />
        <TextField
          label="Ends on"
          name="endsOn"
          type="date"
          min={startsOn}
          hint="Leave empty while open-ended"
          value={endsOn}
          onChange={setEndsOn}
          error={err('endsOn')}
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
          Assign SRO
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}

/** Ends an assignment on a chosen day (today by default). */
export function EndAssignmentForm({
  assignment,
  onDone,
  onCancel,
}: {
  assignment: Assignment;
  onDone: (a: Assignment) => void;
  onCancel: () => void;
}) {
  const [endsOn, setEndsOn] = useState(() =>
    todayIso() < assignment.startsOn ? assignment.startsOn : todayIso(),
  );
  const save = useAction(async () =>
    onDone(await api.patch<Assignment>(`/assignments/${assignment.id}`, { endsOn })),
  );
  return (
    <Form onSubmit={() => void save.run()} error={save.error} aria-label="End assignment">
      <p>
        {assignment.userName} at {assignment.schoolName} ({assignment.kind}). The last day of the assignment:
      </p>
      <TextField
        label="Last day"
        name="endsOn"
        type="date"
        required
        min={assignment.startsOn}
        value={endsOn}
        onChange={setEndsOn}
        error={fieldError(save.error, 'endsOn')}
      />
      <FormActions>
        <Button type="submit" variant="danger" busy={save.busy}>
          End assignment
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
