import { DownloadCsv } from '../../components/DownloadCsv.tsx';
import { useState } from 'react';
import {
  CONTACT_KIND_LABELS,
  MEDIATION_OUTCOME_LABELS,
  MENTORING_TOPIC_LABELS,
  type ContactPage,
  type MediationPage,
} from '@common/mentoring.ts';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorBanner, Notice } from '../../components/ErrorBanner.tsx';
import { CheckboxField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime, formatDay } from '../../lib/format.ts';
import { useAction, useApiData } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';
import { useUrlFilters } from '../../lib/url-state.ts';
import { minutesText } from '../education/labels.ts';
import { ContactForm } from './ContactForm.tsx';
import { MediationForm } from './MediationForm.tsx';
import { SupportTabs } from './SupportTabs.tsx';

const PAGE_SIZE = 20;

type Editing = { what: 'contact' | 'mediation'; id?: string } | null;

/**
 * Mentoring, informal counseling and mediation: the officer records contacts and mediations (private notes
 * stay theirs); readers at the school see only that they happened.
 */
export function MentoringPage() {
  const { can } = useSession();
  const canLog = can('support.log');
  const [filters, setFilters] = useUrlFilters(['all', 'cpage', 'mpage'] as const);
  const mine = canLog && filters.all !== 'true' ? 'true' : undefined;
  const cpage = Number(filters.cpage) || 1;
  const mpage = Number(filters.mpage) || 1;
  const contacts = useApiData<ContactPage>(
    '/mentoring/contacts',
    { mine, page: cpage, pageSize: PAGE_SIZE },
    { keepPrevious: true },
  );
  const mediations = useApiData<MediationPage>(
    '/mentoring/mediations',
    { mine, page: mpage, pageSize: PAGE_SIZE },
    { keepPrevious: true },
  );
  const [editing, setEditing] = useState<Editing>(null);
  const [message, setMessage] = useState<string | null>(null);
  const remove = useAction(async (what: 'contact' | 'mediation', id: string) => {
    await api.delete(`/mentoring/${what === 'contact' ? 'contacts' : 'mediations'}/${id}`);
    if (what === 'contact') contacts.reload();
    else mediations.reload();
    return what === 'contact' ? 'The contact is deleted.' : 'The mediation is deleted.';
  });
  const open = (e: Editing) => {
    setMessage(null);
    setEditing(e);
  };
  const actions = (what: 'contact' | 'mediation', id: string, mineRow: boolean, label: string) =>
    mineRow && (
      <div className="row">
        <Button size="small" onClick={() => open({ what, id })} aria-label={`Open ${label}`}>
          Open
        </Button>
        <Button
          size="small"
          variant="ghost"
          busy={remove.busy}
          onClick={() => {
            if (window.confirm(`Delete ${label}?`)) void remove.run(what, id);
          }}
          aria-label={`Delete ${label}`}
        >
          Delete
        </Button>
      </div>
    );

  return (
    <Page
      title="Student support"
      description="Mentoring and informal counseling contacts and conflict mediations. Private notes are yours only."
      actions={
        canLog && (
          <>
            <Button variant="primary" onClick={() => open({ what: 'contact' })}>
              Record a contact
            </Button>
            <Button onClick={() => open({ what: 'mediation' })}>Record a mediation</Button>
          </>
        )
      }
    >
      <SupportTabs />
      <Notice message={message ?? remove.success} />
      <ErrorBanner error={remove.error} />
      {canLog && (
        <div role="search" className="filters" aria-label="Filter contacts">
          <CheckboxField
            label="Include others' contacts at my schools"
            checked={filters.all === 'true'}
            onChange={(on) => setFilters({ all: on ? 'true' : '', cpage: '', mpage: '' })}
          />
        </div>
      )}
      <div className="page-sections">
        <Section
          title="Contacts"
          id="contacts"
          actions={<DownloadCsv path="/mentoring/contacts" query={{ mine }} permission="support.read" />}
        >
          <LoadState resource={contacts} label="Loading contacts…">
            {({ items, total }) =>
              items.length === 0 ? (
                <EmptyState title="No contact recorded yet." />
              ) : (
                <>
                  <DataTable
                    caption="Mentoring and counseling contacts"
                    rows={items}
                    rowKey={(c) => c.id}
                    busy={contacts.loading}
                    columns={[
                      { header: 'Student', render: (c) => <strong>{c.student.name}</strong> },
                      { header: 'When', className: 'nowrap', render: (c) => formatDateTime(c.occurredAt) },
                      { header: 'Kind', render: (c) => CONTACT_KIND_LABELS[c.kind] },
                      { header: 'Topic', render: (c) => MENTORING_TOPIC_LABELS[c.topic] },
                      { header: 'Length', render: (c) => minutesText(c.durationMinutes) },
                      { header: 'By', render: (c) => (c.mine ? 'Me' : c.author.name) },
                      {
                        header: 'Actions',
                        hideLabelWhenStacked: true,
                        render: (c) =>
                          actions(
                            'contact',
                            c.id,
                            c.mine,
                            `contact with ${c.student.name}, ${formatDateTime(c.occurredAt)}`,
                          ),
                      },
                    ]}
                  />
                  {total > PAGE_SIZE && (
                    <Pagination
                      page={cpage}
                      pageSize={PAGE_SIZE}
                      total={total}
                      noun="contacts"
                      onPage={(p) => setFilters({ cpage: String(p) })}
                    />
                  )}
                </>
              )
            }
          </LoadState>
        </Section>
        <Section
          title="Mediations"
          id="mediations"
          actions={<DownloadCsv path="/mentoring/mediations" query={{ mine }} permission="support.read" />}
        >
          <LoadState resource={mediations} label="Loading mediations…">
            {({ items, total }) =>
              items.length === 0 ? (
                <EmptyState title="No mediation recorded yet." />
              ) : (
                <>
                  <DataTable
                    caption="Conflict mediations"
                    rows={items}
                    rowKey={(m) => m.id}
                    busy={mediations.loading}
                    columns={[
                      { header: 'Parties', render: (m) => m.parties.map((p) => p.name).join(', ') },
                      { header: 'When', className: 'nowrap', render: (m) => formatDateTime(m.occurredAt) },
                      { header: 'Outcome', render: (m) => MEDIATION_OUTCOME_LABELS[m.outcome] },
                      { header: 'Follow up', render: (m) => formatDay(m.followUpOn) },
                      { header: 'School', render: (m) => m.schoolName },
                      { header: 'By', render: (m) => (m.mine ? 'Me' : m.author.name) },
                      {
                        header: 'Actions',
                        hideLabelWhenStacked: true,
                        render: (m) =>
                          actions('mediation', m.id, m.mine, `mediation of ${formatDateTime(m.occurredAt)}`),
                      },
                    ]}
                  />
                  {total > PAGE_SIZE && (
                    <Pagination
                      page={mpage}
                      pageSize={PAGE_SIZE}
                      total={total}
                      noun="mediations"
                      onPage={(p) => setFilters({ mpage: String(p) })}
                    />
                  )}
                </>
              )
            }
          </LoadState>
        </Section>
      </div>
      <Dialog
        open={editing !== null}
        title={
          editing?.what === 'contact'
            ? editing.id
              ? 'Contact'
              : 'Record a contact'
            : editing?.id
              ? 'Mediation'
              : 'Record a mediation'
        }
        onClose={() => setEditing(null)}
        wide
      >
        {editing?.what === 'contact' && (
          <ContactForm
            contactId={editing.id}
            onCancel={() => setEditing(null)}
            onDone={(c) => {
              setEditing(null);
              setMessage(`The contact with ${c.student.name} is saved.`);
              contacts.reload();
            }}
          />
        )}
        {editing?.what === 'mediation' && (
          <MediationForm
            mediationId={editing.id}
            onCancel={() => setEditing(null)}
            onDone={() => {
              setEditing(null);
              setMessage('The mediation is saved.');
              mediations.reload();
            }}
          />
        )}
      </Dialog>
    </Page>
  );
}
