import { useState } from 'react';
import {
  REFERRAL_OUTCOMES,
  REFERRAL_OUTCOME_LABELS,
  type Referral,
  type ReferralCloseBody,
  type ReferralOutcome,
} from '@common/support.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { api } from '../../lib/api.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { fromLocalInput, toLocalInput } from '../incidents/labels.ts';

/** A handler's step on a referral. */
export type ReferralStep = 'accept' | 'decline' | 'schedule' | 'close' | 'note';

export const STEP_TITLES: Record<ReferralStep, string> = {
  accept: 'Accept the referral',
  decline: 'Decline the referral',
  schedule: 'Schedule the first appointment',
  close: 'Close the loop',
  note: 'Add a clinical note',
};

/** The steps a handler may take now. */
export function stepsOf(r: Referral): ReferralStep[] {
  if (!r.canHandle) return [];
  if (r.status === 'pending') return ['accept', 'decline'];
  if (r.status === 'accepted' || r.status === 'scheduled') return ['schedule', 'close', 'note'];
  return ['note'];
}

/** The form of one step: each posts to its route and hands back the updated referral. */
export function StepForm({
  referral,
  step,
  onDone,
  onCancel,
}: {
  referral: Referral;
  step: ReferralStep;
  onDone: (r: Referral, message: string) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState('');
  const [when, setWhen] = useState(toLocalInput(referral.scheduledFor));
  const [outcome, setOutcome] = useState('');
  const save = useAction(async () => {
    const path = `/support/referrals/${referral.id}`;
    if (step === 'accept') {
      onDone(
        await api.post<Referral>(`${path}/accept`, { note: text.trim() || null }),
        'The referral is accepted.',
      );
    } else if (step === 'decline') {
      onDone(
        await api.post<Referral>(`${path}/decline`, { reason: text.trim() }),
        'The referral is declined.',
      );
    } else if (step === 'schedule') {
      const scheduledFor = fromLocalInput(when) ?? when;
      onDone(await api.post<Referral>(`${path}/schedule`, { scheduledFor }), 'The appointment is scheduled.');
    } else if (step === 'close') {
      const body: ReferralCloseBody = { outcome: outcome as ReferralOutcome, summary: text.trim() || null };
      onDone(await api.post<Referral>(`${path}/close`, body), 'The referral is closed.');
    } else {
      onDone(await api.post<Referral>(`${path}/notes`, { body: text.trim() }), 'The note is added.');
    }
  });
  const err = (f: string) => fieldError(save.error, f);

  return (
    <Form onSubmit={() => void save.run()} error={save.error} aria-label={STEP_TITLES[step]}>
      {step === 'schedule' && (
        <TextField
          label="Appointment"
          name="scheduledFor"
          type="datetime-local"
          required
          value={when}
          onChange={setWhen}
          error={err('scheduledFor')}
        />
      )}
      {step === 'close' && (
        <SelectField
          label="Outcome"
          name="outcome"
          required
          value={outcome}
          onChange={setOutcome}
          placeholder="Choose the outcome"
          options={REFERRAL_OUTCOMES.map((o) => ({ value: o, label: REFERRAL_OUTCOME_LABELS[o] }))}
          error={err('outcome')}
        />
      )}
      {step !== 'schedule' && (
        <TextAreaField
          label={
            step === 'accept'
              ? 'Clinical note (optional)'
              : step === 'decline'
                ? 'Reason'
                : step === 'close'
                  ? 'Closing line for the referrer (optional)'
                  : 'Note'
          }
          name={
            step === 'decline' ? 'reason' : step === 'close' ? 'summary' : step === 'note' ? 'body' : 'note'
          }
          required={step === 'decline' || step === 'note'}
          rows={4}
          maxLength={step === 'note' ? 8000 : step === 'close' ? 1000 : 2000}
          value={text}
          onChange={setText}
          hint={
            step === 'decline' || step === 'close'
              ? 'The referrer reads it: keep clinical detail out.'
              : 'Only handlers of this referral read clinical notes.'
          }
          error={err('reason') ?? err('summary') ?? err('body') ?? err('note')}
        />
      )}
      <FormActions>
        <Button type="submit" variant={step === 'decline' ? 'danger' : 'primary'} busy={save.busy}>
          {STEP_TITLES[step]}
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
