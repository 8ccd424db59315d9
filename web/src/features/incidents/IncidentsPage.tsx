import { DownloadCsv } from '../../components/DownloadCsv.tsx';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  INCIDENT_STATUSES,
  LABELS,
  SCHOOL_SAFETY_CATEGORIES,
  type IncidentListItem,
  type IncidentSort,
  type Reference,
} from '@common/incidents.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useAction, useApiData, useSearchBox } from '../../lib/hooks.ts';
import { useSchoolFilter, useSchoolOptions, withAllSchools } from '../../lib/options.ts';
import { useSession } from '../../lib/session.tsx';
import { useUrlFilters } from '../../lib/url-state.ts';
import { IncidentTabs } from './IncidentTabs.tsx';
import { ASK_REASON_FIRST } from './readReason.tsx';
import { dayBoundary, statusLabel, statusTone } from './labels.ts';
import { NewIncidentForm } from './NewIncidentForm.tsx';

type PageBody = { items: IncidentListItem[]; nextCursor: string | null };

// The author opens their own draft or returned report without a reason (the server's rule), so the list asks first
// only for juvenile records in other states; a returned report of someone else still asks once the server answers 428.
const AUTHOR_STATES: readonly IncidentListItem['status'][] = ['draft', 'returned'];

const SORTS: { value: IncidentSort; label: string }[] = [
  { value: 'occurred_desc', label: 'Newest first' },
  { value: 'occurred_asc', label: 'Oldest first' },
  { value: 'number_desc', label: 'Number, high to low' },
  { value: 'number_asc', label: 'Number, low to high' },
];

/** Incidents of the user's schools: full-text search, filters, sorting, "load more" and a CSV export. */
export function IncidentsPage() {
  const { can } = useSession();
  const keys = ['q', 'schoolId', 'from', 'to', 'offense', 'status', 'person', 'sort'] as const;
  const [filters, setFilters] = useUrlFilters(keys);
  const [search, setSearch] = useSearchBox(filters.q, (q) => setFilters({ q }));
  const [person, setPerson] = useSearchBox(filters.person, (p) => setFilters({ person: p }));
  const { schoolId, selectValue } = useSchoolFilter(filters.schoolId);
  const schools = useSchoolOptions();
  const reference = useApiData<Reference>('/incidents/reference');
  const query = {
    q: filters.q,
    schoolId,
    from: dayBoundary(filters.from, false),
    to: dayBoundary(filters.to, true),
    offense: filters.offense,
    status: filters.status,
    person: filters.person,
    sort: filters.sort || 'occurred_desc',
  };
  const first = useApiData<PageBody>('/incidents', query, { keepPrevious: true });
  const [more, setMore] = useState<{
    base: PageBody;
    items: IncidentListItem[];
    nextCursor: string | null;
  } | null>(null);
  const loadMore = useAction(async () => {
    if (!first.data) return;
    const base = first.data;
    const cursor = more?.base === base ? more.nextCursor : base.nextCursor;
    if (!cursor) return;
    const next = await api.get<PageBody>('/incidents', { ...query, cursor });
    setMore((prev) => ({
      base,
      items: [...(prev?.base === base ? prev.items : []), ...next.items],
      nextCursor: next.nextCursor,
    }));
  });
  const [creating, setCreating] = useState(false);
  const offenseOptions = [
    ...SCHOOL_SAFETY_CATEGORIES.map((c) => ({ value: c, label: `School safety: ${LABELS.category[c]}` })),
    ...(reference.data?.offenses ?? []).map((o) => ({ value: o.code, label: `${o.code} ${o.name}` })),
  ];
  const filtered = Boolean(
    filters.q || filters.from || filters.to || filters.offense || filters.status || filters.person,
  );

  return (
    <Page
      title="Incidents"
      description="Reports of your schools. Opening a report is logged."
      actions={
        <>
          <DownloadCsv path="/incidents" query={query} permission="incident.read" />
          {can('incident.create') && (
            <Button variant="primary" onClick={() => setCreating(true)}>
              New incident
            </Button>
          )}
        </>
      }
    >
      <IncidentTabs />
      <div role="search" className="filters" aria-label="Search and filter incidents">
        <TextField
          label="Search"
          type="search"
          placeholder="Words, names or number"
          value={search}
          onChange={setSearch}
        />
        {schools.length > 1 && (
          <SelectField
            label="School"
            value={selectValue}
            onChange={(v) => setFilters({ schoolId: v })}
            options={withAllSchools(schools)}
          />
        )}
        <TextField
          label="From"
          type="date"
          value={filters.from}
          max={filters.to || undefined}
          onChange={(from) => setFilters({ from })}
        />
        <TextField
          label="To"
          type="date"
          value={filters.to}
          min={filters.from || undefined}
          onChange={(to) => setFilters({ to })}
        />
        <SelectField
          label="Offense"
          value={filters.offense}
          onChange={(offense) => setFilters({ offense })}
          options={offenseOptions}
          placeholder="Any offense"
        />
        <SelectField
          label="Status"
          value={filters.status}
          onChange={(status) => setFilters({ status })}
          options={INCIDENT_STATUSES.map((s) => ({ value: s, label: statusLabel(s) }))}
          placeholder="Any status"
        />
        <TextField label="Person" placeholder="Last name" value={person} onChange={setPerson} />
        <SelectField
          label="Sort"
          value={filters.sort || 'occurred_desc'}
          onChange={(sort) => setFilters({ sort: sort === 'occurred_desc' ? '' : sort })}
          options={SORTS}
        />
      </div>
      <LoadState resource={first} label="Loading incidents…">
        {(page) => {
          const extra = more?.base === page ? more : null;
          const rows = [...page.items, ...(extra?.items ?? [])];
          const nextCursor = extra ? extra.nextCursor : page.nextCursor;
          if (rows.length === 0)
            return (
              <EmptyState title={filtered ? 'No incident matches these filters.' : 'No incidents yet.'}>
                {filtered
                  ? 'Try fewer words or a wider date range.'
                  : 'Reports filed at your schools appear here.'}
              </EmptyState>
            );
          return (
            <>
              <DataTable
                caption="Incidents"
                rows={rows}
                rowKey={(i) => i.id}
                busy={first.loading}
                columns={[
                  {
                    header: 'Number',
                    render: (i) => (
                      <Link
                        to={`/incidents/${i.id}`}
                        // A juvenile record opens with a reason: ask before the read (the author's own draft needs none).
                        state={i.hasJuvenile && !AUTHOR_STATES.includes(i.status) ? ASK_REASON_FIRST : undefined}
                        className="mono"
                      >
                        {i.number}
                      </Link>
                    ),
                    className: 'nowrap',
                  },
                  {
                    header: 'When',
                    render: (i) => <time dateTime={i.occurredAt}>{formatDateTime(i.occurredAt)}</time>,
                  },
                  { header: 'School', render: (i) => i.schoolName },
                  {
                    header: 'Summary',
                    render: (i) => i.summary || <span className="muted">No summary</span>,
                  },
                  { header: 'Offenses', render: (i) => i.offenses.join(', ') },
                  {
                    header: 'Status',
                    render: (i) => (
                      <span className="row">
                        <Badge tone={statusTone(i.status)}>{statusLabel(i.status)}</Badge>
                        {i.hasJuvenile && <Badge tone="warning">Juvenile</Badge>}
                      </span>
                    ),
                  },
                  { header: 'Officer', render: (i) => i.authorName },
                ]}
              />
              <ErrorBanner error={loadMore.error} />
              <div className="pagination">
                <p className="muted" aria-live="polite">
                  {rows.length.toLocaleString()} incidents shown{nextCursor ? '' : ' (all)'}
                </p>
                {nextCursor && (
                  <Button busy={loadMore.busy} onClick={() => void loadMore.run()}>
                    Load more
                  </Button>
                )}
              </div>
            </>
          );
        }}
      </LoadState>
      <Dialog open={creating} title="New incident" onClose={() => setCreating(false)}>
        <NewIncidentForm defaultSchoolId={schoolId} onCancel={() => setCreating(false)} />
      </Dialog>
    </Page>
  );
}
