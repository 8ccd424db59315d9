import '../../styles/campus.css';
import { useState, type ReactNode } from 'react';
import { useLocation, useParams } from 'react-router-dom';
import { DIRECTORY_KIND_LABELS, type DirectoryEntry } from '@common/directory.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { Notice } from '../../components/ErrorBanner.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { useAllSchoolOptions } from '../../lib/options.ts';
import { useSession } from '../../lib/session.tsx';
import { DirectoryForm } from './DirectoryForm.tsx';
import { ContactLines, servedText } from './parts.tsx';

function Item({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children || <span className="muted">Not given</span>}</dd>
    </div>
  );
}

/** One directory entry: how to reach them, what they do, the schools they serve; editable by managers. */
export function DirectoryEntryPage() {
  const { id = '' } = useParams();
  const location = useLocation();
  const { can } = useSession();
  const canManage = can('directory.manage');
  const resource = useApiData<DirectoryEntry>(`/directory/${id}`);
  const schools = useAllSchoolOptions(canManage);
  const [editing, setEditing] = useState(false);
  const [message, setMessage] = useState<string | null>(
    (location.state as { message?: string } | null)?.message ?? null,
  );
  const e = resource.data;

  return (
    <Page
      title={e?.name ?? 'Directory entry'}
      breadcrumbs={[{ label: 'Directory', to: '/directory' }]}
      description={e && DIRECTORY_KIND_LABELS[e.kind]}
      actions={
        e &&
        canManage && (
          <Button
            onClick={() => {
              setMessage(null);
              setEditing(true);
            }}
          >
            Edit entry
          </Button>
        )
      }
    >
      <Notice message={message} />
      <LoadState resource={resource} label="Loading the entry…">
        {(entry) => (
          <Section title="Details" id="details">
            {!entry.active && (
              <p>
                <Badge tone="warning">Inactive</Badge> No new referrals or work orders go to this entry.
              </p>
            )}
            <dl className="details">
              <Item term="Contact">
                <ContactLines entry={entry} />
              </Item>
              <Item term="Website">
                {entry.website && (
                  <a href={entry.website} target="_blank" rel="noreferrer">
                    {entry.website}
                  </a>
                )}
              </Item>
              <Item term="Address">{entry.address}</Item>
              <Item term="Serves">{servedText(entry)}</Item>
              <Item term="Services">
                {entry.services && <span className="pre-line">{entry.services}</span>}
              </Item>
              <Item term="Notes">{entry.notes && <span className="pre-line">{entry.notes}</span>}</Item>
              <Item term="Last changed">{formatDateTime(entry.updatedAt)}</Item>
            </dl>
          </Section>
        )}
      </LoadState>
      {e && (
        <Dialog open={editing} title={`Edit ${e.name}`} onClose={() => setEditing(false)} wide>
          {editing && (
            <DirectoryForm
              entry={e}
              schoolOptions={schools}
              onCancel={() => setEditing(false)}
              onDone={(next) => {
                setEditing(false);
                resource.mutate(next);
                setMessage('The entry is saved.');
              }}
            />
          )}
        </Dialog>
      )}
    </Page>
  );
}
