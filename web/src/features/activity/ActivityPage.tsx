import { DownloadCsv } from '../../components/DownloadCsv.tsx';
import { useState } from 'react';
import type { ActivityEntry, ActivityEntryPage, MinutesByRole } from '@common/activity-log.ts';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { ErrorBanner, Notice } from '../../components/ErrorBanner.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { api } from '../../lib/api.ts';
import { addDays, formatMinutes, formatTime, isoDay, weekStartOf } from '../../lib/datetime.ts';
import { formatDay, todayIso } from '../../lib/format.ts';
import { useAction, useApiData } from '../../lib/hooks.ts';
import { useUrlFilters } from '../../lib/url-state.ts';
import { ActivityForm } from './ActivityForm.tsx';
import { ActivityTabs } from './ActivityTabs.tsx';
import { HoursChart } from './HoursChart.tsx';
import { ACTIVITY_KIND_LABELS } from './labels.ts';
import { OfficerPicker, useOfficerChoice } from './OfficerPicker.tsx';
import { TriadBadge } from './TriadBadge.tsx';
import { WeekPicker } from './WeekPicker.tsx';

const SOURCE_LABELS: Record<string, string> = {
  patrol_entry: 'patrol log',
  patrol_check_run: 'security checks',
  call: 'call queue',
  incident: 'incident report',
  education_class: 'education programs',
  mentoring_contact: 'student support',
  mediation: 'student support',
  event_coverage: 'events',
  meeting: 'meetings',
  drill: 'drills',
  staff_training: 'staff training',
};

function sumByRole(items: ActivityEntry[]): MinutesByRole {
  const sums: MinutesByRole = { law_enforcement: 0, mentoring: 0, education: 0 };
  for (const e of items) sums[e.triadRole] += e.durationMinutes;
  return sums;
}

/** One day of the week with its entries. */
function DayEntries({
  day,
  items,
  onEdit,
  onDelete,
}: {
  day: string;
  items: ActivityEntry[];
  onEdit: (e: ActivityEntry) => void;
  onDelete: (e: ActivityEntry) => void;
}) {
  if (items.length === 0) return null;
  return (
    <>
      <h3 className="day-heading">{formatDay(day)}</h3>
      <ul className="entry-cards" aria-label={`Activities of ${formatDay(day)}`}>
        {items.map((e) => (
          <li key={e.id} className="entry-card" data-activity-id={e.id}>
            <div className="row-between">
              <strong>{e.title}</strong>
              <TriadBadge role={e.triadRole} />
            </div>
            <p className="small">
              {formatTime(e.startedAt)}–{formatTime(e.endedAt)} ({formatMinutes(e.durationMinutes)}) ·{' '}
              {ACTIVITY_KIND_LABELS[e.kind]}
              {e.school && ` · ${e.school.name}`}
              {e.participants !== null && ` · ${e.participants} reached`}
            </p>
            {e.notes && <p className="small pre-line">{e.notes}</p>}
            {e.source && (
              <p className="small muted">
                From the {SOURCE_LABELS[e.source.type] ?? e.source.type}; change it there.
              </p>
            )}
            {e.editable && (
              <div className="row">
                <Button size="small" onClick={() => onEdit(e)} aria-label={`Edit ${e.title}`}>
                  Edit
                </Button>
                <Button
                  size="small"
                  variant="ghost"
                  onClick={() => onDelete(e)}
                  aria-label={`Delete ${e.title}`}
                >
                  Delete
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}

/**
 * The daily activity log by the NASRO triad (capability 6): one week of entries (typed here, or recorded by the
 * patrol log, calls, classes, events...), with the week's hours per triad role.
 */
export function ActivityPage() {
  const [filters, setFilters] = useUrlFilters(['userId', 'week'] as const);
  const choice = useOfficerChoice(filters.userId);
  const weekStart = filters.week ? weekStartOf(filters.week) : weekStartOf(todayIso());
  const weekEnd = addDays(weekStart, 6);
  const entries = useApiData<ActivityEntryPage>(
    choice.userId ? '/activity' : null,
    { userId: choice.userId, from: weekStart, to: weekEnd, limit: 500 },
    { keepPrevious: true },
  );
  const [dialog, setDialog] = useState<ActivityEntry | 'new' | null>(null);
  const [deleting, setDeleting] = useState<ActivityEntry | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const mine = choice.logsOwn && !filters.userId;
  const remove = useAction(async (entry: ActivityEntry) => {
    await api.delete(`/activity/${entry.id}`);
    setDeleting(null);
    setMessage(`“${entry.title}” is deleted.`);
    entries.reload();
  });
  const days = Array.from({ length: 7 }, (_, i) => addDays(weekStart, i));

  return (
    <Page
      title="Activity log"
      description="Each activity tagged law enforcement, mentor or educator: the NASRO triad."
      actions={
        <>
          {choice.userId && (
            <DownloadCsv
              path="/activity"
              query={{ userId: choice.userId, from: weekStart, to: weekEnd }}
              permission="activity.read"
            />
          )}
          {mine && (
            <Button
              variant="primary"
              onClick={() => {
                setMessage(null);
                setDialog('new');
              }}
            >
              Add activity
            </Button>
          )}
        </>
      }
    >
      <ActivityTabs />
      <Notice message={message} />
      <div role="search" className="filters" aria-label="Choose the week">
        <OfficerPicker choice={choice} onChange={(v) => setFilters({ userId: v, week: filters.week })} />
        <WeekPicker weekStart={weekStart} onChange={(w) => setFilters({ week: w, userId: filters.userId })} />
      </div>
      <div className="page-sections">
        <LoadState resource={entries} label="Loading the week…">
          {({ items, total }) => (
            <>
              <Section title="This week by triad role" id="week-hours">
                <HoursChart
                  title={`Hours, week of ${formatDay(weekStart)}`}
                  rowHeader="Week"
                  rows={[
                    { key: weekStart, label: `Week of ${formatDay(weekStart)}`, minutes: sumByRole(items) },
                  ]}
                />
              </Section>
              <Section title="Entries" id="entries">
                {items.length === 0 ? (
                  <EmptyState
                    title="No activity this week."
                    action={mine && <Button onClick={() => setDialog('new')}>Add activity</Button>}
                  />
                ) : (
                  <>
                    {items.length < total && (
                      <p className="muted small">
                        Showing the first {items.length} of {total} entries.
                      </p>
                    )}
                    {days.map((day) => (
                      <DayEntries
                        key={day}
                        day={day}
                        items={items.filter((e) => isoDay(new Date(e.startedAt)) === day)}
                        onEdit={(e) => {
                          setMessage(null);
                          setDialog(e);
                        }}
                        onDelete={(e) => {
                          setMessage(null);
                          remove.reset();
                          setDeleting(e);
                        }}
                      />
                    ))}
                  </>
                )}
              </Section>
            </>
          )}
        </LoadState>
      </div>
      <Dialog
        open={dialog !== null}
        title={dialog === 'new' ? 'Add activity' : 'Edit activity'}
        onClose={() => setDialog(null)}
        wide
      >
        {dialog !== null && (
          <ActivityForm
            entry={dialog === 'new' ? undefined : dialog}
            defaultDay={weekStart <= todayIso() && todayIso() <= weekEnd ? todayIso() : weekStart}
            onCancel={() => setDialog(null)}
            onDone={(e) => {
              setDialog(null);
              setMessage(`“${e.title}” is saved.`);
              const week = weekStartOf(isoDay(new Date(e.startedAt)));
              if (week !== weekStart) setFilters({ week, userId: filters.userId });
              else entries.reload();
            }}
          />
        )}
      </Dialog>
      <Dialog open={deleting !== null} title="Delete this activity?" onClose={() => setDeleting(null)}>
        {deleting && (
          <div className="stack">
            <ErrorBanner error={remove.error} />
            <p>
              “{deleting.title}” of {formatDay(isoDay(new Date(deleting.startedAt)))} will be removed from
              your log.
            </p>
            <div className="form-actions">
              <Button variant="danger" busy={remove.busy} onClick={() => void remove.run(deleting)}>
                Delete activity
              </Button>
              <Button onClick={() => setDeleting(null)}>Keep it</Button>
            </div>
          </div>
        )}
      </Dialog>
    </Page>
  );
}
