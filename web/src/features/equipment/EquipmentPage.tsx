import '../../styles/campus.css';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { EQUIPMENT_TYPE_LABELS, type EquipmentPage as EquipmentList } from '@common/equipment.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Notice } from '../../components/ErrorBanner.tsx';
import { CheckboxField, SelectField, TextField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page } from '../../components/Page.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { withQuery } from '../../lib/api.ts';
import { useSchoolsWhere } from '../../lib/campus.ts';
import { plural } from '../../lib/format.ts';
import { useApiData, useSearchBox } from '../../lib/hooks.ts';
import { useSchoolFilter, useSchoolOptions, withAllSchools } from '../../lib/options.ts';
import { useUrlFilters } from '../../lib/url-state.ts';
import { useAreaOptions } from '../work-orders/parts.tsx';
import { EquipmentForm } from './EquipmentForm.tsx';
import { EquipmentTabs } from './EquipmentTabs.tsx';
import { ImportForm } from './ImportForm.tsx';
import {
  ConditionBadge,
  ExpiryCell,
  FILTER_OPTIONS,
  InspectionDue,
  LastInspection,
  TYPE_OPTIONS,
} from './parts.tsx';

const PAGE_SIZE = 100;

/**
 * The safety-equipment inventory of the user's schools: filters (school, area, type, due / expiring, search),
 * items whose inspection is overdue or whose parts expire stand out; add, CSV import and export for managers.
 */
export function EquipmentPage() {
  const navigate = useNavigate();
  const keys = ['schoolId', 'areaId', 'type', 'filter', 'q', 'retired', 'page'] as const;
  const [filters, setFilters] = useUrlFilters(keys);
  const [search, setSearch] = useSearchBox(filters.q, (q) => setFilters({ q }));
  const { schoolId, selectValue } = useSchoolFilter(filters.schoolId);
  const schoolOptions = useSchoolOptions();
  const manageable = useSchoolsWhere('equipment.manage');
  const areas = useAreaOptions(schoolId);
  const page = Math.max(1, Number(filters.page) || 1);
  const query = {
    schoolId,
    areaId: schoolId ? filters.areaId : '',
    type: filters.type,
    filter: filters.filter || 'all',
    q: filters.q,
    retired: filters.retired === '1' ? 'all' : 'false',
  };
  const list = useApiData<EquipmentList>(
    '/equipment',
    { ...query, limit: PAGE_SIZE, offset: (page - 1) * PAGE_SIZE },
    { keepPrevious: true },
  );
  const [dialog, setDialog] = useState<'add' | 'import' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const filtered = Boolean(
    filters.areaId || filters.type || filters.q || (filters.filter && filters.filter !== 'all'),
  );

  return (
    <Page
      title="Safety equipment"
      description="AEDs, kits, naloxone, radios, extinguishers and go-buckets: where they are, inspections and expiry dates."
      actions={
        <>
          {manageable.length > 0 && (
            <>
              <Button variant="primary" onClick={() => setDialog('add')}>
                Add item
              </Button>
              <Button onClick={() => setDialog('import')}>Import CSV</Button>
            </>
          )}
          <a className="btn btn-secondary" href={withQuery('/api/equipment/export.csv', query)} download>
            Export CSV
          </a>
        </>
      }
    >
      <EquipmentTabs />
      <Notice message={message} />
      <div role="search" className="filters" aria-label="Filter equipment">
        <TextField
          label="Search"
          type="search"
          placeholder="Name or serial number"
          value={search}
          onChange={setSearch}
        />
        {schoolOptions.length > 1 && (
          <SelectField
            label="School"
            value={selectValue}
            onChange={(v) => setFilters({ schoolId: v, areaId: '' })}
            options={withAllSchools(schoolOptions)}
          />
        )}
        {schoolId && (
          <SelectField
            label="Area"
            value={filters.areaId}
            onChange={(areaId) => setFilters({ areaId })}
            options={areas}
            placeholder="All areas"
          />
        )}
        <SelectField
          label="Type"
          value={filters.type}
          onChange={(type) => setFilters({ type })}
          options={TYPE_OPTIONS}
          placeholder="All types"
        />
        <SelectField
          label="Show"
          value={filters.filter || 'all'}
          onChange={(v) => setFilters({ filter: v === 'all' ? '' : v })}
          options={FILTER_OPTIONS}
        />
        <CheckboxField
          label="Include retired items"
          checked={filters.retired === '1'}
          onChange={(on) => setFilters({ retired: on ? '1' : '' })}
        />
      </div>
      <LoadState resource={list} label="Loading equipment…">
        {({ items, total }) =>
          items.length === 0 ? (
            <EmptyState
              title={filtered ? 'No item matches these filters.' : 'No equipment recorded yet.'}
              action={
                !filtered && manageable.length > 0 ? (
                  <Button onClick={() => setDialog('add')}>Add item</Button>
                ) : undefined
              }
            />
          ) : (
            <>
              <DataTable
                caption="Safety equipment"
                rows={items}
                rowKey={(i) => i.id}
                busy={list.loading}
                columns={[
                  {
                    header: 'Item',
                    render: (i) => (
                      <span className="stack-tight">
                        <Link to={`/equipment/${i.id}`}>{i.name}</Link>
                        <span className="muted small">
                          {EQUIPMENT_TYPE_LABELS[i.type]}
                          {i.serialNumber && ` · S/N ${i.serialNumber}`}
                        </span>
                        {i.retired && <Badge>Retired</Badge>}
                      </span>
                    ),
                  },
                  {
                    header: 'Where',
                    render: (i) => (i.area ? `${i.school.name} · ${i.area.name}` : i.school.name),
                  },
                  { header: 'Condition', render: (i) => <ConditionBadge condition={i.condition} /> },
                  { header: 'Next inspection', render: (i) => <InspectionDue item={i} /> },
                  { header: 'Expiry', render: (i) => <ExpiryCell item={i} /> },
                  { header: 'Last inspection', render: (i) => <LastInspection item={i} /> },
                ]}
              />
              {total > PAGE_SIZE && (
                <Pagination
                  page={page}
                  pageSize={PAGE_SIZE}
                  total={total}
                  noun="items"
                  onPage={(p) => setFilters({ page: String(p) })}
                />
              )}
              {total <= PAGE_SIZE && <p className="muted small">{plural(total, 'item')}</p>}
            </>
          )
        }
      </LoadState>
      <Dialog open={dialog === 'add'} title="Add equipment" onClose={() => setDialog(null)} wide>
        {dialog === 'add' && (
          <EquipmentForm
            schoolOptions={manageable}
            defaultSchoolId={schoolId}
            onCancel={() => setDialog(null)}
            onDone={(item) => {
              setDialog(null);
              navigate(`/equipment/${item.id}`, { state: { message: `${item.name} is in the inventory.` } });
            }}
          />
        )}
      </Dialog>
      <Dialog
        open={dialog === 'import'}
        title="Import equipment from CSV"
        onClose={() => setDialog(null)}
        wide
      >
        {dialog === 'import' && (
          <ImportForm
            schoolOptions={manageable}
            defaultSchoolId={schoolId}
            onCancel={() => setDialog(null)}
            onDone={(n) => {
              setDialog(null);
              setMessage(`Imported ${plural(n, 'item')}.`);
              list.reload();
            }}
          />
        )}
      </Dialog>
    </Page>
  );
}
