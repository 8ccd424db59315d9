import { useState } from 'react';
import { TIP_OUTCOMES, TIP_STATUSES, type TipOutcome, type TipStatus } from '@common/tip-constants.ts';
import type { Tip, UpdateTipBody } from '@common/tips.ts';
import { Button } from '../../components/Button.tsx';
import { CheckboxField, SelectField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { TIP_OUTCOME_LABELS, TIP_STATUS_LABELS } from './labels.ts';

/** Status (closing needs an outcome), the life-safety flag and the hoax flag of a tip. */
export function TriageForm({ tip, onChange }: { tip: Tip; onChange: (tip: Tip) => void }) {
  const [status, setStatus] = useState<TipStatus>(tip.status);
  const [outcome, setOutcome] = useState<TipOutcome | ''>(tip.outcome ?? '');
  const [lifeSafety, setLifeSafety] = useState(tip.lifeSafety);
  const [hoax, setHoax] = useState(tip.hoax);
  const save = useAction(async () => {
    const body: UpdateTipBody = {};
    if (status !== tip.status) body.status = status;
    if (status === 'closed' && outcome && outcome !== tip.outcome) body.outcome = outcome;
    if (lifeSafety !== tip.lifeSafety) body.lifeSafety = lifeSafety;
    if (hoax !== tip.hoax) body.hoax = hoax;
    if (Object.keys(body).length === 0) return 'Nothing changed.';
    const saved = await api.patch<Tip>(`/tips/${tip.id}`, body);
    onChange(saved);
    setStatus(saved.status);
    setOutcome(saved.outcome ?? '');
    return 'The tip was updated.';
  });

  return (
    <Section title="Triage" id="tip-triage">
      <Form onSubmit={() => void save.run()} error={save.error} success={save.success} aria-label="Triage">
        <div className="form-grid">
          <SelectField
            label="Status"
            name="status"
            value={status}
            onChange={(v) => setStatus(v as TipStatus)}
            options={TIP_STATUSES.map((s) => ({ value: s, label: TIP_STATUS_LABELS[s] }))}
            error={fieldError(save.error, 'status')}
          />
          {status === 'closed' && (
            <SelectField
              label="Outcome"
              name="outcome"
              required
              value={outcome}
              onChange={(v) => setOutcome(v as TipOutcome)}
              options={TIP_OUTCOMES.map((o) => ({ value: o, label: TIP_OUTCOME_LABELS[o] }))}
              placeholder="Choose the outcome…"
              error={fieldError(save.error, 'outcome')}
            />
          )}
        </div>
        <CheckboxField
          label="Life safety"
          hint="Notifies the school team at once and keeps the tip on top of the queue until acknowledged."
          name="lifeSafety"
          checked={lifeSafety}
          onChange={setLifeSafety}
        />
        <CheckboxField
          label="Hoax"
          hint="A deliberately false report; marking it closes the tip with the outcome Hoax."
          name="hoax"
          checked={hoax}
          onChange={setHoax}
        />
        {fieldError(save.error, 'hoax') && <p className="field-error">{fieldError(save.error, 'hoax')}</p>}
        <FormActions>
          <Button type="submit" variant="primary" busy={save.busy}>
            Save triage
          </Button>
        </FormActions>
      </Form>
    </Section>
  );
}
