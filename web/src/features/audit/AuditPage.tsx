import { useState } from 'react';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { DownloadCsv } from '../../components/DownloadCsv.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { UserPicker } from '../../components/UserPicker.tsx';
import { Page } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useAction, useApiData, useSearchBox } from '../../lib/hooks.ts';
import { useAllSchoolOptions } from '../../lib/options.ts';
import { useSession } from '../../lib/session.tsx';
import { useUrlFilters } from '../../lib/url-state.ts';
import type { AuditItem, AuditPage as AuditPageBody } from '../../lib/types.ts';

function detailText(detail: unknown): string {
  if (detail === null || detail === undefined) return '';
  if (typeof detail !== 'object') return String(detail);
  const entries = Object.entries(detail as Record<string, unknown>);
  return entries.map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : String(v)}`).join('\n');
}

/** The audit log: filters (actor, school, event type, dates), a table with "load more" and a CSV export. */
export function AuditPage() {
  const { can } = useSession();
  const [filters, setFilters] = useUrlFilters([
    'q',
    'actorId',
    'schoolId',
    'eventType',
    'from',
    'to',
  ] as const);
  const [search, setSearch] = useSearchBox(filters.q, (q) => setFilters({ q }));
  const query = {
    q: filters.q,
    actorId: filters.actorId,
    schoolId: filters.schoolId,
    eventType: filters.eventType,
    from: filters.from,
    to: filters.to,
  };
  const first = useApiData<AuditPageBody>('/audit', query, { keepPrevious: true });
  const types = useApiData<{ items: { type: string; meaning: string }[] }>('/audit/event-types');
  const schools = useAllSchoolOptions();
  // Pages after the first, fetched on "Load more"; they belong to one first page and vanish with it.
  const [more, setMore] = useState<{
    base: AuditPageBody;
    items: AuditItem[];
    nextCursor: string | null;
  } | null>(null);
  const loadMore = useAction(async () => {
    if (!first.data) return;
    const base = first.data;
    const cursor = more?.base === base ? more.nextCursor : base.nextCursor;
    if (!cursor) return;
    const page = await api.get<AuditPageBody>('/audit', { ...query, cursor });
    setMore((prev) => ({
      base,
      items: [...(prev?.base === base ? prev.items : []), ...page.items],
      nextCursor: page.nextCursor,
    }));
  });
  const meaning = (e: AuditItem) =>
    e.meaning ?? types.data?.items.find((t) => t.type === e.eventType)?.meaning;
  const typeOptions = (types.data?.items ?? []).map((t) => ({
    value: t.type,
    label: `${t.type}: ${t.meaning}`,
  }));

  return (
    <Page
      title="Audit log"
      description="Every sign-in, change and read of protected records, newest first. The log cannot be changed."
      actions={<DownloadCsv path="/audit" query={query} permission="audit.read" />}
    >
      <div role="search" className="filters" aria-label="Filter the audit log">
        <TextField
          label="Search"
          type="search"
          placeholder="Name, e-mail, id or detail"
          value={search}
          onChange={setSearch}
        />
        {can('user.read') && (
          <UserPicker label="Who" value={filters.actorId} onChange={(actorId) => setFilters({ actorId })} />
        )}
        <SelectField
          label="School"
          value={filters.schoolId}
          onChange={(schoolId) => setFilters({ schoolId })}
          options={schools}
          placeholder="All schools"
        />
        <SelectField
          label="Event"
          value={filters.eventType}
          onChange={(eventType) => setFilters({ eventType })}
          options={typeOptions}
          placeholder="All events"
        />
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
      </div>
      <LoadState resource={first} label="Loading the audit log…">
        {(page) => {
          const extra = more?.base === page ? more : null;
          const rows = [...page.items, ...(extra?.items ?? [])];
          const nextCursor = extra ? extra.nextCursor : page.nextCursor;
          if (rows.length === 0) return <EmptyState title="No event matches these filters." />;
          return (
            <>
              <DataTable
                caption="Audit events"
                rows={rows}
                rowKey={(e) => String(e.id)}
                busy={first.loading}
                columns={[
                  {
                    header: 'When',
                    render: (e) => <time dateTime={e.at}>{formatDateTime(e.at)}</time>,
                    className: 'nowrap',
                  },
                  { header: 'Who', render: (e) => e.actorLabel },
                  {
                    header: 'Event',
                    render: (e) => (
                      <span>
                        <code>{e.eventType}</code>
                        <br />
                        <span className="muted small">{meaning(e)}</span>
                      </span>
                    ),
                  },
                  { header: 'School', render: (e) => e.schoolName ?? '' },
                  {
                    header: 'Subject',
                    render: (e) =>
                      e.subjectType
                        ? `${e.subjectType}${e.subjectId ? ` ${e.subjectId.slice(0, 8)}` : ''}`
                        : '',
                  },
                  {
                    header: 'Detail',
                    render: (e) => <pre className="audit-detail">{detailText(e.detail)}</pre>,
                  },
                ]}
              />
              <ErrorBanner error={loadMore.error} />
              <div className="pagination">
                <p className="muted" aria-live="polite">
                  {rows.length.toLocaleString()} events shown{nextCursor ? '' : ' (all)'}
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
    </Page>
  );
}
