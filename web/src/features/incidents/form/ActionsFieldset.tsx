import { ACTION_KINDS, LABELS, PERSON_ACTIONS, type ActionKind } from '@common/incidents.ts';
import { Button } from '../../../components/Button.tsx';
import { SelectField, TextField } from '../../../components/Field.tsx';
import { NotSaved } from './NotSaved.tsx';
import { newKey, personName, type ActionDraft, type PersonDraft } from './draft.ts';

interface Props {
  persons: PersonDraft[];
  actions: ActionDraft[];
  onChange: (actions: ActionDraft[]) => void;
  errorOf: (field: string) => string | undefined;
  /** Reasons rows are not on the server, by row key. */
  notSaved?: ReadonlyMap<string, string>;
  disabled?: boolean;
}

/** What was done, per person: arrest (which implies a referral), citation, referrals, warning, no action. */
export function ActionsFieldset({ persons, actions, onChange, errorOf, notSaved, disabled }: Props) {
  const set = (i: number, patch: Partial<ActionDraft>) =>
    onChange(actions.map((a, j) => (j === i ? { ...a, ...patch } : a)));
  const personOptions = persons.map((p, i) => ({ value: p.key, label: personName(p, i) }));
  return (
    <fieldset className="fieldset" disabled={disabled}>
      <legend>Actions taken</legend>
      <p className="field-hint">
        An arrest also counts as a referral to law enforcement. Arrests and referrals of students are counted
        and logged. Referring to administration hands the matter to the school; SRO Desk keeps no discipline
        record.
      </p>
      {actions.map((a, i) => {
        const needsPerson = PERSON_ACTIONS.includes(a.kind);
        return (
          <div key={a.key} className="repeat-card">
            <div className="repeat-head">
              <h3>Action {i + 1}</h3>
              <Button
                size="small"
                variant="ghost"
                onClick={() => onChange(actions.filter((_, j) => j !== i))}
              >
                Remove action {i + 1}
              </Button>
            </div>
            <NotSaved reason={notSaved?.get(a.key)} />
            <div className="form-grid">
              <SelectField
                label="Action"
                name={`actions.${i}.kind`}
                value={a.kind}
                onChange={(v) => set(i, { kind: v as ActionKind })}
                options={ACTION_KINDS.map((k) => ({ value: k, label: LABELS.action[k] }))}
                error={errorOf(`actions.${i}.kind`)}
              />
              <SelectField
                label="Person"
                name={`actions.${i}.person`}
                required={needsPerson}
                value={a.personKey}
                onChange={(personKey) => set(i, { personKey })}
                options={personOptions}
                placeholder={needsPerson ? 'Choose a person…' : 'Nobody in particular'}
                hint={needsPerson && persons.length === 0 ? 'Add the person first.' : undefined}
                error={errorOf(`actions.${i}.person`)}
              />
              <TextField
                label="Note"
                name={`actions.${i}.note`}
                value={a.note}
                onChange={(note) => set(i, { note })}
                error={errorOf(`actions.${i}.note`)}
              />
            </div>
          </div>
        );
      })}
      <div className="form-actions mt-sm">
        <Button
          size="small"
          onClick={() =>
            onChange([
              ...actions,
              { key: newKey('action'), personKey: persons[0]?.key ?? '', kind: 'warning', note: '' },
            ])
          }
        >
          Add action
        </Button>
      </div>
    </fieldset>
  );
}
