import { DownloadCsv } from '../../components/DownloadCsv.tsx';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Plan } from '@common/preparedness.ts';
import { roleHas } from '@common/permissions.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { SelectField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page } from '../../components/Page.tsx';
import { formatDay, plural } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { useSchoolFilter, useSchoolOptions, withAllSchools } from '../../lib/options.ts';
import { useSession } from '../../lib/session.tsx';
import { useUrlFilters } from '../../lib/url-state.ts';
import { PLAN_KIND_LABELS, optionsOf } from '../preparedness/labels.ts';
import { NewPlanForm } from './NewPlanForm.tsx';

/** The review state of a plan in words and colour. */
export function ReviewBadge({ plan }: { plan: Plan }) {
  if (plan.reviewOverdue)
    return <Badge tone="danger">Review overdue since {formatDay(plan.reviewDueOn)}</Badge>;
  if (plan.lastReviewedOn) return <Badge tone="success">Reviewed {formatDay(plan.lastReviewedOn)}</Badge>;
  return <Badge tone="warning">Not reviewed yet, due {formatDay(plan.reviewDueOn)}</Badge>;
}

/** Safety plans and protocols of the user's schools and the district, with the SRP quick reference. */
export function PlansPage() {
  const { can, session, schools } = useSession();
  const navigate = useNavigate();
  const [filters, setFilters] = useUrlFilters(['schoolId', 'kind'] as const);
  const { schoolId, selectValue } = useSchoolFilter(filters.schoolId);
  const schoolOptions = useSchoolOptions();
  const resource = useApiData<{ items: Plan[] }>(
    '/plans',
    { schoolId, kind: filters.kind },
    { keepPrevious: true },
  );
  const [adding, setAdding] = useState(false);
  const canManage = can('plan.manage');
  const districtWide = session.grants.some((g) => g.schoolId === null && roleHas(g.role, 'plan.manage'));
  const managed = session.grants
    .filter((g) => g.schoolId !== null && roleHas(g.role, 'plan.manage'))
    .map((g) => g.schoolId);
  const scopeOptions = [
    ...(districtWide ? [{ value: '', label: 'District (every school)' }] : []),
    ...schools
      .filter((s) => districtWide || managed.includes(s.id))
      .map((s) => ({ value: s.id, label: s.name })),
  ];

  return (
    <Page
      title="Safety plans"
      description="Emergency operations plans and protocols. Read the current version and confirm you have read it."
      actions={
        <><DownloadCsv path="/plans" query={{ schoolId, kind: filters.kind }} permission="plan.read" />
          <Link className="btn btn-secondary" to="/plans/srp">
            SRP quick reference
          </Link>
          {canManage && scopeOptions.length > 0 && (
            <Button variant="primary" onClick={() => setAdding(true)}>
              New plan
            </Button>
          )}
        </>
      }
    >
      <div role="search" className="filters" aria-label="Filter plans">
        <SelectField
          label="School"
          value={selectValue}
          onChange={(v) => setFilters({ schoolId: v })}
          options={withAllSchools(schoolOptions)}
        />
        <SelectField
          label="Kind"
          value={filters.kind}
          onChange={(v) => setFilters({ kind: v })}
          options={optionsOf(PLAN_KIND_LABELS)}
          placeholder="All kinds"
        />
      </div>
      <LoadState resource={resource} label="Loading plans…">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState
              title="No plan yet."
              action={
                canManage &&
                scopeOptions.length > 0 && <Button onClick={() => setAdding(true)}>New plan</Button>
              }
            >
              Plans written or uploaded by the school administration show here.
            </EmptyState>
          ) : (
            <>
              <p className="muted small">{plural(items.length, 'plan')}</p>
              <DataTable
                caption="Safety plans"
                rows={items}
                rowKey={(p) => p.id}
                busy={resource.loading}
                columns={[
                  { header: 'Plan', render: (p) => <Link to={`/plans/${p.id}`}>{p.title}</Link> },
                  { header: 'Kind', render: (p) => PLAN_KIND_LABELS[p.kind] },
                  { header: 'School', render: (p) => p.schoolName ?? 'District' },
                  {
                    header: 'Current version',
                    render: (p) =>
                      `Version ${p.currentVersion.version} (${p.currentVersion.format === 'pdf' ? 'PDF' : 'text'}), ${formatDay(p.currentVersion.createdAt)}`,
                  },
                  { header: 'Review', render: (p) => <ReviewBadge plan={p} /> },
                  {
                    header: 'You',
                    render: (p) =>
                      p.acknowledgedByMe ? (
                        <Badge tone="success">✓ Read and confirmed</Badge>
                      ) : (
                        <Badge tone="warning">! Not confirmed yet</Badge>
                      ),
                  },
                ]}
              />
            </>
          )
        }
      </LoadState>
      <Dialog open={adding} title="New plan" onClose={() => setAdding(false)} wide>
        {adding && (
          <NewPlanForm
            scopeOptions={scopeOptions}
            defaultSchoolId={schoolId}
            onCancel={() => setAdding(false)}
            onDone={(p) => {
              setAdding(false);
              navigate(`/plans/${p.id}`);
            }}
          />
        )}
      </Dialog>
    </Page>
  );
}
