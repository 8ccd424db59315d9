import { useState } from 'react';
import type { SupportTeam } from '@common/support.ts';
import { Button } from '../../components/Button.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { todayIso } from '../../lib/format.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { fromLocalInput, nowLocalInput } from '../incidents/labels.ts';
import { StudentSearch, type PickedStudent } from './StudentSearch.tsx';

interface Props {
  team: SupportTeam;
  onDone: (t: SupportTeam, message: string) => void;
  onCancel: () => void;
}

/** A team meeting: when, which members attended, notes. */
export function MeetingForm({ team, onDone, onCancel }: Props) {
  const [heldAt, setHeldAt] = useState(nowLocalInput());
  const [attendees, setAttendees] = useState<string[]>(team.members.map((m) => m.id));
  const [notes, setNotes] = useState('');
  const save = useAction(async () => {
    const body = {
      heldAt: fromLocalInput(heldAt) ?? heldAt,
      attendeeIds: attendees,
      notes: notes.trim() || null,
    };
    onDone(
      await api.post<SupportTeam>(`/support/teams/${team.id}/meetings`, body),
      'The meeting is recorded.',
    );
  });
  return (
    <Form onSubmit={() => void save.run()} error={save.error} aria-label="Record a meeting">
      <TextField
        label="Held at"
        name="heldAt"
        type="datetime-local"
        required
        value={heldAt}
        onChange={setHeldAt}
        error={fieldError(save.error, 'heldAt')}
      />
      <fieldset className="fieldset">
        <legend>Attended</legend>
        <div className="member-choices">
          {team.members.map((m) => (
            <CheckboxField
              key={m.id}
              label={m.name}
              checked={attendees.includes(m.id)}
              onChange={(on) =>
                setAttendees((all) => (on ? [...all, m.id] : all.filter((id) => id !== m.id)))
              }
            />
          ))}
        </div>
      </fieldset>
      <TextAreaField
        label="Notes"
        name="notes"
        rows={5}
        maxLength={8000}
        value={notes}
        onChange={setNotes}
        error={fieldError(save.error, 'notes')}
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          Save meeting
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}

/** A student case the team takes up, with the concern. */
export function CaseForm({ team, onDone, onCancel }: Props) {
  const [student, setStudent] = useState<PickedStudent | null>(null);
  const [concern, setConcern] = useState('');
  const save = useAction(async () => {
    if (!student) throw new Error('Choose the student.');
    onDone(
      await api.post<SupportTeam>(`/support/teams/${team.id}/cases`, {
        studentId: student.id,
        concern: concern.trim(),
      }),
      `${student.name} is added as a case.`,
    );
  });
  return (
    <Form onSubmit={() => void save.run()} error={save.error} aria-label="Add a case">
      <StudentSearch
        lookup="support"
        schoolId={team.school.id}
        value={student}
        onChange={setStudent}
        error={fieldError(save.error, 'studentId')}
      />
      <TextAreaField
        label="Concern"
        name="concern"
        required
        maxLength={2000}
        value={concern}
        onChange={setConcern}
        error={fieldError(save.error, 'concern')}
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          Add case
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}

/** An action item with its owner (a member), due day and optionally the case it serves. */
export function ActionItemForm({ team, onDone, onCancel }: Props) {
  const [title, setTitle] = useState('');
  const [ownerId, setOwnerId] = useState('');
  const [dueOn, setDueOn] = useState(todayIso());
  const [caseId, setCaseId] = useState('');
  const save = useAction(async () => {
    const body = { title: title.trim(), ownerId, dueOn, caseId: caseId || null };
    onDone(
      await api.post<SupportTeam>(`/support/teams/${team.id}/action-items`, body),
      'The action item is added.',
    );
  });
  const err = (f: string) => fieldError(save.error, f);
  return (
    <Form onSubmit={() => void save.run()} error={save.error} aria-label="Add an action item">
      <TextField
        label="What"
        name="title"
        required
        maxLength={300}
        value={title}
        onChange={setTitle}
        error={err('title')}
      />
      <div className="form-grid">
        <SelectField
          label="Owner"
          name="ownerId"
          required
          value={ownerId}
          onChange={setOwnerId}
          placeholder="Choose a member"
          options={team.members.map((m) => ({ value: m.id, label: m.name }))}
          error={err('ownerId')}
        />
        <TextField
          label="Due"
          name="dueOn"
          type="date"
          required
          value={dueOn}
          onChange={setDueOn}
          error={err('dueOn')}
        />
        <SelectField
          label="For case"
          name="caseId"
          value={caseId}
          onChange={setCaseId}
          placeholder="No case"
          options={team.cases
            .filter((c) => c.status !== 'closed')
            .map((c) => ({ value: c.id, label: c.student.name }))}
          error={err('caseId')}
        />
      </div>
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          Add action item
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
