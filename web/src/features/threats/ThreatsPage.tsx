import { Link } from 'react-router-dom';
import { THREAT_CASE_STATUSES } from '@common/tip-constants.ts';
import type { ThreatCaseSummary } from '@common/tips.ts';
import { Badge } from '../../components/Badge.tsx';
import { ButtonLink } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { SelectField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page } from '../../components/Page.tsx';
import { formatDateTime, formatDay } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { useSchoolFilter, useSchoolOptions, withAllSchools } from '../../lib/options.ts';
import { useSession } from '../../lib/session.tsx';
import { useUrlFilters } from '../../lib/url-state.ts';
import { CASE_STATUS_LABELS, caseStatusTone } from './labels.ts';

/** Threat assessment cases the user is on the team of (every case of the district for the safety director). */
export function ThreatsPage() {
  const { can } = useSession();
  const [filters, setFilters] = useUrlFilters(['schoolId', 'status'] as const);
  const { schoolId, selectValue } = useSchoolFilter(filters.schoolId);
  const schools = useSchoolOptions();
  const cases = useApiData<{ items: ThreatCaseSummary[] }>(
    '/threat-cases',
    { schoolId, status: filters.status },
    { keepPrevious: true },
  );

  return (
    <Page
      title="Threat assessment"
      description="Behavioral threat assessment (CSTAG). Only the case team and the district safety director see a case; every read is logged."
      actions={
        can('threat.manage') && (
          <ButtonLink variant="primary" to="/threats/new">
            Open a case
          </ButtonLink>
        )
      }
    >
      <div role="search" className="filters" aria-label="Filter cases">
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
          options={THREAT_CASE_STATUSES.map((s) => ({ value: s, label: CASE_STATUS_LABELS[s] }))}
          placeholder="Any status"
        />
      </div>
      <LoadState resource={cases} label="Loading cases…">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState title={filters.status ? 'No case has this status.' : 'No cases.'}>
              Cases you are on the team of appear here. Open one from a tip, an incident or directly.
            </EmptyState>
          ) : (
            <DataTable
              caption="Threat assessment cases"
              rows={items}
              rowKey={(c) => c.id}
              busy={cases.loading}
              columns={[
                {
                  header: 'Case',
                  className: 'nowrap',
                  render: (c) => (
                    <Link to={`/threats/${c.id}`} className="mono">
                      {c.number}
                    </Link>
                  ),
                },
                { header: 'Student', render: (c) => c.subjectName },
                { header: 'School', render: (c) => c.schoolName },
                {
                  header: 'Status',
                  render: (c) => (
                    <Badge tone={caseStatusTone(c.status)}>{CASE_STATUS_LABELS[c.status]}</Badge>
                  ),
                },
                { header: 'Open tasks', className: 'num', render: (c) => c.openTasks },
                {
                  header: 'Next review',
                  render: (c) =>
                    c.nextReviewOn ? formatDay(c.nextReviewOn) : <span className="muted">None</span>,
                },
                {
                  header: 'Opened',
                  render: (c) => <time dateTime={c.openedAt}>{formatDateTime(c.openedAt)}</time>,
                },
              ]}
            />
          )
        }
      </LoadState>
    </Page>
  );
}
