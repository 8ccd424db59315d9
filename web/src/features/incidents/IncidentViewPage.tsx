import { useState } from 'react';
import { RecordOwnerBanner } from '../../components/RecordOwnerBanner.tsx';
import { useLocation, useParams } from 'react-router-dom';
import type { IncidentDetail } from '@common/incidents.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button, ButtonLink } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/ErrorBanner.tsx';
import { CheckboxField, TextAreaField, TextField } from '../../components/Field.tsx';
import { Form, FormActions } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { fieldError, useAction } from '../../lib/hooks.ts';
import { useNavigate } from 'react-router-dom';
import { AttachmentsSection } from './AttachmentsSection.tsx';
import { IncidentDetails } from './IncidentDetails.tsx';
import { statusLabel, statusTone } from './labels.ts';
import { useReasonedData, withReason } from './readReason.tsx';
import { ReferralsSection } from './ReferralsSection.tsx';
import { ReviewActions } from './ReviewActions.tsx';
import { ReviewsSection } from './ReviewsSection.tsx';
import { SupplementsSection } from './SupplementsSection.tsx';
import { TasksSection } from './TasksSection.tsx';
import { VersionsSection } from './VersionsSection.tsx';

/** Seals a record with its legal reason and the order; the evidence is locked under the sealed key or destroyed. */
function SealForm({ incident, onCancel }: { incident: IncidentDetail; onCancel: () => void }) {
  const navigate = useNavigate();
  const [reason, setReason] = useState('');
  const [orderNumber, setOrderNumber] = useState('');
  const [orderDate, setOrderDate] = useState('');
  const [destroyEvidence, setDestroyEvidence] = useState(false);
  const seal = useAction(async () => {
    await api.post(`/incidents/${incident.id}/seal`, {
      reason,
      ...(orderNumber ? { orderNumber } : {}),
      ...(orderDate ? { orderDate } : {}),
      destroyEvidence,
    });
    navigate('/incidents', { state: { message: `Incident ${incident.number} was sealed.` } });
  });
  return (
    <Form onSubmit={() => void seal.run()} error={seal.error} aria-label="Seal the record">
      <p>
        A sealed record disappears from every list, search, export, link and audit detail; its content and
        evidence are locked under the sealed key. Only the district safety director can unseal it, with a
        court order.
      </p>
      <TextAreaField
        label="Reason (court order or statute)"
        name="reason"
        required
        minLength={10}
        value={reason}
        onChange={setReason}
        error={fieldError(seal.error, 'reason')}
      />
      <div className="form-grid">
        <TextField
          label="Order number (optional)"
          name="orderNumber"
          value={orderNumber}
          onChange={setOrderNumber}
          error={fieldError(seal.error, 'orderNumber')}
        />
        <TextField
          label="Order date (optional)"
          name="orderDate"
          type="date"
          value={orderDate}
          onChange={setOrderDate}
          error={fieldError(seal.error, 'orderDate')}
        />
      </div>
      {incident.attachments.length > 0 && (
        <CheckboxField
          label="The order says the evidence files are destroyed"
          hint="Otherwise they are kept, unreadable until the record is unsealed."
          checked={destroyEvidence}
          onChange={setDestroyEvidence}
        />
      )}
      <FormActions>
        <Button type="submit" variant="danger" busy={seal.busy}>
          Seal record
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </Form>
  );
}

/** One incident: status, facts, review, supplements, evidence, tasks with clocks, referrals and history. */
export function IncidentViewPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const { resource, dialog } = useReasonedData<IncidentDetail>(`/incidents/${id}`, id);
  const [message, setMessage] = useState<string | null>(
    (location.state as { message?: string } | null)?.message ?? null,
  );
  const [sealing, setSealing] = useState(false);
  const incident = resource.data;
  const changed = (m?: string) => {
    if (m) setMessage(m);
    resource.reload();
  };

  return (
    <Page
      title={incident ? `Incident ${incident.number}` : 'Incident'}
      breadcrumbs={[{ label: 'Incidents', to: '/incidents' }]}
      description={
        incident && (
          <span className="row">
            <Badge tone={statusTone(incident.status)}>{statusLabel(incident.status)}</Badge>
            {incident.hasJuvenile && <Badge tone="warning">Juvenile record</Badge>}
            <span>{incident.schoolName}</span>
          </span>
        )
      }
      actions={
        incident && (
          <>
            {incident.can.edit && (
              <ButtonLink to={`/incidents/${incident.id}/edit`} variant="primary">
                Edit report
              </ButtonLink>
            )}
            {incident.can.print && incident.status === 'approved' && (
              <a
                className="btn btn-secondary"
                href={withReason(`/api/incidents/${incident.id}/report.pdf`, incident.id)}
                target="_blank"
                rel="noreferrer"
              >
                Printable report (PDF)
              </a>
            )}
            {incident.can.seal && (
              <Button variant="danger" onClick={() => setSealing(true)}>
                Seal…
              </Button>
            )}
          </>
        )
      }
    >
      <RecordOwnerBanner type="incident" />
      <Notice message={message} />
      {dialog}
      {!dialog && (
        <LoadState resource={resource} label="Loading the incident…">
          {(i) => (
            <div className="page-sections">
              {i.legalHold && (
                <p className="banner banner-warning" role="status">
                  <span className="banner-text">
                    On legal hold since {formatDateTime(i.legalHold.setAt)}: kept past its retention period until the hold is
                    lifted{i.legalHold.reason ? ` (${i.legalHold.reason})` : ''}.
                  </span>
                </p>
              )}
              {i.status === 'submitted' && i.can.review && (
                <Section title="Review this report" id="review">
                  <ReviewActions
                    path={`/incidents/${i.id}`}
                    version={i.version}
                    what={`report ${i.number}`}
                    onDone={(m) => changed(m)}
                  />
                </Section>
              )}
              <IncidentDetails incident={i} />
              <ReviewsSection incident={i} />
              <SupplementsSection incident={i} onChanged={() => changed()} />
              <AttachmentsSection
                incidentId={i.id}
                attachments={i.attachments.filter((a) => a.supplementId === null)}
                canAttach={i.can.attach && i.status !== 'approved'}
                canOpen={i.can.readNarrative}
              />
              <TasksSection
                incidentId={i.id}
                tasks={i.tasks}
                canAdd={i.can.edit || i.can.supplement}
                onChanged={() => changed()}
              />
              <ReferralsSection incident={i} onChanged={(m) => changed(m)} />
              <VersionsSection
                incidentId={i.id}
                refreshKey={`${i.version}-${i.updatedAt}-${i.supplements.map((s) => s.version).join('.')}`}
              />
            </div>
          )}
        </LoadState>
      )}
      <Dialog open={sealing} title="Seal this record" onClose={() => setSealing(false)}>
        {incident && <SealForm incident={incident} onCancel={() => setSealing(false)} />}
      </Dialog>
    </Page>
  );
}
