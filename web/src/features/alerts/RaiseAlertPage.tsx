import { useId, useState } from 'react';
import {
  DEFAULT_STRATEGY,
  HAZARD_LABELS,
  SHELTER_HAZARDS,
  SHELTER_STRATEGIES,
  SRP,
  SRP_ACTIONS,
  STRATEGY_LABELS,
} from '@common/srp.ts';
import type { Alert, RaiseAlertBody, ShelterHazard, ShelterStrategy, SrpAction } from '@common/alerts.ts';
import { Button } from '../../components/Button.tsx';
import { CheckboxField, SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, useAction, useApiData } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';
import { CancelWindow } from './CancelWindow.tsx';
import { actionName, schoolsWhere, srpClass } from './srp.ts';
import { SrpIcon } from './SrpIcon.tsx';

/** The five actions as large radio tiles in their SRP colours. */
function ActionChoice({
  value,
  onChange,
  error,
}: {
  value: SrpAction | '';
  onChange: (a: SrpAction) => void;
  error?: string;
}) {
  const name = useId();
  return (
    <fieldset className="fieldset" aria-describedby={error ? `${name}-error` : undefined}>
      <legend>Action</legend>
      <div className="srp-choices">
        {SRP_ACTIONS.map((action) => (
          <div key={action} className={`srp-choice ${srpClass(action)}`}>
            <input
              id={`${name}-${action}`}
              type="radio"
              name="action"
              value={action}
              required
              checked={value === action}
              onChange={() => onChange(action)}
            />
            <label htmlFor={`${name}-${action}`}>
              <strong>
                <SrpIcon action={action} /> {SRP[action].term}
              </strong>
              <span>{SRP[action].directive}</span>
            </label>
          </div>
        ))}
      </div>
      {error && (
        <p id={`${name}-error`} className="field-error">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** Drill or real emergency: no default, so nobody raises a real alert by leaving a box as it was. */
function ModeChoice({
  value,
  onChange,
}: {
  value: 'drill' | 'real' | '';
  onChange: (v: 'drill' | 'real') => void;
}) {
  return (
    <fieldset className="fieldset">
      <legend>Drill or real?</legend>
      <div className="mode-choices">
        <label className="mode-choice">
          <input
            type="radio"
            name="drill"
            required
            checked={value === 'drill'}
            onChange={() => onChange('drill')}
          />
          Drill
        </label>
        <label className="mode-choice">
          <input type="radio" name="drill" checked={value === 'real'} onChange={() => onChange('real')} />
          Real emergency
        </label>
      </div>
    </fieldset>
  );
}

/** The raise form: action, drill or real, school(s), location or hazard and strategy, details. */
function RaiseForm({ onRaised }: { onRaised: (alert: Alert) => void }) {
  const { session, schools, selectedSchoolId } = useSession();
  const raiseSchools = schoolsWhere(session, schools, 'alert.raise');
  const manageSchools = schoolsWhere(session, schools, 'alert.manage');
  const several = manageSchools.length > 1;
  const first = raiseSchools.find((s) => s.id === selectedSchoolId) ?? raiseSchools[0];
  const [action, setAction] = useState<SrpAction | ''>('');
  const [mode, setMode] = useState<'drill' | 'real' | ''>('');
  const [schoolIds, setSchoolIds] = useState<string[]>(first ? [first.id] : []);
  const [location, setLocation] = useState('');
  const [hazard, setHazard] = useState<ShelterHazard | ''>('');
  const [strategy, setStrategy] = useState<ShelterStrategy | ''>('');
  const [details, setDetails] = useState('');
  const areas = useApiData<{ items: { id: string; name: string; active: boolean }[] }>(
    action === 'evacuate' && schoolIds[0] ? `/schools/${schoolIds[0]}/areas` : null,
  );
  const listId = useId();

  const raise = useAction(async () => {
    if (schoolIds.length === 0) throw new Error('Choose at least one school.');
    const body: RaiseAlertBody = {
      action: action as SrpAction,
      drill: mode === 'drill',
      schoolIds,
      ...(action === 'evacuate' ? { location: location.trim() } : {}),
      ...(action === 'shelter' ? { hazard: hazard as ShelterHazard, ...(strategy ? { strategy } : {}) } : {}),
      ...(details.trim() ? { details: details.trim() } : {}),
    };
    onRaised(await api.post<Alert>('/alerts', body));
  });

  const toggleSchool = (id: string, on: boolean) =>
    setSchoolIds((prev) => (on ? [...new Set([...prev, id])] : prev.filter((s) => s !== id)));

  return (
    <Form onSubmit={() => void raise.run()} error={raise.error} aria-label="Raise an alert">
      <ActionChoice value={action} onChange={setAction} error={fieldError(raise.error, 'action')} />
      <ModeChoice value={mode} onChange={setMode} />
      {several ? (
        <fieldset className="fieldset">
          <legend>Schools</legend>
          <p className="field-hint">You may raise one alert for several of your schools.</p>
          {manageSchools.map((s) => (
            <CheckboxField
              key={s.id}
              label={s.name}
              checked={schoolIds.includes(s.id)}
              onChange={(on) => toggleSchool(s.id, on)}
            />
          ))}
          <div className="row">
            <Button size="small" onClick={() => setSchoolIds(manageSchools.map((s) => s.id))}>
              All {manageSchools.length} schools
            </Button>
          </div>
          {fieldError(raise.error, 'schoolIds') && (
            <p className="field-error">{fieldError(raise.error, 'schoolIds')}</p>
          )}
        </fieldset>
      ) : raiseSchools.length > 1 ? (
        <SelectField
          label="School"
          name="schoolIds"
          value={schoolIds[0] ?? ''}
          onChange={(id) => setSchoolIds([id])}
          options={raiseSchools.map((s) => ({ value: s.id, label: s.name }))}
          required
          error={fieldError(raise.error, 'schoolIds')}
        />
      ) : (
        <p>
          <strong>School:</strong> {first?.name}
        </p>
      )}
      {action === 'evacuate' && (
        <>
          <TextField
            label="Evacuate to"
            name="location"
            value={location}
            onChange={setLocation}
            list={listId}
            autoComplete="off"
            required
            maxLength={200}
            placeholder="Football field, north parking lot…"
            error={fieldError(raise.error, 'location')}
          />
          <datalist id={listId}>
            {areas.data?.items
              .filter((a) => a.active)
              .map((a) => (
                <option key={a.id} value={a.name} />
              ))}
          </datalist>
        </>
      )}
      {action === 'shelter' && (
        <div className="form-grid">
          <SelectField
            label="Hazard"
            name="hazard"
            value={hazard}
            onChange={(h) => {
              setHazard(h as ShelterHazard);
              if (h) setStrategy(DEFAULT_STRATEGY[h as ShelterHazard]);
            }}
            options={SHELTER_HAZARDS.map((h) => ({ value: h, label: HAZARD_LABELS[h] }))}
            placeholder="Choose the hazard…"
            required
            error={fieldError(raise.error, 'hazard')}
          />
          <SelectField
            label="Safety strategy"
            name="strategy"
            value={strategy}
            onChange={(v) => setStrategy(v as ShelterStrategy)}
            options={SHELTER_STRATEGIES.map((v) => ({ value: v, label: STRATEGY_LABELS[v] }))}
            placeholder="Default for the hazard"
            error={fieldError(raise.error, 'strategy')}
          />
        </div>
      )}
      <TextAreaField
        label="Details (optional)"
        name="details"
        value={details}
        onChange={setDetails}
        maxLength={1000}
        rows={2}
        hint="Shown under the directive on every screen, e.g. “Intruder reported near the gym”."
        error={fieldError(raise.error, 'details')}
      />
      <FormActions>
        <Button type="submit" variant="danger" busy={raise.busy} className="checkin-submit">
          {action ? `Raise ${actionName(action).toUpperCase()}` : 'Raise the alert'}
          {mode === 'drill' ? ' (drill)' : mode === 'real' ? ' (REAL)' : ''}
        </Button>
      </FormActions>
    </Form>
  );
}

/** Raise an SRP alert, then a large Cancel button for the cancel window. */
export function RaiseAlertPage() {
  const { session, schools } = useSession();
  const [raised, setRaised] = useState<Alert | null>(null);
  const canRaiseSomewhere = schoolsWhere(session, schools, 'alert.raise').length > 0;
  return (
    <Page
      title="Raise an alert"
      description="Every staff member of the school gets it full screen once the cancel window has passed."
      breadcrumbs={[{ label: 'Alerts', to: '/alerts' }]}
    >
      <div className="card narrow-card">
        {!canRaiseSomewhere ? (
          <EmptyState title="You are not assigned to a school.">
            Alerts are raised for your own schools.
          </EmptyState>
        ) : raised ? (
          <CancelWindow key={raised.id} initial={raised} onRaiseAnother={() => setRaised(null)} />
        ) : (
          <RaiseForm onRaised={setRaised} />
        )}
      </div>
    </Page>
  );
}
