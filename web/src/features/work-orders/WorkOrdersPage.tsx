import { DownloadCsv } from '../../components/DownloadCsv.tsx';
import '../../styles/campus.css';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { WORK_ORDER_SOURCE_LABELS, type WorkOrder } from '@common/work-orders.ts';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { CheckboxField, SelectField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page } from '../../components/Page.tsx';
import { plural } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { useSchoolFilter, useSchoolOptions, withAllSchools } from '../../lib/options.ts';
import { useSession } from '../../lib/session.tsx';
import { useUrlFilters } from '../../lib/url-state.ts';
import { useSchoolsWhere } from '../../lib/campus.ts';
import { SOURCE_OPTIONS, STATUS_OPTIONS } from './labels.ts';
import { NewWorkOrderForm } from './NewWorkOrderForm.tsx';
import { DueDate, PriorityBadge, WorkOrderStatus, ownerText } from './parts.tsx';

const STATUS_FILTER = [{ value: 'active', label: 'Not closed' }, ...STATUS_OPTIONS];

/**
 * Work orders of the user's schools (failed checks and inspections, outages, assessment findings and
 * requests by hand): filters by school, status, source and overdue; overdue ones are flagged in red.
 */
export function WorkOrdersPage() {
  const { can } = useSession();
  const navigate = useNavigate();
  const [filters, setFilters] = useUrlFilters(['schoolId', 'status', 'source', 'overdue'] as const);
  const { schoolId, selectValue } = useSchoolFilter(filters.schoolId);
  const schoolOptions = useSchoolOptions();
  const manageable = useSchoolsWhere('work_order.manage');
  const status = filters.status || 'active';
  const list = useApiData<{ items: WorkOrder[] }>(
    '/work-orders',
    { schoolId, status, source: filters.source, overdue: filters.overdue === 'true' ? 'true' : undefined },
    { keepPrevious: true },
  );
  const [adding, setAdding] = useState(false);
  const filtered = Boolean(filters.source || filters.overdue || status !== 'active');

  return (
    <Page
      title="Work orders"
      description="Repairs and fixes from failed checks and inspections, outages, assessment findings and requests."
      actions={<><DownloadCsv path="/work-orders" query={{ schoolId, status, source: filters.source, overdue: filters.overdue === 'true' ? 'true' : undefined }} permission="work_order.read" />{can('work_order.manage') &&
        manageable.length > 0 && (
          <Button variant="primary" onClick={() => setAdding(true)}>
            New work order
          </Button>
        )}</>}
    >
      <div role="search" className="filters" aria-label="Filter work orders">
        {schoolOptions.length > 1 && (
          <SelectField
            label="School"
            value={selectValue}
            onChange={(v) => setFilters({ schoolId: v })}
            options={withAllSchools(schoolOptions)}
          />
        )}
        <SelectField
          label="Status"
          value={status}
          onChange={(v) => setFilters({ status: v === 'active' ? '' : v })}
          options={STATUS_FILTER}
        />
        <SelectField
          label="Source"
          value={filters.source}
          onChange={(source) => setFilters({ source })}
          options={SOURCE_OPTIONS}
          placeholder="All sources"
        />
        <CheckboxField
          label="Overdue only"
          checked={filters.overdue === 'true'}
          onChange={(on) => setFilters({ overdue: on ? 'true' : '' })}
        />
      </div>
      <LoadState resource={list} label="Loading work orders…">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState title={filtered ? 'No work order matches these filters.' : 'No open work order.'} />
          ) : (
            <>
              <p className="muted small" aria-live="polite">
                {plural(items.length, 'work order')}
                {items.some((o) => o.overdue) && `, ${items.filter((o) => o.overdue).length} overdue`}
              </p>
              <DataTable
                caption="Work orders"
                rows={items}
                rowKey={(o) => o.id}
                busy={list.loading}
                columns={[
                  {
                    header: 'Work order',
                    render: (o) => (
                      <span className="stack-tight">
                        <Link to={`/work-orders/${o.id}`}>
                          <span className="mono">{o.number}</span> {o.title}
                        </Link>
                        <span className="muted small">{WORK_ORDER_SOURCE_LABELS[o.source]}</span>
                      </span>
                    ),
                  },
                  {
                    header: 'Where',
                    render: (o) => (o.area ? `${o.school.name} · ${o.area.name}` : o.school.name),
                  },
                  { header: 'Priority', render: (o) => <PriorityBadge priority={o.priority} /> },
                  { header: 'Status', render: (o) => <WorkOrderStatus order={o} /> },
                  { header: 'Due', className: 'nowrap', render: (o) => <DueDate order={o} /> },
                  { header: 'Done by', render: (o) => ownerText(o) },
                ]}
              />
            </>
          )
        }
      </LoadState>
      <Dialog open={adding} title="New work order" onClose={() => setAdding(false)} wide>
        {adding && (
          <NewWorkOrderForm
            schoolOptions={manageable}
            defaultSchoolId={schoolId}
            onCancel={() => setAdding(false)}
            onDone={(o) => {
              setAdding(false);
              navigate(`/work-orders/${o.id}`, { state: { message: `Work order ${o.number} is open.` } });
            }}
          />
        )}
      </Dialog>
    </Page>
  );
}
