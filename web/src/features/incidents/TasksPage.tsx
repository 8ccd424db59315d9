import { DownloadCsv } from '../../components/DownloadCsv.tsx';
import { Link } from 'react-router-dom';
import type { Task } from '@common/incidents.ts';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Badge } from '../../components/Badge.tsx';
import { CheckboxField, SelectField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page } from '../../components/Page.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { useUrlFilters } from '../../lib/url-state.ts';
import { Countdown } from './Countdown.tsx';
import { IncidentTabs } from './IncidentTabs.tsx';

/** Open follow-up tasks and notification deadlines, due first, each with its clock. */
export function TasksPage() {
  const [filters, setFilters] = useUrlFilters(['scope', 'status', 'kind', 'overdue'] as const);
  const resource = useApiData<{ items: Task[] }>(
    '/incident-tasks',
    {
      scope: filters.scope || 'mine',
      status: filters.status || 'open',
      kind: filters.kind || undefined,
      overdue: filters.overdue === 'true' ? 'true' : undefined,
    },
    { keepPrevious: true },
  );
  return (
    <Page actions={<DownloadCsv path="/incident-tasks" query={{ scope: filters.scope || 'mine', status: filters.status || 'open', kind: filters.kind || undefined, overdue: filters.overdue === 'true' ? 'true' : undefined, }} permission="incident.read" />} title="Tasks" description="Follow-ups and notification deadlines of incidents, due first.">
      <IncidentTabs />
      <div role="search" className="filters" aria-label="Filter tasks">
        <SelectField
          label="Whose"
          value={filters.scope || 'mine'}
          onChange={(scope) => setFilters({ scope: scope === 'mine' ? '' : scope })}
          options={[
            { value: 'mine', label: 'Mine' },
            { value: 'all', label: 'Everyone at my schools' },
          ]}
        />
        <SelectField
          label="Status"
          value={filters.status || 'open'}
          onChange={(status) => setFilters({ status: status === 'open' ? '' : status })}
          options={[
            { value: 'open', label: 'Open' },
            { value: 'done', label: 'Done' },
            { value: 'all', label: 'All' },
          ]}
        />
        <SelectField
          label="Kind"
          value={filters.kind || ''}
          onChange={(kind) => setFilters({ kind })}
          options={[
            { value: '', label: 'All tasks' },
            { value: 'notification', label: 'Notifications' },
            { value: 'follow_up', label: 'Follow-ups' },
          ]}
        />
        <CheckboxField
          label="Overdue only"
          checked={filters.overdue === 'true'}
          onChange={(on) => setFilters({ overdue: on ? 'true' : '' })}
        />
      </div>
      <LoadState resource={resource} label="Loading tasks…">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState title="No tasks here." />
          ) : (
            <DataTable
              caption="Tasks"
              rows={items}
              rowKey={(t) => t.id}
              busy={resource.loading}
              columns={[
                {
                  header: 'Task',
                  render: (t) => (
                    <span>
                      {t.title} {t.overdue && <Badge tone="danger">Overdue</Badge>}
                    </span>
                  ),
                },
                {
                  header: 'Incident',
                  render: (t) => <Link to={`/incidents/${t.incidentId}`}>{t.incidentNumber}</Link>,
                },
                { header: 'Owner', render: (t) => t.ownerName },
                { header: 'Due', render: (t) => formatDateTime(t.dueAt) },
                { header: 'Clock', render: (t) => <Countdown dueAt={t.dueAt} done={Boolean(t.doneAt)} /> },
              ]}
            />
          )
        }
      </LoadState>
    </Page>
  );
}
