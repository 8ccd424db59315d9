import { OUTBOX_STATUSES, type OutboxPage as OutboxAnswer, type OutboxStatus } from '@common/notices.ts';
import { Badge } from '../../components/Badge.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { SelectField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page } from '../../components/Page.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { useUrlFilters } from '../../lib/url-state.ts';
import { OutboxTtlForm } from './OutboxTtlForm.tsx';

const STATUS_LABELS: Record<OutboxStatus, string> = { pending: 'Waiting', sent: 'Sent', failed: 'Failed' };
const PAGE_SIZE = 50;

function StatusBadge({ status }: { status: OutboxStatus }) {
  const tone = status === 'sent' ? 'success' : status === 'failed' ? 'danger' : 'warning';
  return <Badge tone={tone}>{STATUS_LABELS[status]}</Badge>;
}

/** The e-mail outbox of the district: every message queued, whether it went out, and why not. */
export function OutboxPage() {
  const [filters, setFilters] = useUrlFilters(['status', 'page'] as const);
  const page = Math.max(1, Number(filters.page) || 1);
  const status = (OUTBOX_STATUSES as readonly string[]).includes(filters.status) ? filters.status : undefined;
  const outbox = useApiData<OutboxAnswer>(
    '/outbox',
    { status, page, pageSize: PAGE_SIZE },
    { keepPrevious: true },
  );

  return (
    <Page
      title="E-mail outbox"
      description="Every e-mail the district sends waits here until it is delivered."
      breadcrumbs={[{ label: 'District settings', to: '/district' }]}
    >
      <div role="search" className="filters" aria-label="Filter e-mail">
        <SelectField
          label="Status"
          value={status ?? ''}
          onChange={(v) => setFilters({ status: v })}
          options={OUTBOX_STATUSES.map((s) => ({ value: s, label: STATUS_LABELS[s] }))}
          placeholder="All e-mail"
        />
      </div>
      <LoadState resource={outbox} label="Loading the outbox…">
        {(data) => (
          <>
            {!data.smtpConfigured && (
              <div className="banner banner-warning">
                <p className="banner-text">No mail server is configured: nothing is sent, mail waits here.</p>
              </div>
            )}
            {data.items.length === 0 ? (
              <EmptyState
                title={
                  status
                    ? `No ${STATUS_LABELS[status as OutboxStatus].toLowerCase()} e-mail.`
                    : 'No e-mail yet.'
                }
              />
            ) : (
              <>
                <DataTable
                  caption="E-mail outbox"
                  rows={data.items}
                  rowKey={(m) => m.id}
                  busy={outbox.loading}
                  columns={[
                    { header: 'Queued', className: 'nowrap', render: (m) => formatDateTime(m.createdAt) },
                    { header: 'To', render: (m) => m.to },
                    { header: 'Subject', render: (m) => m.subject },
                    { header: 'Status', render: (m) => <StatusBadge status={m.status} /> },
                    {
                      header: 'Delivery',
                      render: (m) =>
                        m.status === 'sent'
                          ? formatDateTime(m.sentAt)
                          : m.status === 'failed'
                            ? `${m.lastError ?? 'Failed'} (${m.attempts} attempts)`
                            : m.nextAttemptAt
                              ? `Next try ${formatDateTime(m.nextAttemptAt)}${m.lastError ? `: ${m.lastError}` : ''}`
                              : 'Queued',
                    },
                  ]}
                />
                <Pagination
                  page={page}
                  pageSize={PAGE_SIZE}
                  total={data.total}
                  noun="e-mail"
                  onPage={(p) => setFilters({ page: String(p), status: filters.status })}
                />
              </>
            )}
          </>
        )}
      </LoadState>
      <OutboxTtlForm />
    </Page>
  );
}
