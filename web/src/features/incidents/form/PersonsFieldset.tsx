import { LABELS, PERSON_KINDS, PERSON_ROLES, type PersonKind, type PersonRole } from '@common/incidents.ts';
import { Button } from '../../../components/Button.tsx';
import { CheckboxField, SelectField, TextField } from '../../../components/Field.tsx';
import { NotSaved } from './NotSaved.tsx';
import { newKey, personName, type ActionDraft, type PersonDraft } from './draft.ts';
import { StudentPicker } from './StudentPicker.tsx';

interface Props {
  schoolId: string;
  persons: PersonDraft[];
  actions: ActionDraft[];
  onChange: (persons: PersonDraft[], actions: ActionDraft[]) => void;
  errorOf: (field: string) => string | undefined;
  /** Reasons rows are not on the server, by row key. */
  notSaved?: ReadonlyMap<string, string>;
  disabled?: boolean;
}

/** The persons involved: kind, role, the roster student or a name, juvenile flag, contact. */
export function PersonsFieldset({ schoolId, persons, actions, onChange, errorOf, notSaved, disabled }: Props) {
  const set = (i: number, patch: Partial<PersonDraft>) =>
    onChange(
      persons.map((p, j) => (j === i ? { ...p, ...patch } : p)),
      actions,
    );
  const remove = (i: number) => {
    const key = persons[i]?.key;
    onChange(
      persons.filter((_, j) => j !== i),
      actions.filter((a) => a.personKey !== key),
    );
  };
  const add = () =>
    onChange(
      [
        ...persons,
        {
          key: newKey('person'),
          kind: 'student',
          role: 'suspect',
          studentId: '',
          studentLabel: '',
          firstName: '',
          lastName: '',
          juvenile: false,
          phone: '',
          description: '',
        },
      ],
      actions,
    );

  return (
    <fieldset className="fieldset" disabled={disabled}>
      <legend>Persons involved</legend>
      {persons.length === 0 && <p className="muted">No person yet.</p>}
      {persons.map((p, i) => (
        <div key={p.key} className="repeat-card">
          <div className="repeat-head">
            <h3>{personName(p, i)}</h3>
            <Button
              size="small"
              variant="ghost"
              onClick={() => remove(i)}
              aria-label={`Remove ${personName(p, i)}`}
            >
              Remove
            </Button>
          </div>
          <NotSaved reason={notSaved?.get(p.key)} />
          <div className="form-grid">
            <SelectField
              label="Kind"
              name={`persons.${i}.kind`}
              value={p.kind}
              onChange={(v) => set(i, { kind: v as PersonKind })}
              options={PERSON_KINDS.map((k) => ({ value: k, label: LABELS.personKind[k] }))}
              error={errorOf(`persons.${i}.kind`)}
            />
            <SelectField
              label="Role"
              name={`persons.${i}.role`}
              value={p.role}
              onChange={(v) => set(i, { role: v as PersonRole })}
              options={PERSON_ROLES.map((r) => ({ value: r, label: LABELS.personRole[r] }))}
              error={errorOf(`persons.${i}.role`)}
            />
          </div>
          {p.kind === 'student' ? (
            <StudentPicker
              schoolId={schoolId}
              value={p.studentId}
              label={p.studentLabel}
              onChange={(studentId, studentLabel) => set(i, { studentId, studentLabel })}
              name={`persons.${i}.studentId`}
              error={errorOf(`persons.${i}.studentId`)}
            />
          ) : (
            <>
              <div className="form-grid">
                <TextField
                  label="First name"
                  name={`persons.${i}.firstName`}
                  autoComplete="off"
                  value={p.firstName}
                  onChange={(firstName) => set(i, { firstName })}
                  error={errorOf(`persons.${i}.firstName`)}
                />
                <TextField
                  label="Last name"
                  name={`persons.${i}.lastName`}
                  autoComplete="off"
                  value={p.lastName}
                  onChange={(lastName) => set(i, { lastName })}
                  error={errorOf(`persons.${i}.lastName`)}
                />
              </div>
              <CheckboxField
                label="Juvenile (under 18)"
                hint="Juvenile records are shown only to roles allowed to see them."
                checked={p.juvenile}
                onChange={(juvenile) => set(i, { juvenile })}
              />
            </>
          )}
          <div className="form-grid">
            <TextField
              label="Phone"
              type="tel"
              name={`persons.${i}.phone`}
              autoComplete="off"
              value={p.phone}
              onChange={(phone) => set(i, { phone })}
              error={errorOf(`persons.${i}.phone`)}
            />
            <TextField
              label="Description"
              name={`persons.${i}.description`}
              value={p.description}
              onChange={(description) => set(i, { description })}
              error={errorOf(`persons.${i}.description`)}
            />
          </div>
        </div>
      ))}
      <div className="form-actions mt-sm">
        <Button size="small" onClick={add}>
          Add person
        </Button>
        {errorOf('persons') && <p className="field-error">{errorOf('persons')}</p>}
      </div>
    </fieldset>
  );
}
