import { DownloadCsv } from '../../components/DownloadCsv.tsx';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import type { TipQueuePage } from '@common/tip-queue.ts';
import { TIP_CATEGORY_LABELS, TIP_STATUSES } from '@common/tip-constants.ts';
import type { TipSummary } from '@common/tips.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { ErrorBanner } from '../../components/ErrorBanner.tsx';
import { api, withQuery } from '../../lib/api.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { SelectField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page } from '../../components/Page.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { useSchoolFilter, useSchoolOptions, withAllSchools } from '../../lib/options.ts';
import { useUrlFilters } from '../../lib/url-state.ts';
import { useLiveMessages } from '../alerts/live.tsx';
import { TIP_OUTCOME_LABELS, TIP_STATUS_LABELS, tipStatusTone } from './labels.ts';
import { SinceTimer } from './SinceTimer.tsx';

/** The tip queue of the user's schools: life-safety tips not yet acknowledged first, each with its timer. */
export function TipsPage() {
  const [filters, setFilters] = useUrlFilters(['schoolId', 'status', 'lifeSafety'] as const);
  const { schoolId, selectValue } = useSchoolFilter(filters.schoolId);
  const schools = useSchoolOptions();
  const query = { schoolId, status: filters.status, lifeSafety: filters.lifeSafety };
  const tips = useApiData<TipQueuePage>('/tips', query, { keepPrevious: true });
  // Later pages, fetched with "Load more" through the queue's cursor; a new first page starts over.
  const [more, setMore] = useState<{ items: TipSummary[]; nextCursor: string | null } | null>(null);
  const [loadingMore, setLoadingMore] = useState(false);
  const [moreError, setMoreError] = useState<Error | null>(null);
  useEffect(() => setMore(null), [tips.data]);
  const nextCursor = more ? more.nextCursor : (tips.data?.nextCursor ?? null);
  async function loadMore() {
    if (!nextCursor) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const page = await api.get<TipQueuePage>(withQuery('/tips', { ...query, cursor: nextCursor }));
      setMore((prev) => ({ items: [...(prev?.items ?? []), ...page.items], nextCursor: page.nextCursor }));
    } catch (error) {
      setMoreError(error instanceof Error ? error : new Error(String(error)));
    } finally {
      setLoadingMore(false);
    }
  }
  // A new life-safety tip joins the queue at once.
  useLiveMessages((message) => {
    if (message.type === 'tip.life_safety') tips.reload();
  });
  const filtered = Boolean(filters.status || filters.lifeSafety);

  return (
    <Page actions={<DownloadCsv path="/tips" query={query} permission="tip.read" />}
      title="Anonymous tips"
      description={
        <>
          Tips sent through the public tip line (<Link to="/report">/report</Link>). Opening a tip is logged.
        </>
      }
    >
      <div role="search" className="filters" aria-label="Filter tips">
        {schools.length > 1 && (
          <SelectField
            label="School"
            value={selectValue}
            onChange={(v) => setFilters({ schoolId: v })}
            options={withAllSchools(schools)}
          />
        )}
        <SelectField
          label="Status"
          value={filters.status}
          onChange={(status) => setFilters({ status })}
          options={TIP_STATUSES.map((s) => ({ value: s, label: TIP_STATUS_LABELS[s] }))}
          placeholder="Any status"
        />
        <SelectField
          label="Life safety"
          value={filters.lifeSafety}
          onChange={(lifeSafety) => setFilters({ lifeSafety })}
          options={[
            { value: 'true', label: 'Life-safety tips only' },
            { value: 'false', label: 'Other tips only' },
          ]}
          placeholder="All tips"
        />
      </div>
      {tips.data?.flood.possible && (
        <div className="banner banner-warning" role="status">
          <p className="banner-title">Possible flood on the tip line</p>
          <p>
            {tips.data.flood.lastHour} tips in the last hour against about {tips.data.flood.normalPerHour} an hour
            normally. Many may be copies or noise: look for the genuine ones with the filters, and page through the
            whole queue with Load more. Life-safety tips of one school page the team once while unacknowledged.
          </p>
        </div>
      )}
      <LoadState resource={tips} label="Loading tips…">
        {({ items: firstPage }) => {
          const items = more ? [...firstPage, ...more.items] : firstPage;
          return items.length === 0 ? (
            <EmptyState title={filtered ? 'No tip matches these filters.' : 'No tips yet.'}>
              {filtered ? 'Try another status.' : 'Tips sent for your schools appear here at once.'}
            </EmptyState>
          ) : (
            <DataTable
              caption="Tip queue, life-safety tips first"
              rows={items}
              rowKey={(t) => t.id}
              busy={tips.loading}
              columns={[
                {
                  header: 'Tip',
                  className: 'nowrap',
                  render: (t) => (
                    <Link to={`/tips/${t.id}`} className="mono">
                      {t.number}
                    </Link>
                  ),
                },
                {
                  header: 'Category',
                  render: (t) => (
                    <span className="row">
                      {t.lifeSafety && <Badge tone="danger">Life safety</Badge>}
                      {TIP_CATEGORY_LABELS[t.category]}
                    </span>
                  ),
                },
                { header: 'What was reported', render: (t) => t.excerpt },
                { header: 'School', render: (t) => t.schoolName },
                {
                  header: 'Received',
                  render: (t) => (
                    <span className="stack">
                      <time dateTime={t.createdAt}>{formatDateTime(t.createdAt)}</time>
                      {t.lifeSafety && t.status !== 'closed' && (
                        <SinceTimer since={t.createdAt} acknowledgedAt={t.acknowledgedAt} />
                      )}
                    </span>
                  ),
                },
                {
                  header: 'Status',
                  render: (t) => (
                    <span className="row">
                      <Badge tone={tipStatusTone(t.status)}>{TIP_STATUS_LABELS[t.status]}</Badge>
                      {t.outcome && <span className="small">{TIP_OUTCOME_LABELS[t.outcome]}</span>}
                      {t.hoax && <Badge tone="warning">Hoax</Badge>}
                      {t.unreadFromReporter > 0 && (
                        <Badge tone="info">
                          {t.unreadFromReporter} new message{t.unreadFromReporter === 1 ? '' : 's'}
                        </Badge>
                      )}
                    </span>
                  ),
                },
              ]}
            />
          );
        }}
      </LoadState>
      {moreError && <ErrorBanner error={moreError} />}
      {nextCursor && (
        <div className="row">
          <Button onClick={() => void loadMore()} disabled={loadingMore}>
            {loadingMore ? 'Loading…' : 'Load more tips'}
          </Button>
        </div>
      )}
    </Page>
  );
}
