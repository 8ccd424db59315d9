import { DownloadCsv } from '../../components/DownloadCsv.tsx';
import { useState } from 'react';
import { OUTREACH_AUDIENCE_LABELS, type Outreach, type Topic } from '@common/education.ts';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorBanner, Notice } from '../../components/ErrorBanner.tsx';
import { SelectField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { Pagination } from '../../components/Pagination.tsx';
import { api } from '../../lib/api.ts';
import { formatDateTime } from '../../lib/format.ts';
import { useAction, useApiData } from '../../lib/hooks.ts';
import { useSchoolFilter, useSchoolOptions, withAllSchools } from '../../lib/options.ts';
import { useSession } from '../../lib/session.tsx';
import { useUrlFilters } from '../../lib/url-state.ts';
import { EducationTabs } from './EducationTabs.tsx';
import { OutreachForm } from './OutreachForm.tsx';
import { minutesText } from './labels.ts';

const PAGE_SIZE = 50;

/** Community outreach: parent nights, career days, youth programs the officer presents at. */
export function OutreachPage() {
  const { can, schools, user } = useSession();
  const canManage = can('education.manage');
  const [filters, setFilters] = useUrlFilters(['schoolId', 'page'] as const);
  const { schoolId, selectValue } = useSchoolFilter(filters.schoolId);
  const schoolOptions = useSchoolOptions();
  const page = Number(filters.page) || 1;
  const list = useApiData<{ items: Outreach[]; total: number }>(
    '/education/outreach',
    { schoolId, page, pageSize: PAGE_SIZE },
    { keepPrevious: true },
  );
  const topics = useApiData<{ items: Topic[] }>(canManage ? '/education/topics' : null);
  const [editing, setEditing] = useState<Outreach | 'new' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const remove = useAction(async (o: Outreach) => {
    await api.delete(`/education/outreach/${o.id}`);
    list.reload();
    return `“${o.title}” is deleted.`;
  });

  return (
    <Page
      title="Education programs"
      description="Outreach events for families, students and the community."
      actions={<><DownloadCsv path="/education/outreach" query={{ schoolId, page, pageSize: PAGE_SIZE }} permission="education.read" />{canManage && (
          <Button
            variant="primary"
            onClick={() => {
              setMessage(null);
              setEditing('new');
            }}
          >
            New outreach event
          </Button>
        )}</>}
    >
      <EducationTabs />
      <Notice message={message ?? remove.success} />
      <ErrorBanner error={remove.error} />
      {schools.length > 1 && (
        <div role="search" className="filters" aria-label="Filter outreach">
          <SelectField
            label="School"
            value={selectValue}
            onChange={(v) => setFilters({ schoolId: v })}
            options={withAllSchools(schoolOptions)}
          />
        </div>
      )}
      <Section title="Outreach events" id="outreach">
        <LoadState resource={list} label="Loading outreach events…">
          {({ items, total }) =>
            items.length === 0 ? (
              <EmptyState title="No outreach event recorded yet." />
            ) : (
              <>
                <DataTable
                  caption="Outreach events"
                  rows={items}
                  rowKey={(o) => o.id}
                  busy={list.loading}
                  columns={[
                    { header: 'Event', render: (o) => <strong>{o.title}</strong> },
                    { header: 'When', className: 'nowrap', render: (o) => formatDateTime(o.occurredAt) },
                    { header: 'Length', render: (o) => minutesText(o.durationMinutes) },
                    { header: 'Audience', render: (o) => OUTREACH_AUDIENCE_LABELS[o.audience] },
                    { header: 'Topic', render: (o) => o.topicName ?? '' },
                    { header: 'Where', render: (o) => o.schoolName ?? 'Wider community' },
                    { header: 'Reached', className: 'num', render: (o) => o.peopleReached.toLocaleString() },
                    { header: 'Recorded by', render: (o) => o.recordedBy.name },
                    ...(canManage
                      ? [
                          {
                            header: 'Actions',
                            hideLabelWhenStacked: true,
                            render: (o: Outreach) =>
                              o.recordedBy.id === user?.id && (
                                <div className="row">
                                  <Button
                                    size="small"
                                    onClick={() => setEditing(o)}
                                    aria-label={`Edit ${o.title}`}
                                  >
                                    Edit
                                  </Button>
                                  <Button
                                    size="small"
                                    variant="ghost"
                                    busy={remove.busy}
                                    onClick={() => {
                                      if (window.confirm(`Delete “${o.title}”?`)) void remove.run(o);
                                    }}
                                    aria-label={`Delete ${o.title}`}
                                  >
                                    Delete
                                  </Button>
                                </div>
                              ),
                          },
                        ]
                      : []),
                  ]}
                />
                {total > PAGE_SIZE && (
                  <Pagination
                    page={page}
                    pageSize={PAGE_SIZE}
                    total={total}
                    onPage={(p) => setFilters({ page: String(p) })}
                    noun="events"
                  />
                )}
              </>
            )
          }
        </LoadState>
      </Section>
      <Dialog
        open={editing !== null}
        title={editing === 'new' ? 'New outreach event' : 'Edit outreach event'}
        onClose={() => setEditing(null)}
        wide
      >
        {editing !== null && (
          <OutreachForm
            event={editing === 'new' ? undefined : editing}
            topics={topics.data?.items ?? []}
            onCancel={() => setEditing(null)}
            onDone={(o) => {
              setEditing(null);
              setMessage(`“${o.title}” is saved.`);
              list.reload();
            }}
          />
        )}
      </Dialog>
    </Page>
  );
}
