import { useId, useState } from 'react';
import { ID_TYPES } from '@common/srp.ts';
import type { ReunificationRequest, ReunificationRequestBody, ReunificationStudent } from '@common/alerts.ts';
import { Badge } from '../../../components/Badge.tsx';
import { Button } from '../../../components/Button.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../../components/Field.tsx';
import { Form, FormActions } from '../../../components/Form.tsx';
import { Spinner } from '../../../components/Spinner.tsx';
import { api } from '../../../lib/api.ts';
import { gradeLabel } from '../../../lib/format.ts';
import { fieldError, useAction, useApiData, useDebounced } from '../../../lib/hooks.ts';

export const ID_TYPE_LABELS: Record<(typeof ID_TYPES)[number], string> = {
  drivers_license: "Driver's license",
  state_id: 'State ID card',
  passport: 'Passport',
  military_id: 'Military ID',
  other: 'Other photo ID',
};

const NOT_ON_ROSTER = 'none';

/** Finds a student of the event's school by name or number. */
function StudentSearch({
  reunificationId,
  onPick,
}: {
  reunificationId: string;
  onPick: (s: ReunificationStudent) => void;
}) {
  const [q, setQ] = useState('');
  const query = useDebounced(q.trim(), 250);
  const results = useApiData<{ items: ReunificationStudent[] }>(
    query.length >= 2 ? `/reunifications/${reunificationId}/students` : null,
    { q: query },
  );
  const resultsId = useId();
  return (
    <div className="stack">
      <TextField
        label="Student"
        type="search"
        value={q}
        onChange={setQ}
        placeholder="Name or student number"
        hint="Type at least two letters."
        autoComplete="off"
        aria-controls={resultsId}
      />
      <div id={resultsId} aria-live="polite">
        {results.loading && <Spinner label="Searching…" />}
        {results.data &&
          (results.data.items.length === 0 ? (
            <p className="muted">No student of this school matches “{query}”.</p>
          ) : (
            <ul className="list-rows" aria-label="Matching students">
              {results.data.items.map((s) => (
                <li key={s.id}>
                  <span>
                    <strong>{s.name}</strong>{' '}
                    <span className="muted small">
                      #{s.studentNumber}, grade {gradeLabel(s.grade)}
                    </span>{' '}
                    {s.released && <Badge tone="success">Already released</Badge>}
                  </span>
                  <Button size="small" onClick={() => onPick(s)} aria-label={`Choose ${s.name}`}>
                    Choose
                  </Button>
                </li>
              ))}
            </ul>
          ))}
      </div>
    </div>
  );
}

/** The roster's guardians of the student: custody, pick-up permission and restrictions at a glance. */
export function CustodyList({ student }: { student: ReunificationStudent }) {
  if (student.guardians.length === 0) return <p className="muted">No guardian on the roster.</p>;
  return (
    <ul className="custody-list" aria-label={`Guardians of ${student.name} on the roster`}>
      {student.guardians.map((g) => (
        <li key={g.id}>
          <strong>{g.name}</strong> <span className="muted">({g.relationship})</span>
          {g.hasCustody ? <Badge tone="success">Custody</Badge> : <Badge>No custody</Badge>}
          {g.mayPickUp ? (
            <Badge tone="success">May pick up</Badge>
          ) : (
            <Badge tone="danger">May not pick up</Badge>
          )}
          {g.restrictions && <strong className="field-error">Restriction: {g.restrictions}</strong>}
        </li>
      ))}
    </ul>
  );
}

/**
 * The reunification card: the student, which roster guardian the adult is (or an adult not on the
 * roster), the name on the photo ID and the ID check. The server decides whether the adult may take
 * the student; a refusal comes back as a request with status `refused` and its reason.
 */
export function CardForm({
  reunificationId,
  onRecorded,
}: {
  reunificationId: string;
  onRecorded: (request: ReunificationRequest) => void;
}) {
  const [student, setStudent] = useState<ReunificationStudent | null>(null);
  const [guardianId, setGuardianId] = useState('');
  const [adultName, setAdultName] = useState('');
  const [idType, setIdType] = useState<(typeof ID_TYPES)[number] | ''>('');
  const [idChecked, setIdChecked] = useState(false);
  const [note, setNote] = useState('');

  const action = useAction(async () => {
    if (!student) throw new Error('Choose the student first.');
    const body: ReunificationRequestBody = {
      studentId: student.id,
      ...(guardianId && guardianId !== NOT_ON_ROSTER ? { guardianId } : {}),
      adultName: adultName.trim(),
      idType: idType as (typeof ID_TYPES)[number],
      idChecked,
      ...(note.trim() ? { note: note.trim() } : {}),
    };
    const request = await api.post<ReunificationRequest>(`/reunifications/${reunificationId}/requests`, body);
    onRecorded(request);
    setStudent(null);
    setGuardianId('');
    setAdultName('');
    setIdType('');
    setIdChecked(false);
    setNote('');
  });

  if (!student) return <StudentSearch reunificationId={reunificationId} onPick={setStudent} />;

  return (
    <Form onSubmit={() => void action.run()} error={action.error} aria-label="Reunification card">
      <div className="row-between">
        <p className="banner-title">
          {student.name}{' '}
          <span className="muted small">
            #{student.studentNumber}, grade {gradeLabel(student.grade)}
          </span>
        </p>
        <Button size="small" onClick={() => setStudent(null)}>
          Change student
        </Button>
      </div>
      <CustodyList student={student} />
      <fieldset className="fieldset">
        <legend>Who is picking up?</legend>
        {student.guardians.map((g) => (
          <label key={g.id} className="checkbox-field">
            <input
              type="radio"
              name="guardianId"
              value={g.id}
              required
              checked={guardianId === g.id}
              onChange={() => {
                setGuardianId(g.id);
                setAdultName(g.name);
              }}
            />
            <span>
              {g.name} ({g.relationship})
            </span>
          </label>
        ))}
        <label className="checkbox-field">
          <input
            type="radio"
            name="guardianId"
            value={NOT_ON_ROSTER}
            checked={guardianId === NOT_ON_ROSTER}
            onChange={() => {
              setGuardianId(NOT_ON_ROSTER);
              setAdultName('');
            }}
          />
          <span>An adult not on the roster</span>
        </label>
      </fieldset>
      <div className="form-grid">
        <TextField
          label="Name as on the photo ID"
          name="adultName"
          value={adultName}
          onChange={setAdultName}
          required
          maxLength={200}
          error={fieldError(action.error, 'adultName')}
        />
        <SelectField
          label="Photo ID"
          name="idType"
          value={idType}
          onChange={(v) => setIdType(v as (typeof ID_TYPES)[number])}
          options={ID_TYPES.map((t) => ({ value: t, label: ID_TYPE_LABELS[t] }))}
          placeholder="Choose…"
          required
          error={fieldError(action.error, 'idType')}
        />
      </div>
      <CheckboxField
        label="I compared the photo ID with the adult in front of me"
        name="idChecked"
        checked={idChecked}
        onChange={setIdChecked}
      />
      <TextAreaField
        label="Note (optional)"
        name="note"
        value={note}
        onChange={setNote}
        maxLength={1000}
        rows={2}
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={action.busy}>
          Record the card
        </Button>
      </FormActions>
    </Form>
  );
}
