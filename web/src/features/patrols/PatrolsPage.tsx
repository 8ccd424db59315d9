import { DownloadCsv } from '../../components/DownloadCsv.tsx';
import { useState } from 'react';
import { PATROL_KIND_LABELS, type PatrolEntry, type PatrolEntryPage } from '@common/patrols.ts';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorBanner, Notice } from '../../components/ErrorBanner.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { formatMinutes } from '../../lib/datetime.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useAction, useApiData } from '../../lib/hooks.ts';
import { useHomeSchoolId } from '../../lib/home-school.ts';
import { useSchoolOptions } from '../../lib/options.ts';
import { useSession } from '../../lib/session.tsx';
import { PatrolForm } from './PatrolForm.tsx';
import { QueuedWrites } from '../offline/QueuedWrites.tsx';
import { useQueueSent } from '../../lib/offline.tsx';
import { PatrolTabs } from './PatrolTabs.tsx';

/** One of my entries as a card (cards read better than a table on the phone this page is made for). */
function EntryCard({
  entry,
  onEdit,
  onDelete,
}: {
  entry: PatrolEntry;
  onEdit: () => void;
  onDelete: () => void;
}) {
  return (
    <li className="entry-card" data-patrol-id={entry.id}>
      <div className="row-between">
        <strong>{PATROL_KIND_LABELS[entry.kind]}</strong>
        <span className="muted small nowrap">{formatMinutes(entry.durationMinutes)}</span>
      </div>
      <p className="small">
        {formatDateTime(entry.startedAt)} · {entry.school.name}
        {entry.area && ` · ${entry.area.name}`}
        {!entry.mine && ` · ${entry.officer.name}`}
      </p>
      {entry.notes && <p className="pre-line">{entry.notes}</p>}
      {entry.mine && (
        <div className="row">
          <Button
            size="small"
            onClick={onEdit}
            aria-label={`Edit ${PATROL_KIND_LABELS[entry.kind]} patrol of ${formatDateTime(entry.startedAt)}`}
          >
            Edit
          </Button>
          <Button
            size="small"
            variant="ghost"
            onClick={onDelete}
            aria-label={`Delete ${PATROL_KIND_LABELS[entry.kind]} patrol of ${formatDateTime(entry.startedAt)}`}
          >
            Delete
          </Button>
        </div>
      )}
    </li>
  );
}

/**
 * Patrols (capability 5): the phone-first quick log for officers and security, and the latest entries: my own,
 * or for readers who do not patrol, the entries of their schools.
 */
export function PatrolsPage() {
  const { can, schools, selectedSchoolId } = useSession();
  const canLog = can('patrol.log');
  const schoolOptions = useSchoolOptions();
  const defaultSchoolId = useHomeSchoolId();
  const entries = useApiData<PatrolEntryPage>('/patrols', {
    mine: canLog ? 'true' : undefined,
    schoolId: canLog ? undefined : (selectedSchoolId ?? undefined),
    limit: 50,
  });
  const [editing, setEditing] = useState<PatrolEntry | null>(null);
  const [deleting, setDeleting] = useState<PatrolEntry | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  useQueueSent('patrol', () => entries.reload());
  const remove = useAction(async (entry: PatrolEntry) => {
    await api.delete(`/patrols/${entry.id}`);
    setDeleting(null);
    setMessage('The entry is deleted.');
    entries.reload();
  });

  return (
    <Page
      actions={
        <DownloadCsv
          path="/patrols"
          query={{
            mine: canLog ? 'true' : undefined,
            schoolId: canLog ? undefined : (selectedSchoolId ?? undefined),
            limit: 50,
          }}
          permission="patrol.read"
        />
      }
      title="Patrols & checks"
      description={
        canLog
          ? 'Log a patrol as you finish it; it also goes into your activity log.'
          : 'Patrols logged at your schools.'
      }
    >
      <PatrolTabs />
      <div className="page-sections">
        {canLog && (
          <Section title="Log a patrol" id="log">
            {schools.length === 0 ? (
              <EmptyState title="You are not assigned to a school yet." />
            ) : (
              <PatrolForm
                key={defaultSchoolId}
                schoolOptions={schoolOptions}
                defaultSchoolId={defaultSchoolId}
                onDone={() => entries.reload()}
              />
            )}
          </Section>
        )}
        <Section title={canLog ? 'My recent entries' : 'Recent patrols'} id="entries">
          <Notice message={message} />
          {canLog && <QueuedWrites kind="patrol" label="Patrols not yet sent" />}
          <LoadState resource={entries} label="Loading patrol entries…">
            {({ items, total }) =>
              items.length === 0 ? (
                <EmptyState title="No patrol logged yet." />
              ) : (
                <>
                  <p className="muted small">
                    {items.length < total
                      ? `The latest ${items.length} of ${total} entries`
                      : `${total} entries`}
                  </p>
                  <ul className="entry-cards" aria-label={canLog ? 'My patrol entries' : 'Patrol entries'}>
                    {items.map((entry) => (
                      <EntryCard
                        key={entry.id}
                        entry={entry}
                        onEdit={() => {
                          setMessage(null);
                          setEditing(entry);
                        }}
                        onDelete={() => {
                          setMessage(null);
                          remove.reset();
                          setDeleting(entry);
                        }}
                      />
                    ))}
                  </ul>
                </>
              )
            }
          </LoadState>
        </Section>
      </div>
      <Dialog open={editing !== null} title="Edit patrol entry" onClose={() => setEditing(null)}>
        {editing && (
          <PatrolForm
            entry={editing}
            schoolOptions={schoolOptions}
            defaultSchoolId={editing.school.id}
            onCancel={() => setEditing(null)}
            onDone={() => {
              setEditing(null);
              setMessage('The entry is saved.');
              entries.reload();
            }}
          />
        )}
      </Dialog>
      <Dialog open={deleting !== null} title="Delete this entry?" onClose={() => setDeleting(null)}>
        {deleting && (
          <div className="stack">
            <ErrorBanner error={remove.error} />
            <p>
              The {PATROL_KIND_LABELS[deleting.kind].toLowerCase()} patrol of{' '}
              {formatDateTime(deleting.startedAt)} and its activity-log entry will be removed.
            </p>
            <div className="form-actions">
              <Button variant="danger" busy={remove.busy} onClick={() => void remove.run(deleting)}>
                Delete entry
              </Button>
              <Button onClick={() => setDeleting(null)}>Keep it</Button>
            </div>
          </div>
        )}
      </Dialog>
    </Page>
  );
}
