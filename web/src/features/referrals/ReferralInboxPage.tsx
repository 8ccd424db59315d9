import { DownloadCsv } from '../../components/DownloadCsv.tsx';
import { RecordOwnerBanner } from '../../components/RecordOwnerBanner.tsx';
import { useState } from 'react';
import { LABELS, type Referral, type ReferralKind, type UpdateReferral } from '@common/incidents.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorBanner, Notice } from '../../components/ErrorBanner.tsx';
import { SelectField, TextAreaField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { fieldError, useAction, useApiData } from '../../lib/hooks.ts';
import { useUrlFilters } from '../../lib/url-state.ts';

const INBOX: Record<ReferralKind, { path: string; title: string; description: string }> = {
  administration: {
    path: '/discipline-referrals',
    title: 'Discipline referrals',
    description:
      'Incidents the SRO referred to school administration. You see only the summary and the persons the officer chose to share.',
  },
  counseling: {
    path: '/counseling-referrals',
    title: 'Counseling referrals',
    description:
      'Incidents the SRO referred to counseling. You see only the summary and the persons the officer chose to share.',
  },
};

const STATUS_LABEL: Record<Referral['status'], string> = {
  open: 'Open',
  acknowledged: 'Acknowledged',
  closed: 'Closed',
};
const STATUS_TONE = { open: 'warning', acknowledged: 'info', closed: 'success' } as const;

/** Closing records the outcome the school took, kept with the referral. */
function CloseForm({
  referral,
  path,
  onDone,
  onCancel,
}: {
  referral: Referral;
  path: string;
  onDone: () => void;
  onCancel: () => void;
}) {
  const [note, setNote] = useState(referral.note ?? '');
  const submit = useAction(async () => {
    const body: UpdateReferral = { status: 'closed', note };
    await api.patch<Referral>(`${path}/${referral.id}`, body);
    onDone();
  });
  return (
    <Form
      onSubmit={() => void submit.run()}
      error={submit.error}
      aria-label={`Close referral of incident ${referral.incidentNumber}`}
    >
      <TextAreaField
        label="Outcome"
        name="note"
        required
        rows={4}
        hint="What the school did: the action taken under school policy, or why none was needed."
        value={note}
        onChange={setNote}
        error={fieldError(submit.error, 'note')}
      />
      <FormActions>
        <Button type="submit" variant="primary" busy={submit.busy}>
          Close referral
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}

/** One referral: what the SRO shared, its status, and the next step the school may take. */
function ReferralCard({
  referral,
  onAcknowledge,
  onClose,
  busy,
}: {
  referral: Referral;
  onAcknowledge: () => void;
  onClose: () => void;
  busy: boolean;
}) {
  const r = referral;
  return (
    <li className="call-card" aria-label={`Referral of incident ${r.incidentNumber}`}>
      <div className="row-between">
        <h3>
          {r.incidentNumber} · {r.schoolName}
        </h3>
        <Badge tone={STATUS_TONE[r.status]}>{STATUS_LABEL[r.status]}</Badge>
      </div>
      <p className="muted small">
        Occurred {formatDateTime(r.occurredAt)} · referred by {r.referredByName},{' '}
        {formatDateTime(r.referredAt)}
      </p>
      <p>{r.summary}</p>
      {r.persons.length > 0 && (
        <p className="small">
          Named:{' '}
          {r.persons.map((p) => `${p.firstName} ${p.lastName} (${LABELS.personRole[p.role]})`).join(', ')}
        </p>
      )}
      {r.offenses && r.offenses.length > 0 && <p className="small">Offenses: {r.offenses.join(', ')}</p>}
      {r.handledAt && (
        <p className="small muted">
          {STATUS_LABEL[r.status]} by {r.handledByName ?? 'someone'}, {formatDateTime(r.handledAt)}
          {r.note ? ` · Outcome: ${r.note}` : ''}
        </p>
      )}
      {r.status !== 'closed' && (
        <div className="row">
          {r.status === 'open' && (
            <Button
              size="small"
              busy={busy}
              onClick={onAcknowledge}
              aria-label={`Acknowledge referral of incident ${r.incidentNumber}`}
            >
              Acknowledge
            </Button>
          )}
          <Button
            size="small"
            onClick={onClose}
            aria-label={`Close referral of incident ${r.incidentNumber}`}
          >
            Close with outcome…
          </Button>
        </div>
      )}
    </li>
  );
}

/** The receiving side of the discipline boundary: referrals made to this school's administration or counselors. */
export function ReferralInboxPage({ kind }: { kind: ReferralKind }) {
  const inbox = INBOX[kind];
  const [filters, setFilters] = useUrlFilters(['status'] as const);
  const status = filters.status || 'all';
  const resource = useApiData<{ items: Referral[] }>(inbox.path, { status }, { keepPrevious: true });
  const [closing, setClosing] = useState<Referral | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const acknowledge = useAction(async (r: Referral) => {
    const body: UpdateReferral = { status: 'acknowledged' };
    await api.patch<Referral>(`${inbox.path}/${r.id}`, body);
    resource.reload();
    return `Referral of incident ${r.incidentNumber} acknowledged.`;
  });

  return (
    <Page
      title={inbox.title}
      description={inbox.description}
      actions={<DownloadCsv path={inbox.path} query={{ status }} />}
    >
      <RecordOwnerBanner type={kind === 'administration' ? 'administration_referral' : 'counseling_referral'} />
      <div role="search" className="filters" aria-label="Filter referrals">
        <SelectField
          label="Status"
          value={status}
          onChange={(value) => setFilters({ status: value === 'all' ? '' : value })}
          options={[
            { value: 'all', label: 'All' },
            { value: 'open', label: 'Open' },
            { value: 'acknowledged', label: 'Acknowledged' },
            { value: 'closed', label: 'Closed' },
          ]}
        />
      </div>
      <Notice message={message ?? acknowledge.success} />
      <ErrorBanner error={acknowledge.error} />
      <LoadState resource={resource} label="Loading referrals…">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState title="No referrals here.">
              Referrals the SRO sends to your school appear here.
            </EmptyState>
          ) : (
            <ul className="call-cards" aria-label={inbox.title}>
              {items.map((r) => (
                <ReferralCard
                  key={r.id}
                  referral={r}
                  busy={acknowledge.busy}
                  onAcknowledge={() => {
                    setMessage(null);
                    void acknowledge.run(r);
                  }}
                  onClose={() => setClosing(r)}
                />
              ))}
            </ul>
          )
        }
      </LoadState>
      <Dialog
        open={closing !== null}
        title={`Close referral ${closing?.incidentNumber ?? ''}`}
        onClose={() => setClosing(null)}
      >
        {closing && (
          <CloseForm
            referral={closing}
            path={inbox.path}
            onCancel={() => setClosing(null)}
            onDone={() => {
              setMessage(`Referral of incident ${closing.incidentNumber} closed.`);
              setClosing(null);
              resource.reload();
            }}
          />
        )}
      </Dialog>
    </Page>
  );
}
