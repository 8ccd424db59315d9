import { useState } from 'react';
import {
  LABELS,
  type IncidentDetail,
  type Referral,
  type ReferralInput,
  type ReferralKind,
} from '@common/incidents.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { CheckboxField, SelectField, TextAreaField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';

const KIND_LABEL: Record<ReferralKind, string> = {
  administration: 'Administration',
  counseling: 'Counseling',
};

/** The referral form: what the school receives is only the summary and the persons chosen here. */
function ReferralForm({
  incident,
  onDone,
  onCancel,
}: {
  incident: IncidentDetail;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [kind, setKind] = useState<ReferralKind>('administration');
  const [summary, setSummary] = useState(incident.summary);
  const [personIds, setPersonIds] = useState<string[]>([]);
  const [shareOffenses, setShareOffenses] = useState(false);
  const submit = useAction(async () => {
    const body: ReferralInput = { kind, summary, personIds, shareOffenses };
    await api.post<Referral>(`/incidents/${incident.id}/referrals`, body);
    onDone();
  });
  return (
    <Form onSubmit={() => void submit.run()} error={submit.error} aria-label="Refer this incident">
      <SelectField
        label="Refer to"
        name="kind"
        value={kind}
        onChange={(v) => setKind(v as ReferralKind)}
        options={Object.entries(KIND_LABEL).map(([value, label]) => ({ value, label }))}
      />
      <TextAreaField
        label="What the school receives"
        name="summary"
        required
        rows={5}
        hint="The narrative is never shared. Write only what the receiving staff need."
        value={summary}
        onChange={setSummary}
        error={fieldError(submit.error, 'summary')}
      />
      {incident.persons.length > 0 && (
        <fieldset className="fieldset">
          <legend>Persons named in the referral</legend>
          {incident.persons.map((p) => (
            <CheckboxField
              key={p.id}
              label={`${p.firstName} ${p.lastName} (${LABELS.personRole[p.role]})`}
              checked={personIds.includes(p.id)}
              onChange={(on) => setPersonIds((ids) => (on ? [...ids, p.id] : ids.filter((x) => x !== p.id)))}
            />
          ))}
        </fieldset>
      )}
      <CheckboxField label="Share the offense names" checked={shareOffenses} onChange={setShareOffenses} />
      <FormActions>
        <Button type="submit" variant="primary" busy={submit.busy}>
          Send referral
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}

/** Referrals of the incident to administration or counseling, and the way to make one. */
export function ReferralsSection({
  incident,
  onChanged,
}: {
  incident: IncidentDetail;
  onChanged: (message: string) => void;
}) {
  const [open, setOpen] = useState(false);
  return (
    <Section
      title="Referrals"
      id="referrals"
      actions={
        incident.can.refer && (
          <Button size="small" onClick={() => setOpen(true)}>
            Refer…
          </Button>
        )
      }
    >
      {incident.referrals.length === 0 ? (
        <EmptyState title="No referrals." />
      ) : (
        <ul className="list-rows" aria-label="Referrals">
          {incident.referrals.map((r) => (
            <li key={r.id}>
              <span>
                <strong>To {KIND_LABEL[r.kind].toLowerCase()}</strong> · {r.referredByName},{' '}
                {formatDateTime(r.referredAt)}
                <br />
                <span className="small">{r.summary}</span>
              </span>
              <Badge
                tone={r.status === 'closed' ? 'success' : r.status === 'acknowledged' ? 'info' : 'warning'}
              >
                {r.status === 'open' ? 'Open' : r.status === 'acknowledged' ? 'Acknowledged' : 'Closed'}
              </Badge>
            </li>
          ))}
        </ul>
      )}
      <Dialog open={open} title="Refer this incident" onClose={() => setOpen(false)} wide>
        <ReferralForm
          incident={incident}
          onCancel={() => setOpen(false)}
          onDone={() => {
            setOpen(false);
            onChanged('The referral was sent.');
          }}
        />
      </Dialog>
    </Section>
  );
}
