import { DownloadCsv } from '../../components/DownloadCsv.tsx';
import '../../styles/campus.css';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { DIRECTORY_KIND_LABELS, type DirectoryEntry } from '@common/directory.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { CheckboxField, SelectField, TextField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page } from '../../components/Page.tsx';
import { useApiData, useSearchBox } from '../../lib/hooks.ts';
import { useAllSchoolOptions } from '../../lib/options.ts';
import { useSession } from '../../lib/session.tsx';
import { useUrlFilters } from '../../lib/url-state.ts';
import { DirectoryForm, KIND_OPTIONS } from './DirectoryForm.tsx';
import { ContactLines, servedText } from './parts.tsx';

/**
 * The contact directory: agencies, vendors and community organizations, filtered by kind, school and a
 * search; holders of directory.manage add entries here and edit them on the entry's page.
 */
export function DirectoryPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const canManage = can('directory.manage');
  const [filters, setFilters] = useUrlFilters(['q', 'kind', 'schoolId', 'inactive'] as const);
  const [search, setSearch] = useSearchBox(filters.q, (q) => setFilters({ q }));
  const schools = useAllSchoolOptions();
  const list = useApiData<{ items: DirectoryEntry[] }>(
    '/directory',
    {
      q: filters.q,
      kind: filters.kind,
      schoolId: filters.schoolId,
      active: filters.inactive === '1' ? 'all' : 'true',
    },
    { keepPrevious: true },
  );
  const [adding, setAdding] = useState(false);
  const filtered = Boolean(filters.q || filters.kind || filters.schoolId);

  return (
    <Page
      title="Directory"
      description="Agencies, vendors and community organizations the schools work with."
      actions={<><DownloadCsv path="/directory" query={{ q: filters.q, kind: filters.kind, schoolId: filters.schoolId, active: filters.inactive === '1' ? 'all' : 'true', }} permission="directory.read" />{canManage && (
          <Button variant="primary" onClick={() => setAdding(true)}>
            Add an entry
          </Button>
        )}</>}
    >
      <div role="search" className="filters" aria-label="Filter the directory">
        <TextField
          label="Search"
          type="search"
          placeholder="Name, contact or service"
          value={search}
          onChange={setSearch}
        />
        <SelectField
          label="Kind"
          value={filters.kind}
          onChange={(kind) => setFilters({ kind })}
          options={KIND_OPTIONS}
          placeholder="All kinds"
        />
        <SelectField
          label="Serving the school"
          value={filters.schoolId}
          onChange={(schoolId) => setFilters({ schoolId })}
          options={schools}
          placeholder="All schools"
        />
        {canManage && (
          <CheckboxField
            label="Include inactive entries"
            checked={filters.inactive === '1'}
            onChange={(on) => setFilters({ inactive: on ? '1' : '' })}
          />
        )}
      </div>
      <LoadState resource={list} label="Loading the directory…">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState
              title={filtered ? 'Nothing in the directory matches these filters.' : 'The directory is empty.'}
              action={
                canManage && !filtered ? (
                  <Button onClick={() => setAdding(true)}>Add an entry</Button>
                ) : undefined
              }
            />
          ) : (
            <DataTable
              caption="Directory entries"
              rows={items}
              rowKey={(e) => e.id}
              busy={list.loading}
              columns={[
                {
                  header: 'Name',
                  render: (e) => (
                    <span>
                      <Link to={`/directory/${e.id}`}>{e.name}</Link> {!e.active && <Badge>Inactive</Badge>}
                    </span>
                  ),
                },
                { header: 'Kind', render: (e) => DIRECTORY_KIND_LABELS[e.kind] },
                { header: 'Contact', render: (e) => <ContactLines entry={e} /> },
                { header: 'Serves', render: (e) => servedText(e) },
                { header: 'Services', render: (e) => e.services ?? '' },
              ]}
            />
          )
        }
      </LoadState>
      <Dialog open={adding} title="Add to the directory" onClose={() => setAdding(false)} wide>
        {adding && (
          <DirectoryForm
            schoolOptions={schools}
            onCancel={() => setAdding(false)}
            onDone={(entry) => {
              setAdding(false);
              navigate(`/directory/${entry.id}`, {
                state: { message: `${entry.name} is in the directory.` },
              });
            }}
          />
        )}
      </Dialog>
    </Page>
  );
}
