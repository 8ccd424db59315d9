import { DownloadCsv } from '../../components/DownloadCsv.tsx';
import '../../styles/campus.css';
import type { Finding } from '@common/assessments.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { CheckboxField, SelectField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page } from '../../components/Page.tsx';
import { plural } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { useSchoolFilter, useSchoolOptions, withAllSchools } from '../../lib/options.ts';
import { useUrlFilters } from '../../lib/url-state.ts';
import { FindingsTable } from './FindingsTable.tsx';
import { AssessmentTabs, FINDING_STATUS_OPTIONS, SEVERITY_OPTIONS } from './labels.tsx';

const STATUS_FILTER = [{ value: 'unresolved', label: 'Open or in progress' }, ...FINDING_STATUS_OPTIONS];

/** Findings across assessments of the user's campuses: what is still open, by severity, overdue first in mind. */
export function FindingsPage() {
  const [filters, setFilters] = useUrlFilters(['schoolId', 'status', 'severity', 'overdue'] as const);
  const { schoolId, selectValue } = useSchoolFilter(filters.schoolId);
  const schoolOptions = useSchoolOptions();
  const status = filters.status || 'unresolved';
  const list = useApiData<{ items: Finding[] }>(
    '/assessment-findings',
    {
      schoolId,
      status: status === 'all' ? undefined : status,
      severity: filters.severity,
      overdue: filters.overdue === 'true' ? 'true' : undefined,
    },
    { keepPrevious: true },
  );

  return (
    <Page actions={<DownloadCsv path="/assessment-findings" query={{ schoolId, status: status === 'all' ? undefined : status, severity: filters.severity, overdue: filters.overdue === 'true' ? 'true' : undefined, }} permission="assessment.read" />} title="Security assessments" description="Findings and their remediation across campuses.">
      <AssessmentTabs />
      <div role="search" className="filters" aria-label="Filter findings">
        {schoolOptions.length > 1 && (
          <SelectField
            label="Campus"
            value={selectValue}
            onChange={(v) => setFilters({ schoolId: v })}
            options={withAllSchools(schoolOptions)}
          />
        )}
        <SelectField
          label="Status"
          value={status}
          onChange={(v) => setFilters({ status: v === 'unresolved' ? '' : v })}
          options={[...STATUS_FILTER, { value: 'all', label: 'Any status' }]}
        />
        <SelectField
          label="Severity"
          value={filters.severity}
          onChange={(severity) => setFilters({ severity })}
          options={SEVERITY_OPTIONS}
          placeholder="Any severity"
        />
        <CheckboxField
          label="Overdue only"
          checked={filters.overdue === 'true'}
          onChange={(on) => setFilters({ overdue: on ? 'true' : '' })}
        />
      </div>
      <LoadState resource={list} label="Loading findings…">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState title="No finding matches these filters." />
          ) : (
            <>
              <p className="muted small">{plural(items.length, 'finding')}</p>
              <FindingsTable caption="Findings" findings={items} busy={list.loading} showAssessment />
            </>
          )
        }
      </LoadState>
    </Page>
  );
}
