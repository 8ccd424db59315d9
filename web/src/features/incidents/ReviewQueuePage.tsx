import { Link } from 'react-router-dom';
import type { IncidentListItem } from '@common/incidents.ts';
import { Badge } from '../../components/Badge.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page } from '../../components/Page.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';
import { IncidentTabs } from './IncidentTabs.tsx';
import { usePolling } from './usePolling.ts';

/** Reports waiting for the supervisor: oldest first; open one to approve or return it. */
export function ReviewQueuePage() {
  const { selectedSchoolId } = useSession();
  const resource = useApiData<{ items: IncidentListItem[]; nextCursor: string | null }>('/incidents', {
    awaitingReview: 'true',
    schoolId: selectedSchoolId ?? undefined,
    sort: 'occurred_asc',
    limit: 200,
  });
  usePolling(resource.reload, 30_000);
  return (
    <Page
      title="Review queue"
      description="Reports and supplements submitted for your approval. Open one to approve it or return it with a comment."
    >
      <IncidentTabs />
      <LoadState resource={resource} label="Loading the review queue…">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState title="Nothing to review.">Submitted reports appear here.</EmptyState>
          ) : (
            <DataTable
              caption="Reports waiting for review"
              rows={items}
              rowKey={(i) => i.id}
              busy={resource.loading}
              columns={[
                {
                  header: 'Number',
                  render: (i) => (
                    <Link
                      to={`/incidents/${i.id}`}
                      className="mono"
                      aria-label={`Review incident ${i.number}`}
                    >
                      {i.number}
                    </Link>
                  ),
                },
                { header: 'When', render: (i) => formatDateTime(i.occurredAt) },
                { header: 'School', render: (i) => i.schoolName },
                { header: 'Summary', render: (i) => i.summary },
                { header: 'Officer', render: (i) => i.authorName },
                {
                  header: 'Submitted',
                  render: (i) => <Badge tone="info">{formatDateTime(i.updatedAt)}</Badge>,
                },
              ]}
            />
          )
        }
      </LoadState>
    </Page>
  );
}
