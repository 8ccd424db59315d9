import { DownloadCsv } from '../../components/DownloadCsv.tsx';
import '../../styles/campus.css';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import type { Assessment } from '@common/assessments.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { SelectField } from '../../components/Field.tsx';
import { FormActions } from '../../components/Form.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page } from '../../components/Page.tsx';
import { withQuery } from '../../lib/api.ts';
import { useSchoolsWhere } from '../../lib/campus.ts';
import { formatDay } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { useSchoolFilter, useSchoolOptions, withAllSchools } from '../../lib/options.ts';
import { useUrlFilters } from '../../lib/url-state.ts';
import { AssessmentTabs } from './labels.tsx';
import { StartAssessmentForm } from './StartAssessmentForm.tsx';

const STATUS_FILTER = [
  { value: 'in_progress', label: 'In progress' },
  { value: 'completed', label: 'Completed' },
];

/** Picks two completed assessments of the same campus to compare (earlier first). */
function ComparePicker({ assessments, onCancel }: { assessments: Assessment[]; onCancel: () => void }) {
  const navigate = useNavigate();
  const done = assessments.filter((a) => a.status === 'completed');
  const [to, setTo] = useState(done[0]?.id ?? '');
  const later = done.find((a) => a.id === to);
  const earlier = done.filter((a) => a.school.id === later?.school.id && a.id !== to);
  const [from, setFrom] = useState('');
  const label = (a: Assessment) =>
    `${a.school.name}: ${a.title} (${formatDay(a.completedOn ?? a.startedOn)})`;
  return (
    <form
      className="form"
      aria-label="Compare two assessments"
      onSubmit={(e) => {
        e.preventDefault();
        navigate(withQuery('/assessments/compare', { from: from || earlier[0]?.id, to }));
      }}
    >
      <SelectField
        label="Later assessment"
        value={to}
        onChange={(v) => {
          setTo(v);
          setFrom('');
        }}
        options={done.map((a) => ({ value: a.id, label: label(a) }))}
      />
      {earlier.length === 0 ? (
        <p className="muted">No other completed assessment of this campus to compare with.</p>
      ) : (
        <SelectField
          label="Earlier assessment"
          value={from || (earlier[0]?.id ?? '')}
          onChange={setFrom}
          options={earlier.map((a) => ({ value: a.id, label: label(a) }))}
        />
      )}
      <FormActions>
        <Button type="submit" variant="primary" disabled={earlier.length === 0}>
          Compare
        </Button>
        <Button onClick={onCancel}>Cancel</Button>
      </FormActions>
    </form>
  );
}

/** Campus security assessments of the user's schools: progress, findings still open; start one, compare two. */
export function AssessmentsPage() {
  const navigate = useNavigate();
  const [filters, setFilters] = useUrlFilters(['schoolId', 'status'] as const);
  const { schoolId, selectValue } = useSchoolFilter(filters.schoolId);
  const schoolOptions = useSchoolOptions();
  const manageable = useSchoolsWhere('assessment.manage');
  const list = useApiData<{ items: Assessment[] }>(
    '/assessments',
    { schoolId, status: filters.status },
    { keepPrevious: true },
  );
  const [dialog, setDialog] = useState<'start' | 'compare' | null>(null);
  const completed = (list.data?.items ?? []).filter((a) => a.status === 'completed').length;

  return (
    <Page
      title="Security assessments"
      description="Campus assessments by layer, their findings and remediation, and how a campus changed over time."
      actions={
        <><DownloadCsv path="/assessments" query={{ schoolId, status: filters.status }} permission="assessment.read" />
          {manageable.length > 0 && (
            <Button variant="primary" onClick={() => setDialog('start')}>
              Start an assessment
            </Button>
          )}
          {completed >= 2 && <Button onClick={() => setDialog('compare')}>Compare two</Button>}
        </>
      }
    >
      <AssessmentTabs />
      <div role="search" className="filters" aria-label="Filter assessments">
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
          value={filters.status}
          onChange={(status) => setFilters({ status })}
          options={STATUS_FILTER}
          placeholder="Any status"
        />
      </div>
      <LoadState resource={list} label="Loading assessments…">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState
              title="No assessment yet."
              action={
                manageable.length > 0 ? (
                  <Button onClick={() => setDialog('start')}>Start an assessment</Button>
                ) : undefined
              }
            />
          ) : (
            <DataTable
              caption="Security assessments"
              rows={items}
              rowKey={(a) => a.id}
              busy={list.loading}
              columns={[
                {
                  header: 'Assessment',
                  render: (a) => (
                    <span className="stack-tight">
                      <Link to={`/assessments/${a.id}`}>{a.title}</Link>
                      <span className="muted small">{a.school.name}</span>
                    </span>
                  ),
                },
                {
                  header: 'Status',
                  render: (a) =>
                    a.status === 'completed' ? (
                      <Badge tone="success">Completed {formatDay(a.completedOn)}</Badge>
                    ) : (
                      <Badge tone="info">
                        In progress: {a.ratedCount} of {a.itemCount} rated
                      </Badge>
                    ),
                },
                { header: 'Started', className: 'nowrap', render: (a) => formatDay(a.startedOn) },
                { header: 'Lead', render: (a) => a.lead.name },
                {
                  header: 'Absent / partial',
                  render: (a) => `${a.ratingCounts.absent} / ${a.ratingCounts.partial}`,
                },
                {
                  header: 'Open findings',
                  className: 'num',
                  render: (a) => (a.openFindings > 0 ? <strong>{a.openFindings}</strong> : 0),
                },
              ]}
            />
          )
        }
      </LoadState>
      <Dialog open={dialog === 'start'} title="Start an assessment" onClose={() => setDialog(null)} wide>
        {dialog === 'start' && (
          <StartAssessmentForm
            schoolOptions={manageable}
            defaultSchoolId={schoolId}
            onCancel={() => setDialog(null)}
            onDone={(a) =>
              navigate(`/assessments/${a.id}`, { state: { message: 'The assessment is started.' } })
            }
          />
        )}
      </Dialog>
      <Dialog open={dialog === 'compare'} title="Compare two assessments" onClose={() => setDialog(null)}>
        {dialog === 'compare' && (
          <ComparePicker assessments={list.data?.items ?? []} onCancel={() => setDialog(null)} />
        )}
      </Dialog>
    </Page>
  );
}
