import { useState } from 'react';
import { Link } from 'react-router-dom';
import {
  MEETING_RECURRENCE_LABELS,
  type ActionItem,
  type MeetingSeries,
  type MeetingSummary,
} from '@common/meetings.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorBanner, Notice } from '../../components/ErrorBanner.tsx';
import { SelectField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { addDays } from '../../lib/datetime.ts';
import { formatDateTime, todayIso } from '../../lib/format.ts';
import { useAction, useApiData } from '../../lib/hooks.ts';
import { DownloadCsv } from '../../components/DownloadCsv.tsx';
import { useSchoolFilter, useSchoolOptions, withAllSchools } from '../../lib/options.ts';
import { useSession } from '../../lib/session.tsx';
import { useUrlFilters } from '../../lib/url-state.ts';
import { NoticeTabs } from '../notices/NoticeTabs.tsx';
import { ActionItemList } from './ActionItems.tsx';
import { MeetingSetupForm } from './SeriesForm.tsx';

/**
 * Regular meetings with the school administration (capability 8): the series per school, the meetings of the
 * weeks around today, and the open action items across them.
 */
export function MeetingsPage() {
  const { schools, selectedSchoolId } = useSession();
  const [filters, setFilters] = useUrlFilters(['schoolId'] as const);
  const { schoolId, selectValue } = useSchoolFilter(filters.schoolId);
  const schoolOptions = useSchoolOptions();
  const series = useApiData<{ items: MeetingSeries[] }>(
    '/meeting-series',
    { schoolId },
    { keepPrevious: true },
  );
  const today = todayIso();
  const meetings = useApiData<{ items: MeetingSummary[] }>(
    '/meetings',
    { schoolId, from: addDays(today, -30), to: addDays(today, 60) },
    { keepPrevious: true },
  );
  const actions = useApiData<{ items: ActionItem[] }>(
    '/action-items',
    { schoolId, status: 'open' },
    { keepPrevious: true },
  );
  const [dialog, setDialog] = useState<'series' | 'single' | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const stop = useAction(async (s: MeetingSeries) => {
    await api.patch(`/meeting-series/${s.id}`, { active: !s.active });
    setMessage(
      s.active ? `“${s.title}” stopped; its future meetings are cancelled.` : `“${s.title}” is active again.`,
    );
    series.reload();
    meetings.reload();
  });

  return (
    <Page
      title="Meetings"
      description="Regular meetings with the administration: agenda, minutes and action items with owners."
      actions={
        <>
          <Button variant="primary" onClick={() => setDialog('series')}>
            New regular meeting
          </Button>
          <Button onClick={() => setDialog('single')}>One-off meeting</Button>
        </>
      }
    >
      <NoticeTabs />
      <Notice message={message} />
      <ErrorBanner error={stop.error} />
      {schools.length > 1 && (
        <div role="search" className="filters" aria-label="Filter meetings">
          <SelectField
            label="School"
            value={selectValue}
            onChange={(v) => setFilters({ schoolId: v })}
            options={withAllSchools(schoolOptions)}
          />
        </div>
      )}
      <div className="page-sections">
        <Section
          title="Meetings"
          id="meetings"
          actions={
            <DownloadCsv
              path="/meetings"
              query={{ schoolId, from: addDays(today, -30), to: addDays(today, 60) }}
            />
          }
        >
          <LoadState resource={meetings} label="Loading meetings…">
            {({ items }) =>
              items.length === 0 ? (
                <EmptyState title="No meeting in the month behind or the two months ahead." />
              ) : (
                <DataTable
                  caption="Meetings"
                  rows={items}
                  rowKey={(m) => m.id}
                  busy={meetings.loading}
                  columns={[
                    { header: 'When', className: 'nowrap', render: (m) => formatDateTime(m.startsAt) },
                    {
                      header: 'Meeting',
                      render: (m) => (
                        <Link
                          to={`/meetings/${m.id}`}
                          className={m.cancelled ? 'event-cancelled' : undefined}
                        >
                          {m.title}
                        </Link>
                      ),
                    },
                    { header: 'School', render: (m) => m.schoolName },
                    {
                      header: 'Status',
                      render: (m) =>
                        m.cancelled ? (
                          <Badge>Cancelled</Badge>
                        ) : m.hasMinutes ? (
                          <Badge tone="success">Minutes written</Badge>
                        ) : Date.parse(m.startsAt) < Date.parse(`${today}T00:00:00`) ? (
                          <Badge tone="warning">No minutes</Badge>
                        ) : (
                          ''
                        ),
                    },
                    { header: 'Open items', className: 'num', render: (m) => m.openActionItems },
                  ]}
                />
              )
            }
          </LoadState>
        </Section>
        <Section
          title="Open action items"
          id="actions"
          actions={<DownloadCsv path="/action-items" query={{ schoolId, status: 'open' }} />}
        >
          <LoadState resource={actions} label="Loading action items…">
            {({ items }) => <ActionItemList items={items} onChanged={actions.reload} showMeeting />}
          </LoadState>
        </Section>
        <Section title="Regular meetings" id="series">
          <LoadState resource={series} label="Loading regular meetings…">
            {({ items }) =>
              items.length === 0 ? (
                <EmptyState
                  title="No regular meeting yet."
                  action={<Button onClick={() => setDialog('series')}>New regular meeting</Button>}
                />
              ) : (
                <ul className="entry-cards" aria-label="Regular meetings">
                  {items.map((s) => (
                    <li key={s.id} className="entry-card">
                      <div className="row-between">
                        <strong>{s.title}</strong>
                        {!s.active && <Badge>Stopped</Badge>}
                      </div>
                      <p className="small">
                        {MEETING_RECURRENCE_LABELS[s.recurrence]} · {s.schoolName}
                        {s.place && ` · ${s.place}`}
                      </p>
                      <p className="small">
                        {s.nextMeeting ? (
                          <>
                            Next:{' '}
                            <Link to={`/meetings/${s.nextMeeting.id}`}>
                              {formatDateTime(s.nextMeeting.startsAt)}
                            </Link>
                          </>
                        ) : (
                          'No meeting ahead'
                        )}
                      </p>
                      <div className="row">
                        <Button
                          size="small"
                          variant="ghost"
                          onClick={() => void stop.run(s)}
                          disabled={stop.busy}
                          aria-label={`${s.active ? 'Stop' : 'Restart'} ${s.title}`}
                        >
                          {s.active ? 'Stop' : 'Restart'}
                        </Button>
                      </div>
                    </li>
                  ))}
                </ul>
              )
            }
          </LoadState>
        </Section>
      </div>
      <Dialog
        open={dialog !== null}
        title={dialog === 'series' ? 'New regular meeting' : 'New meeting'}
        onClose={() => setDialog(null)}
        wide
      >
        {dialog !== null && (
          <MeetingSetupForm
            mode={dialog}
            schoolOptions={schoolOptions}
            defaultSchoolId={schoolId || selectedSchoolId || schools[0]?.id || ''}
            onCancel={() => setDialog(null)}
            onDone={(r) => {
              setDialog(null);
              setMessage(`“${r.title}” is set up.`);
              series.reload();
              meetings.reload();
            }}
          />
        )}
      </Dialog>
    </Page>
  );
}
