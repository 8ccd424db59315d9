import { DownloadCsv } from '../../components/DownloadCsv.tsx';
import { useState } from 'react';
import type { Certification, CertificationsDue } from '@common/preparedness.ts';
import { ForbiddenPage } from '../../app/ErrorPages.tsx';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Notice } from '../../components/ErrorBanner.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { formatDay, plural } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';
import { CERTIFICATION_KIND_LABELS } from '../preparedness/labels.ts';
import { CertificationForm } from './CertificationForm.tsx';

/** The state of a certification in words and colour (colour never alone). */
export function CertificationState({ cert }: { cert: Certification }) {
  switch (cert.state) {
    case 'lapsed':
      return <Badge tone="danger">✕ Lapsed {formatDay(cert.expiresOn)}</Badge>;
    case 'due':
      return (
        <Badge tone="warning">
          ! Due: expires {formatDay(cert.expiresOn)} ({plural(cert.daysToExpiry ?? 0, 'day')})
        </Badge>
      );
    case 'no_expiry':
      return <Badge tone="neutral">Does not expire</Badge>;
    default:
      return <Badge tone="success">✓ Valid to {formatDay(cert.expiresOn)}</Badge>;
  }
}

function documentLink(cert: Certification) {
  return cert.document ? (
    <a href={`/api/certifications/${cert.id}/document`} target="_blank" rel="noreferrer">
      {cert.document.fileName}
    </a>
  ) : (
    ''
  );
}

/** A table of certifications; with `showOfficer` the officer's name comes first. */
function CertificationTable({
  caption,
  items,
  showOfficer,
  onEdit,
}: {
  caption: string;
  items: Certification[];
  showOfficer: boolean;
  onEdit: (cert: Certification) => void;
}) {
  return (
    <DataTable
      caption={caption}
      rows={items}
      rowKey={(c) => c.id}
      columns={[
        ...(showOfficer
          ? [
              {
                header: 'SRO',
                render: (c: Certification) => (
                  <strong>
                    {c.user.name}
                    {c.user.badgeNumber && <span className="muted"> (badge {c.user.badgeNumber})</span>}
                  </strong>
                ),
              },
            ]
          : []),
        {
          header: 'Certification',
          render: (c) => (
            <div>
              <strong>{c.name}</strong>
              <p className="small muted cert-meta">
                {[CERTIFICATION_KIND_LABELS[c.kind], c.issuer, c.hours !== null ? `${c.hours} h` : '']
                  .filter(Boolean)
                  .join(' · ')}
              </p>
            </div>
          ),
        },
        { header: 'Issued', className: 'nowrap', render: (c) => formatDay(c.issuedOn) },
        { header: 'Status', render: (c) => <CertificationState cert={c} /> },
        { header: 'Document', render: documentLink },
        {
          header: 'Actions',
          className: 'actions',
          hideLabelWhenStacked: true,
          render: (c) => (
            <Button size="small" onClick={() => onEdit(c)} aria-label={`Edit ${c.name} of ${c.user.name}`}>
              Edit
            </Button>
          ),
        },
      ]}
    />
  );
}

/** The supervisor's view: who is due within 60 days and who has lapsed. */
function DueSection({ onEdit }: { onEdit: (c: Certification) => void }) {
  const due = useApiData<CertificationsDue>('/certifications/due');
  return (
    <LoadState resource={due} label="Loading certifications due…">
      {(d) => (
        <>
          <Section title={`Due within ${d.dueWithinDays} days (${d.due.length})`} id="due">
            {d.due.length === 0 ? (
              <EmptyState title={`No certification expires in the next ${d.dueWithinDays} days.`} />
            ) : (
              <CertificationTable caption="Certifications due" items={d.due} showOfficer onEdit={onEdit} />
            )}
          </Section>
          <Section title={`Lapsed (${d.lapsed.length})`} id="lapsed">
            {d.lapsed.length === 0 ? (
              <EmptyState title="No lapsed certification." />
            ) : (
              <CertificationTable
                caption="Lapsed certifications"
                items={d.lapsed}
                showOfficer
                onEdit={onEdit}
              />
            )}
          </Section>
        </>
      )}
    </LoadState>
  );
}

/**
 * SRO training and certifications. An SRO keeps their own list (basic and advanced courses, in-service,
 * first aid...); a supervisor sees who is due within 60 days and who has lapsed, and every SRO's list.
 */
export function CertificationsPage() {
  const { can, roles } = useSession();
  const supervisor = can('certification.manage');
  const isSro = roles.includes('sro');
  const mine = useApiData<{ items: Certification[] }>(isSro ? '/certifications/mine' : null);
  const all = useApiData<{ items: Certification[] }>(supervisor ? '/certifications' : null);
  const [editing, setEditing] = useState<Certification | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  if (!supervisor && !isSro) return <ForbiddenPage />;
  const edit = (c: Certification | 'new') => {
    setMessage(null);
    setEditing(c);
  };

  return (
    <Page
      title="SRO certifications"
      description={
        supervisor
          ? 'Certifications of the SROs you supervise: who is due within 60 days and who has lapsed.'
          : 'Your SRO courses, in-service training and certifications, with their expiry dates.'
      }
      actions={
        <Button variant="primary" onClick={() => edit('new')}>
          Add a certification
        </Button>
      }
    >
      <Notice message={message} />
      <div className="page-sections">
        {supervisor && <DueSection key={version} onEdit={edit} />}
        {isSro && (
          <Section title="Your certifications" id="mine">
            <LoadState resource={mine} label="Loading your certifications…">
              {({ items }) =>
                items.length === 0 ? (
                  <EmptyState title="No certification recorded yet." />
                ) : (
                  <CertificationTable
                    caption="Your certifications"
                    items={items}
                    showOfficer={false}
                    onEdit={edit}
                  />
                )
              }
            </LoadState>
          </Section>
        )}
        {supervisor && (
          <Section
            title="All certifications"
            id="all"
            actions={<DownloadCsv path="/certifications" permission="certification.manage" />}
          >
            <LoadState resource={all} label="Loading certifications…">
              {({ items }) =>
                items.length === 0 ? (
                  <EmptyState title="No certification recorded yet." />
                ) : (
                  <CertificationTable caption="All certifications" items={items} showOfficer onEdit={edit} />
                )
              }
            </LoadState>
          </Section>
        )}
      </div>
      <Dialog
        open={editing !== null}
        title={editing === 'new' ? 'Add a certification' : 'Edit certification'}
        onClose={() => setEditing(null)}
        wide
      >
        {editing && (
          <CertificationForm
            cert={editing === 'new' ? undefined : editing}
            forOthers={supervisor}
            forSelf={isSro}
            onCancel={() => setEditing(null)}
            onDone={(c) => {
              setEditing(null);
              setMessage(`${c.name} of ${c.user.name} is saved.`);
              setVersion((v) => v + 1);
              mine.reload();
              all.reload();
            }}
          />
        )}
      </Dialog>
    </Page>
  );
}
