import { useState } from 'react';
import {
  DEFAULT_STRATEGY,
  HAZARD_LABELS,
  SHELTER_HAZARDS,
  SHELTER_STRATEGIES,
  SRP,
  SRP_ACTIONS,
  STRATEGY_LABELS,
} from '@common/srp.ts';
import type { Alert, EscalateBody, ShelterHazard, ShelterStrategy, SrpAction } from '@common/alerts.ts';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { actionName } from './srp.ts';

/** All Clear: ends the alert on every screen; asks once more, since it cannot be undone. */
export function AllClearButton({ alert, onDone }: { alert: Alert; onDone: (alert: Alert) => void }) {
  const [open, setOpen] = useState(false);
  const [note, setNote] = useState('');
  const action = useAction(async () => {
    onDone(await api.post<Alert>(`/alerts/${alert.id}/all-clear`, note.trim() ? { note: note.trim() } : {}));
    setOpen(false);
  });
  return (
    <>
      <Button variant="primary" className="all-clear-button" onClick={() => setOpen(true)}>
        All Clear
      </Button>
      <Dialog open={open} title="Give the All Clear?" onClose={() => setOpen(false)}>
        <Form onSubmit={() => void action.run()} error={action.error}>
          <p>
            This ends the {alert.drill ? 'drill ' : ''}
            {actionName(alert.action).toLowerCase()} at {alert.schools.map((s) => s.name).join(', ')} and
            clears it from every screen.
          </p>
          <TextAreaField
            label="Note for the record (optional)"
            name="note"
            value={note}
            onChange={setNote}
            maxLength={1000}
          />
          <FormActions>
            <Button type="submit" variant="primary" busy={action.busy}>
              Confirm All Clear
            </Button>
            <Button onClick={() => setOpen(false)}>Keep the alert</Button>
          </FormActions>
        </Form>
      </Dialog>
    </>
  );
}

/** Changes the action of an alert in force (Secure → Lockdown, Lockdown → Evacuate…). */
export function EscalateButton({ alert, onDone }: { alert: Alert; onDone: (alert: Alert) => void }) {
  const [open, setOpen] = useState(false);
  const [next, setNext] = useState<SrpAction | ''>('');
  const [location, setLocation] = useState('');
  const [hazard, setHazard] = useState<ShelterHazard | ''>('');
  const [strategy, setStrategy] = useState<ShelterStrategy | ''>('');
  const [details, setDetails] = useState('');
  const action = useAction(async () => {
    const body: EscalateBody = {
      action: next as SrpAction,
      ...(next === 'evacuate' ? { location: location.trim() } : {}),
      ...(next === 'shelter' ? { hazard: hazard as ShelterHazard, ...(strategy ? { strategy } : {}) } : {}),
      ...(details.trim() ? { details: details.trim() } : {}),
    };
    onDone(await api.post<Alert>(`/alerts/${alert.id}/escalate`, body));
    setOpen(false);
  });
  return (
    <>
      <Button onClick={() => setOpen(true)}>Change action</Button>
      <Dialog open={open} title="Change the action" onClose={() => setOpen(false)}>
        <Form onSubmit={() => void action.run()} error={action.error}>
          <SelectField
            label="New action"
            name="action"
            value={next}
            onChange={(v) => setNext(v as SrpAction)}
            options={SRP_ACTIONS.filter((a) => a !== alert.action).map((a) => ({
              value: a,
              label: `${SRP[a].term}: ${SRP[a].directive}`,
            }))}
            placeholder="Choose…"
            required
            error={fieldError(action.error, 'action')}
          />
          {next === 'evacuate' && (
            <TextField
              label="Evacuate to"
              name="location"
              value={location}
              onChange={setLocation}
              required
              maxLength={200}
              error={fieldError(action.error, 'location')}
            />
          )}
          {next === 'shelter' && (
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
                error={fieldError(action.error, 'hazard')}
              />
              <SelectField
                label="Safety strategy"
                name="strategy"
                value={strategy}
                onChange={(v) => setStrategy(v as ShelterStrategy)}
                options={SHELTER_STRATEGIES.map((v) => ({ value: v, label: STRATEGY_LABELS[v] }))}
                placeholder="Default for the hazard"
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
          />
          <FormActions>
            <Button type="submit" variant="danger" busy={action.busy}>
              {next ? `Change to ${SRP[next].term}` : 'Change the action'}
            </Button>
            <Button onClick={() => setOpen(false)}>Cancel</Button>
          </FormActions>
        </Form>
      </Dialog>
    </>
  );
}
