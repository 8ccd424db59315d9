import { useState } from 'react';
import {
  CONTACT_KINDS,
  CONTACT_KIND_LABELS,
  MENTORING_TOPICS,
  MENTORING_TOPIC_LABELS,
  type Contact,
  type ContactKind,
  type MentoringTopic,
} from '@common/mentoring.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, useAction, useApiData } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';
import { useSchoolsWhere } from '../education/RequestForm.tsx';
import { fromLocalInput, nowLocalInput, toLocalInput } from '../incidents/labels.ts';
import { StudentSearch, type PickedStudent } from './StudentSearch.tsx';

function Fields({
  contact,
  onDone,
  onCancel,
}: {
  contact?: Contact;
  onDone: (c: Contact) => void;
  onCancel: () => void;
}) {
  const schools = useSchoolsWhere('support.log');
  const { selectedSchoolId } = useSession();
  const [schoolId, setSchoolId] = useState(
    schools.find((s) => s.value === selectedSchoolId)?.value ?? schools[0]?.value ?? '',
  );
  const [student, setStudent] = useState<PickedStudent | null>(null);
  const [kind, setKind] = useState<ContactKind>(contact?.kind ?? 'mentoring');
  const [occurredAt, setOccurredAt] = useState(toLocalInput(contact?.occurredAt) || nowLocalInput());
  const [duration, setDuration] = useState(String(contact?.durationMinutes ?? 15));
  const [topic, setTopic] = useState(contact?.topic ?? '');
  const [note, setNote] = useState(contact?.note ?? '');
  const save = useAction(async () => {
    const body = {
      kind,
      occurredAt: fromLocalInput(occurredAt) ?? occurredAt,
      durationMinutes: Number(duration),
      topic: topic as MentoringTopic,
      note: note.trim() || null,
    };
    if (contact) return onDone(await api.patch<Contact>(`/mentoring/contacts/${contact.id}`, body));
    if (!student) throw new Error('Choose the student.');
    onDone(await api.post<Contact>('/mentoring/contacts', { ...body, studentId: student.id }));
  });
  const err = (f: string) => fieldError(save.error, f);

  return (
    <Form
      onSubmit={() => void save.run()}
      error={save.error}
      aria-label={contact ? 'Edit contact' : 'Record a contact'}
    >
      {contact ? (
        <p>
          <strong>{contact.student.name}</strong> <span className="muted">· {contact.schoolName}</span>
        </p>
      ) : (
        <div className="form-grid">
          {schools.length > 1 && (
            <SelectField
              label="School"
              value={schoolId}
              onChange={(v) => {
                setSchoolId(v);
                setStudent(null);
              }}
              options={schools}
            />
          )}
          <StudentSearch
            lookup="mentoring"
            schoolId={schoolId}
            value={student}
            onChange={setStudent}
            error={err('studentId')}
          />
        </div>
      )}
      <div className="form-grid">
        <SelectField
          label="Kind"
          name="kind"
          value={kind}
          onChange={(v) => setKind(v as ContactKind)}
          options={CONTACT_KINDS.map((k) => ({ value: k, label: CONTACT_KIND_LABELS[k] }))}
          error={err('kind')}
        />
        <SelectField
          label="Topic"
          name="topic"
          required
          value={topic}
          onChange={setTopic}
          placeholder="Choose a topic"
          options={MENTORING_TOPICS.map((t) => ({ value: t, label: MENTORING_TOPIC_LABELS[t] }))}
          error={err('topic')}
        />
        <TextField
          label="When"
          name="occurredAt"
          type="datetime-local"
          required
          max={nowLocalInput()}
          value={occurredAt}
          onChange={setOccurredAt}
          error={err('occurredAt')}
        />
        <TextField
          label="Duration (minutes)"
          name="durationMinutes"
          type="number"
          inputMode="numeric"
          min={1}
          max={1440}
          required
          value={duration}
          onChange={setDuration}
          error={err('durationMinutes')}
        />
      </div>
      <TextAreaField
        label="Private note"
        name="note"
        maxLength={4000}
        value={note}
        onChange={setNote}
        hint="Only you can read it. Others with access see that the contact happened, never the note."
        error={err('note')}
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          Save contact
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}

/** Records a mentoring or informal counseling contact; editing loads the contact first (its note is mine only). */
export function ContactForm({
  contactId,
  onDone,
  onCancel,
}: {
  contactId?: string;
  onDone: (c: Contact) => void;
  onCancel: () => void;
}) {
  const detail = useApiData<Contact>(contactId ? `/mentoring/contacts/${contactId}` : null);
  if (!contactId) return <Fields onDone={onDone} onCancel={onCancel} />;
  return (
    <LoadState resource={detail} label="Loading the contact…">
      {(c) => <Fields contact={c} onDone={onDone} onCancel={onCancel} />}
    </LoadState>
  );
}
