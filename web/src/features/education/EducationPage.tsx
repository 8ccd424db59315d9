import { DownloadCsv } from '../../components/DownloadCsv.tsx';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  CLASS_STATUSES,
  CLASS_STATUS_LABELS,
  type ClassPage,
  type ClassStatus,
  type Topic,
} from '@common/education.ts';
import { Badge } from '../../components/Badge.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Notice } from '../../components/ErrorBanner.tsx';
import { SelectField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { useApiData } from '../../lib/hooks.ts';
import { useSchoolFilter, useSchoolOptions, withAllSchools } from '../../lib/options.ts';
import { useSession } from '../../lib/session.tsx';
import { useUrlFilters } from '../../lib/url-state.ts';
import { EducationTabs } from './EducationTabs.tsx';
import { MyRequests } from './MyRequests.tsx';
import { RequestForm } from './RequestForm.tsx';
import { CLASS_STATUS_TONE, gradeText, whenText } from './labels.ts';

const PAGE_SIZE = 50;

/** The officer's queue: requests to answer first, then the schedule and what was delivered. */
function ClassQueue() {
  const { schools } = useSession();
  const [filters, setFilters] = useUrlFilters(['schoolId', 'status', 'page'] as const);
  const { schoolId, selectValue } = useSchoolFilter(filters.schoolId);
  const schoolOptions = useSchoolOptions();
  const page = Number(filters.page) || 1;
  const status = (filters.status || undefined) as ClassStatus | undefined;
  const classes = useApiData<ClassPage>(
    '/education/classes',
    { schoolId, status, page, pageSize: PAGE_SIZE },
    { keepPrevious: true },
  );
  return (
    <Section title="Classes and requests" id="classes" actions={<DownloadCsv path="/education/classes" query={{ schoolId, status }} permission="education.read" />}>
      <div role="search" className="filters" aria-label="Filter classes">
        {schools.length > 1 && (
          <SelectField
            label="School"
            value={selectValue}
            onChange={(v) => setFilters({ schoolId: v })}
            options={withAllSchools(schoolOptions)}
          />
        )}
        <SelectField
          label="Status"
          value={filters.status}
          onChange={(v) => setFilters({ status: v })}
          placeholder="Every status"
          options={CLASS_STATUSES.map((s) => ({ value: s, label: CLASS_STATUS_LABELS[s] }))}
        />
      </div>
      <LoadState resource={classes} label="Loading classes…">
        {({ items, total }) =>
          items.length === 0 ? (
            <EmptyState title="No class here yet.">Teachers' requests for classes appear here.</EmptyState>
          ) : (
            <>
              <DataTable
                caption="Classes and requests"
                rows={items}
                rowKey={(c) => c.id}
                busy={classes.loading}
                columns={[
                  {
                    header: 'Class',
                    render: (c) => (
                      <Link to={`/education/classes/${c.id}`} aria-label={`${c.number}: ${c.topicName}`}>
                        <strong>{c.topicName}</strong>
                        <span className="muted small"> {c.number}</span>
                      </Link>
                    ),
                  },
                  {
                    header: 'Status',
                    render: (c) => (
                      <Badge tone={CLASS_STATUS_TONE[c.status]}>{CLASS_STATUS_LABELS[c.status]}</Badge>
                    ),
                  },
                  { header: 'When', render: (c) => whenText(c) },
                  { header: 'School', render: (c) => c.schoolName },
                  { header: 'Teacher', render: (c) => c.requestedBy.name },
                  { header: 'Class', render: (c) => `${gradeText(c.gradeLevel)}, ${c.classSize} students` },
                ]}
              />
              {total > PAGE_SIZE && (
                <Pagination
                  page={page}
                  pageSize={PAGE_SIZE}
                  total={total}
                  onPage={(p) => setFilters({ page: String(p) })}
                  noun="classes"
                />
              )}
            </>
          )
        }
      </LoadState>
    </Section>
  );
}

/**
 * Education programs: teachers request classes and follow their requests; the SRO answers the queue, schedules,
 * teaches and records; readers (supervisors, administrators) see the classes of their schools.
 */
export function EducationPage() {
  const { can } = useSession();
  const canRequest = can('education.request');
  const canRead = can('education.read');
  const topics = useApiData<{ items: Topic[] }>(canRequest ? '/education/topics' : null);
  const mine = useApiData<ClassPage>(canRequest ? '/education/my-requests' : null, { pageSize: 100 });
  const [requesting, setRequesting] = useState(false);
  const [message, setMessage] = useState<string | null>(null);

  return (
    <Page
      title="Education programs"
      description={
        canRead
          ? 'Classes the school resource officer teaches: requests, schedule, delivery and feedback.'
          : 'Ask the school resource officer to teach a class and follow your requests.'
      }
    >
      <EducationTabs />
      <Notice message={message} />
      <div className="page-sections">
        {canRequest && (
          <MyRequests
            resource={mine}
            onMessage={setMessage}
            onRequest={() => {
              setMessage(null);
              setRequesting(true);
            }}
          />
        )}
        {canRead && <ClassQueue key={message ?? ''} />}
      </div>
      <Dialog open={requesting} title="Request a class" onClose={() => setRequesting(false)} wide>
        <RequestForm
          topics={topics.data?.items ?? []}
          onCancel={() => setRequesting(false)}
          onDone={(c) => {
            setRequesting(false);
            setMessage(`Your request for “${c.topicName}” is sent (${c.number}).`);
            mine.reload();
          }}
        />
      </Dialog>
    </Page>
  );
}
