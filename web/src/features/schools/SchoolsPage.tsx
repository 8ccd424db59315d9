import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { CheckboxField, SelectField, TextField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { gradeSpan, levelLabel, plural } from '../../lib/format.ts';
import { useApiData, useSearchBox } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';
import { useUrlFilters } from '../../lib/url-state.ts';
import type { School } from '../../lib/types.ts';
import { LEVEL_OPTIONS, SchoolForm, type SchoolInput } from './SchoolForm.tsx';

/** The schools the user works at (all for district roles), with search and level filter; add a school. */
export function SchoolsPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const [filters, setFilters] = useUrlFilters(['q', 'level', 'inactive'] as const);
  const [search, setSearch] = useSearchBox(filters.q, (q) => setFilters({ q }));
  const [adding, setAdding] = useState(false);
  const resource = useApiData<{ items: School[] }>(
    '/schools',
    { q: filters.q, level: filters.level, includeInactive: filters.inactive === '1' ? 'true' : undefined },
    { keepPrevious: true },
  );
  const canManage = can('school.manage');

  const create = async (input: SchoolInput) => {
    const school = await api.post<School>('/schools', input);
    setAdding(false);
    navigate(`/schools/${school.id}`);
  };

  return (
    <Page
      title="Schools"
      description="Schools, their feeder relations, campus areas and SROs."
      actions={
        canManage && (
          <Button variant="primary" onClick={() => setAdding(true)}>
            Add school
          </Button>
        )
      }
    >
      <div role="search" className="filters" aria-label="Filter schools">
        <TextField
          label="Search"
          type="search"
          placeholder="Name, city or NCES id"
          value={search}
          onChange={setSearch}
        />
        <SelectField
          label="Level"
          value={filters.level}
          onChange={(level) => setFilters({ level })}
          options={LEVEL_OPTIONS}
          placeholder="All levels"
        />
        {canManage && (
          <CheckboxField
            label="Show inactive schools"
            checked={filters.inactive === '1'}
            onChange={(on) => setFilters({ inactive: on ? '1' : '' })}
          />
        )}
      </div>
      <LoadState resource={resource} label="Loading schools…">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState
              title={filters.q || filters.level ? 'No school matches these filters.' : 'No schools yet.'}
            >
              {filters.q || filters.level
                ? 'Try another search or level.'
                : canManage
                  ? 'Add the first school of the district.'
                  : null}
            </EmptyState>
          ) : (
            <>
              <p className="muted small" aria-live="polite">
                {plural(items.length, 'school')}
              </p>
              <DataTable
                caption="Schools"
                rows={items}
                rowKey={(s) => s.id}
                busy={resource.loading}
                columns={[
                  { header: 'School', render: (s) => <Link to={`/schools/${s.id}`}>{s.name}</Link> },
                  { header: 'Level', render: (s) => levelLabel(s.level) },
                  {
                    header: 'Grades',
                    render: (s) => gradeSpan(s.gradeLow, s.gradeHigh),
                    className: 'nowrap',
                  },
                  { header: 'City', render: (s) => s.city },
                  { header: 'NCES id', render: (s) => <span className="mono">{s.ncesId}</span> },
                  {
                    header: 'Status',
                    render: (s) =>
                      s.active ? <Badge tone="success">Active</Badge> : <Badge>Inactive</Badge>,
                  },
                ]}
              />
            </>
          )
        }
      </LoadState>
      <Dialog open={adding} title="Add a school" onClose={() => setAdding(false)} wide>
        <SchoolForm onSubmit={create} onCancel={() => setAdding(false)} submitLabel="Add school" />
      </Dialog>
    </Page>
  );
}
