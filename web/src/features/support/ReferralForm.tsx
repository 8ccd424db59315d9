import { useState } from 'react';
import {
  CONSENT_LABELS,
  CONSENT_STATUSES,
  REFERRAL_DUE_DAYS,
  REFERRAL_REASONS,
  REFERRAL_REASON_LABELS,
  REFERRAL_RECEIVER_LABELS,
  REFERRAL_URGENCIES,
  type ConsentStatus,
  type Referral,
  type ReferralBody,
  type ReferralReason,
  type ReferralTargets,
  type ReferralUrgency,
} from '@common/support.ts';
import { Button } from '../../components/Button.tsx';
import { SelectField, TextAreaField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { api } from '../../lib/api.ts';
import { todayIso } from '../../lib/format.ts';
import { fieldError, useAction, useApiData } from '../../lib/hooks.ts';
import { URGENCY_LABELS } from './labels.ts';
import { StudentSearch, type PickedStudent } from './StudentSearch.tsx';

/**
 * Refers a student to support: the receiver is a counselor of the student's school or a vendor or community
 * program of the directory serving it; reason, urgency, what was observed, and the guardian's consent.
 */
export function ReferralForm({ onDone, onCancel }: { onDone: (r: Referral) => void; onCancel: () => void }) {
  const [student, setStudent] = useState<PickedStudent | null>(null);
  const [receiver, setReceiver] = useState('');
  const [reason, setReason] = useState('');
  const [urgency, setUrgency] = useState<ReferralUrgency>('routine');
  const [details, setDetails] = useState('');
  const [consent, setConsent] = useState<ConsentStatus | ''>('');
  const [consentDate, setConsentDate] = useState(todayIso());
  const [dueOn, setDueOn] = useState('');
  const targets = useApiData<ReferralTargets>(student ? '/support/referral-targets' : null, {
    schoolId: student?.schoolId,
  });
  const save = useAction(async () => {
    if (!student) throw new Error('Choose the student first.');
    const [kind, id] = receiver.split(':');
    const body: ReferralBody = {
      studentId: student.id,
      ...(kind === 'c' ? { counselorId: id } : { vendorId: id }),
      reason: reason as ReferralReason,
      details: details.trim(),
      urgency,
      consent: consent as ConsentStatus,
      consentDate: consent === 'obtained' ? consentDate : null,
      dueOn: dueOn || null,
    };
    onDone(await api.post<Referral>('/support/referrals', body));
  });
  const err = (f: string) => fieldError(save.error, f);
  const receiverOptions = [
    ...(targets.data?.counselors ?? []).map((c) => ({
      value: `c:${c.id}`,
      label: `${c.name} (school counselor)`,
    })),
    ...(targets.data?.organizations ?? []).map((o) => ({
      value: `v:${o.id}`,
      label: `${o.name} (${REFERRAL_RECEIVER_LABELS[o.kind].toLowerCase()})`,
    })),
  ];
  const chosenOrg = targets.data?.organizations.find((o) => `v:${o.id}` === receiver);

  return (
    <Form onSubmit={() => void save.run()} error={save.error} aria-label="Refer a student">
      <StudentSearch
        lookup="support"
        value={student}
        onChange={(s) => {
          setStudent(s);
          setReceiver('');
        }}
        error={err('studentId')}
      />
      <ErrorBanner error={targets.error} onRetry={targets.reload} />
      <div className="form-grid">
        <SelectField
          label="Refer to"
          name={receiver.startsWith('c:') ? 'counselorId' : 'vendorId'}
          required
          disabled={!student || targets.loading}
          value={receiver}
          onChange={setReceiver}
          placeholder={
            !student ? 'Choose the student first' : targets.loading ? 'Loading…' : 'Choose who receives it'
          }
          options={receiverOptions}
          hint={chosenOrg?.services ?? (chosenOrg?.phone ? `Phone ${chosenOrg.phone}` : undefined)}
          error={err('counselorId') ?? err('vendorId')}
        />
        <SelectField
          label="Reason"
          name="reason"
          required
          value={reason}
          onChange={setReason}
          placeholder="Choose a reason"
          options={REFERRAL_REASONS.map((r) => ({ value: r, label: REFERRAL_REASON_LABELS[r] }))}
          error={err('reason')}
        />
        <SelectField
          label="Urgency"
          name="urgency"
          required
          value={urgency}
          onChange={(v) => setUrgency(v as ReferralUrgency)}
          options={REFERRAL_URGENCIES.map((u) => ({ value: u, label: URGENCY_LABELS[u] }))}
          hint={`Loop to be closed within ${REFERRAL_DUE_DAYS[urgency]} days unless you set a date.`}
          error={err('urgency')}
        />
        <TextField
          label="Close the loop by"
          name="dueOn"
          type="date"
          min={todayIso()}
          value={dueOn}
          onChange={setDueOn}
          error={err('dueOn')}
        />
        <SelectField
          label="Guardian consent"
          name="consent"
          required
          value={consent}
          onChange={(v) => setConsent(v as ConsentStatus)}
          placeholder="Choose"
          options={CONSENT_STATUSES.map((c) => ({ value: c, label: CONSENT_LABELS[c] }))}
          error={err('consent')}
        />
        {consent === 'obtained' && (
          <TextField
            label="Consent date"
            name="consentDate"
            type="date"
            required
            max={todayIso()}
            value={consentDate}
            onChange={setConsentDate}
            error={err('consentDate')}
          />
        )}
      </div>
      <TextAreaField
        label="What you observed"
        name="details"
        required
        rows={4}
        maxLength={4000}
        value={details}
        onChange={setDetails}
        hint="Why support is needed. Only what the receiver needs to know: no clinical detail needed."
        error={err('details')}
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={save.busy}>
          Send referral
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}
