import { BIAS_MOTIVATION, CRIMINAL_ACTIVITY, OFFENDER_USING } from '@common/nibrs-codes.ts';
import {
  LABELS,
  SCHOOL_SAFETY_CATEGORIES,
  type Reference,
  type SchoolSafetyCategory,
} from '@common/incidents.ts';
import { Button } from '../../../components/Button.tsx';
import { CheckboxField, SelectField } from '../../../components/Field.tsx';
import { NotSaved } from './NotSaved.tsx';
import { newKey, type OffenseDraft } from './draft.ts';
import { NibrsPicker } from './NibrsPicker.tsx';

interface Props {
  offenses: OffenseDraft[];
  onChange: (offenses: OffenseDraft[]) => void;
  reference: Reference | undefined;
  errorOf: (field: string) => string | undefined;
  /** Reasons rows are not on the server, by row key. */
  notSaved?: ReadonlyMap<string, string>;
  disabled?: boolean;
}

const MAX_OFFENSES = 10;

/** The offenses of a report: each a NIBRS code or a school-safety category, with weapon/force where required. */
export function OffensesFieldset({ offenses, onChange, reference, errorOf, notSaved, disabled }: Props) {
  const set = (i: number, patch: Partial<OffenseDraft>) =>
    onChange(offenses.map((o, j) => (j === i ? { ...o, ...patch } : o)));
  const weaponOptions = (reference?.weaponForce ?? []).map((w) => ({
    value: w.code,
    label: `${w.code} ${w.name}`,
  }));

  return (
    <fieldset className="fieldset" disabled={disabled}>
      <legend>Offenses</legend>
      {offenses.length === 0 && <p className="muted">No offense yet. Add what happened.</p>}
      {offenses.map((o, i) => {
        const nibrs = reference?.offenses.find((r) => r.code === o.code);
        const weaponRequired = o.kind === 'nibrs' && Boolean(nibrs?.weaponRequired);
        const showWeapon =
          weaponRequired || o.weaponForce.length > 0 || (o.kind === 'school' && o.category === 'weapon');
        const remaining = weaponOptions.filter((w) => !o.weaponForce.includes(w.value));
        return (
          <div key={o.key} className="repeat-card">
            <div className="repeat-head">
              <h3>Offense {i + 1}</h3>
              <Button
                size="small"
                variant="ghost"
                onClick={() => onChange(offenses.filter((_, j) => j !== i))}
              >
                Remove offense {i + 1}
              </Button>
            </div>
            <NotSaved reason={notSaved?.get(o.key)} />
            <fieldset className="radio-row">
              <legend className="visually-hidden">Kind of offense {i + 1}</legend>
              <label>
                <input
                  type="radio"
                  name={`offense-kind-${o.key}`}
                  checked={o.kind === 'nibrs'}
                  onChange={() => set(i, { kind: 'nibrs' })}
                />
                NIBRS code
              </label>
              <label>
                <input
                  type="radio"
                  name={`offense-kind-${o.key}`}
                  checked={o.kind === 'school'}
                  onChange={() => set(i, { kind: 'school', category: o.category || 'fight' })}
                />
                School-safety category
              </label>
            </fieldset>
            <div className="form-grid">
              {o.kind === 'nibrs' ? (
                <NibrsPicker
                  offenses={reference?.offenses ?? []}
                  value={o.code}
                  onChange={(code) => set(i, { code })}
                  name={`offenses.${i}.code`}
                  error={errorOf(`offenses.${i}.code`)}
                />
              ) : (
                <SelectField
                  label="Category"
                  name={`offenses.${i}.category`}
                  value={o.category}
                  onChange={(v) => set(i, { category: v as SchoolSafetyCategory })}
                  options={SCHOOL_SAFETY_CATEGORIES.map((c) => ({ value: c, label: LABELS.category[c] }))}
                  error={errorOf(`offenses.${i}.category`)}
                />
              )}
              {showWeapon && (
                <div className="field">
                  <SelectField
                    label={weaponRequired ? 'Weapon or force (required)' : 'Weapon or force'}
                    name={`offenses.${i}.weaponForce`}
                    value=""
                    onChange={(v) => v && set(i, { weaponForce: [...o.weaponForce, v].slice(0, 3) })}
                    options={remaining}
                    placeholder={o.weaponForce.length >= 3 ? 'Three chosen (the most NIBRS takes)' : 'Add…'}
                    disabled={o.weaponForce.length >= 3}
                    error={errorOf(`offenses.${i}.weaponForce`)}
                  />
                  {o.weaponForce.length > 0 && (
                    <ul className="chip-list" aria-label={`Weapons or force of offense ${i + 1}`}>
                      {o.weaponForce.map((w) => (
                        <li key={w} className="chip">
                          {weaponOptions.find((x) => x.value === w)?.label ?? w}{' '}
                          <button
                            type="button"
                            className="icon-button"
                            aria-label={`Remove ${w}`}
                            onClick={() => set(i, { weaponForce: o.weaponForce.filter((x) => x !== w) })}
                          >
                            <span aria-hidden="true">×</span>
                          </button>
                        </li>
                      ))}
                    </ul>
                  )}
                </div>
              )}
            </div>
            {o.kind === 'nibrs' && (
              <div className="form-grid">
                <SelectField
                  label="Offender suspected of using"
                  name={`offenses.${i}.offenderUsing`}
                  value={o.offenderUsing}
                  onChange={(v) => set(i, { offenderUsing: v })}
                  options={OFFENDER_USING.map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }))}
                  placeholder="Choose…"
                  error={errorOf(`offenses.${i}.offenderUsing`)}
                />
                <SelectField
                  label="Bias motivation"
                  name={`offenses.${i}.bias`}
                  value={o.bias}
                  onChange={(v) => set(i, { bias: v })}
                  options={BIAS_MOTIVATION.map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }))}
                  placeholder="Choose…"
                  error={errorOf(`offenses.${i}.bias`)}
                />
                <SelectField
                  label="Criminal activity / gang"
                  name={`offenses.${i}.criminalActivity`}
                  value={o.criminalActivity}
                  onChange={(v) => set(i, { criminalActivity: v })}
                  options={CRIMINAL_ACTIVITY.map((c) => ({ value: c.code, label: `${c.code} ${c.name}` }))}
                  placeholder="None"
                  error={errorOf(`offenses.${i}.criminalActivity`)}
                />
              </div>
            )}
            <CheckboxField
              label="Attempted, not completed"
              checked={o.attempted}
              onChange={(attempted) => set(i, { attempted })}
            />
          </div>
        );
      })}
      <div className="form-actions mt-sm">
        <Button
          size="small"
          disabled={offenses.length >= MAX_OFFENSES}
          onClick={() =>
            onChange([
              ...offenses,
              {
                key: newKey('offense'),
                kind: 'nibrs',
                code: '',
                category: '',
                attempted: false,
                weaponForce: [],
                offenderUsing: 'N',
                bias: '88',
                criminalActivity: '',
              },
            ])
          }
        >
          Add offense
        </Button>
        {errorOf('offenses') && <p className="field-error">{errorOf('offenses')}</p>}
      </div>
    </fieldset>
  );
}
