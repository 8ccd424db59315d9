import { useState } from 'react';
import {
  MEDIATION_OUTCOMES,
  MEDIATION_OUTCOME_LABELS,
  type Mediation,
  type MediationOutcome,
  type PartyBody,
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

type Party =
  { kind: 'student'; student: PickedStudent | null } | { kind: 'other'; name: string; relation: string };

function partiesOf(m: Mediation | undefined): Party[] {
  if (!m)
    return [
      { kind: 'student', student: null },
      { kind: 'student', student: null },
    ];
  return m.parties.map((p) =>
    p.kind === 'student' && p.studentId
      ? {
          kind: 'student' as const,
          student: {
            id: p.studentId,
            name: p.name,
            grade: p.grade ?? 0,
            studentNumber: '',
            schoolId: m.schoolId,
          },
        }
      : { kind: 'other' as const, name: p.name, relation: p.relation ?? '' },
  );
}

function Fields({
  mediation,
  onDone,
  onCancel,
}: {
  mediation?: Mediation;
  onDone: (m: Mediation) => void;
  onCancel: () => void;
}) {
  const schools = useSchoolsWhere('support.log');
  const { selectedSchoolId } = useSession();
  const [schoolId, setSchoolId] = useState(
    mediation?.schoolId ??
      schools.find((s) => s.value === selectedSchoolId)?.value ??
      schools[0]?.value ??
      '',
  );
  const [parties, setParties] = useState<Party[]>(() => partiesOf(mediation));
  const [occurredAt, setOccurredAt] = useState(toLocalInput(mediation?.occurredAt) || nowLocalInput());
  const [duration, setDuration] = useState(String(mediation?.durationMinutes ?? 30));
  const [outcome, setOutcome] = useState<string>(mediation?.outcome ?? '');
  const [followUpOn, setFollowUpOn] = useState(mediation?.followUpOn ?? '');
  const [note, setNote] = useState(mediation?.note ?? '');
  const save = useAction(async () => {
    const bodyParties: PartyBody[] = parties.map((p, i) => {
      if (p.kind === 'other')
        return { kind: 'other', name: p.name.trim(), relation: p.relation.trim() || null };
      if (!p.student) throw new Error(`Party ${i + 1}: choose the student or make it another person.`);
      return { kind: 'student', studentId: p.student.id };
    });
    const body = {
      occurredAt: fromLocalInput(occurredAt) ?? occurredAt,
      durationMinutes: Number(duration),
      parties: bodyParties,
      outcome: outcome as MediationOutcome,
      followUpOn: followUpOn || null,
      note: note.trim() || null,
    };
    onDone(
      mediation
        ? await api.patch<Mediation>(`/mentoring/mediations/${mediation.id}`, body)
        : await api.post<Mediation>('/mentoring/mediations', { ...body, schoolId }),
    );
  });
  const err = (f: string) => fieldError(save.error, f);
  const setParty = (i: number, p: Party) => setParties((all) => all.map((x, j) => (j === i ? p : x)));

  return (
    <Form
      onSubmit={() => void save.run()}
      error={save.error}
      aria-label={mediation ? 'Edit mediation' : 'Record a mediation'}
    >
      {!mediation && schools.length > 1 && (
        <SelectField
          label="School"
          name="schoolId"
          value={schoolId}
          onChange={(v) => {
            setSchoolId(v);
            setParties(partiesOf(undefined));
          }}
          options={schools}
        />
      )}
      <fieldset className="fieldset stack">
        <legend>Parties</legend>
        {err('parties') && <p className="field-error">{err('parties')}</p>}
        {parties.map((p, i) => (
          <div key={i} className="repeat-card stack" role="group" aria-label={`Party ${i + 1}`}>
            <div className="row-between">
              <SelectField
                label={`Party ${i + 1} is`}
                value={p.kind}
                onChange={(v) =>
                  setParty(
                    i,
                    v === 'student'
                      ? { kind: 'student', student: null }
                      : { kind: 'other', name: '', relation: '' },
                  )
                }
                options={[
                  { value: 'student', label: 'A student' },
                  { value: 'other', label: 'Another person' },
                ]}
              />
              {parties.length > 2 && (
                <Button
                  size="small"
                  variant="ghost"
                  onClick={() => setParties((all) => all.filter((_, j) => j !== i))}
                >
                  Remove party {i + 1}
                </Button>
              )}
            </div>
            {p.kind === 'student' ? (
              <StudentSearch
                label={`Student (party ${i + 1})`}
                lookup="mentoring"
                schoolId={schoolId}
                name={i === 0 ? 'parties' : `party-${i}`}
                value={p.student}
                onChange={(s) => setParty(i, { kind: 'student', student: s })}
              />
            ) : (
              <div className="form-grid">
                <TextField
                  label={`Name (party ${i + 1})`}
                  required
                  maxLength={120}
                  value={p.name}
                  onChange={(v) => setParty(i, { ...p, name: v })}
                />
                <TextField
                  label={`Relation (party ${i + 1})`}
                  maxLength={80}
                  value={p.relation}
                  onChange={(v) => setParty(i, { ...p, relation: v })}
                  hint="e.g. parent, staff member"
                />
              </div>
            )}
          </div>
        ))}
        {parties.length < 12 && (
          <Button
            size="small"
            onClick={() => setParties((all) => [...all, { kind: 'student', student: null }])}
          >
            Add a party
          </Button>
        )}
      </fieldset>
      <div className="form-grid">
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
        <SelectField
          label="Outcome"
          name="outcome"
          required
          value={outcome}
          onChange={setOutcome}
          placeholder="Choose the outcome"
          options={MEDIATION_OUTCOMES.map((o) => ({ value: o, label: MEDIATION_OUTCOME_LABELS[o] }))}
          error={err('outcome')}
        />
        <TextField
          label="Follow up on"
          name="followUpOn"
          type="date"
          value={followUpOn}
          onChange={setFollowUpOn}
          error={err('followUpOn')}
        />
      </div>
      <TextAreaField
        label="Private note"
        name="note"
        maxLength={4000}
        value={note}
        onChange={setNote}
        hint="Only you can read it."
        error={err('note')}
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          Save mediation
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}

/** Records a conflict mediation; editing loads it first (its private note is the author's only). */
export function MediationForm({
  mediationId,
  onDone,
  onCancel,
}: {
  mediationId?: string;
  onDone: (m: Mediation) => void;
  onCancel: () => void;
}) {
  const detail = useApiData<Mediation>(mediationId ? `/mentoring/mediations/${mediationId}` : null);
  if (!mediationId) return <Fields onDone={onDone} onCancel={onCancel} />;
  return (
    <LoadState resource={detail} label="Loading the mediation…">
      {(m) => <Fields mediation={m} onDone={onDone} onCancel={onCancel} />}
    </LoadState>
  );
}
