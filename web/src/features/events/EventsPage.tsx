import { DownloadCsv } from '../../components/DownloadCsv.tsx';
import { useState } from 'react';
import type { Event } from '@common/events.ts';
import { Button } from '../../components/Button.tsx';
import { Dialog } from '../../components/Dialog.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Notice } from '../../components/ErrorBanner.tsx';
import { SelectField, TextField } from '../../components/Field.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Page, Section } from '../../components/Page.tsx';
import { addDays, isoDay } from '../../lib/datetime.ts';
import { formatDay, plural, todayIso } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { useHomeSchoolId } from '../../lib/home-school.ts';
import { useSchoolFilter, useSchoolOptions, withAllSchools } from '../../lib/options.ts';
import { useSession } from '../../lib/session.tsx';
import { useUrlFilters } from '../../lib/url-state.ts';
import { CoverageForm } from './CoverageForm.tsx';
import { EventCard, type EventAction } from './EventCard.tsx';
import { EventFeeds } from './EventFeeds.tsx';
import { EventForm } from './EventForm.tsx';
import { NotesForm } from './NotesForm.tsx';

const SHOW_OPTIONS = [
  { value: 'uncovered', label: 'Only uncovered events' },
  { value: 'conflicts', label: 'Only conflicting coverage' },
  { value: 'mine', label: 'Only events I cover' },
];

type DialogState = { action: EventAction | 'new'; event?: Event } | null;

/**
 * Event coverage (capability 7): the extracurricular events of my schools by day, who covers each, uncovered
 * and conflicting ones marked (and filterable), the supervisor's assignment, post-event notes and iCal feeds.
 */
export function EventsPage() {
  const { can, user, roles, schools } = useSession();
  const homeSchoolId = useHomeSchoolId();
  const [filters, setFilters] = useUrlFilters(['schoolId', 'show', 'from'] as const);
  const { schoolId, selectValue } = useSchoolFilter(filters.schoolId);
  const schoolOptions = useSchoolOptions();
  const from = filters.from || todayIso();
  const to = addDays(from, 60);
  const events = useApiData<{ items: Event[] }>(
    '/events',
    {
      schoolId,
      from,
      to,
      uncovered: filters.show === 'uncovered' ? 'true' : undefined,
      conflicts: filters.show === 'conflicts' ? 'true' : undefined,
      sroId: filters.show === 'mine' ? user?.id : undefined,
    },
    { keepPrevious: true },
  );
  const [dialog, setDialog] = useState<DialogState>(null);
  const [message, setMessage] = useState<string | null>(null);
  // Notes open once the event has started; the time the page was opened is close enough.
  const [openedAt] = useState(() => Date.now());
  const isSro = roles.includes('sro');
  const done = (text: string) => {
    setDialog(null);
    setMessage(text);
    events.reload();
  };
  const open = (d: DialogState) => {
    setMessage(null);
    setDialog(d);
  };
  const permissions = (e: Event) => ({
    assign: can('event.assign'),
    edit: can('event.manage'),
    notes: e.coverage?.sro.id === user?.id && Date.parse(e.startsAt) <= openedAt,
  });

  return (
    <Page
      title="Events"
      description="Games, dances, graduations: who covers them, and what is still uncovered."
      actions={<><DownloadCsv path="/events" query={{ schoolId, from, to, uncovered: filters.show === 'uncovered' ? 'true' : undefined, conflicts: filters.show === 'conflicts' ? 'true' : undefined, sroId: filters.show === 'mine' ? user?.id : undefined, }} permission="event.read" />{can('event.manage') && (
          <Button variant="primary" onClick={() => open({ action: 'new' })}>
            New event
          </Button>
        )}</>}
    >
      <Notice message={message} />
      <div role="search" className="filters" aria-label="Filter events">
        {schools.length > 1 && (
          <SelectField
            label="School"
            value={selectValue}
            onChange={(v) => setFilters({ schoolId: v, show: filters.show, from: filters.from })}
            options={withAllSchools(schoolOptions)}
          />
        )}
        <SelectField
          label="Show"
          value={filters.show}
          onChange={(v) => setFilters({ show: v, schoolId: filters.schoolId, from: filters.from })}
          options={isSro ? SHOW_OPTIONS : SHOW_OPTIONS.filter((o) => o.value !== 'mine')}
          placeholder="All events"
        />
        <TextField
          label="From"
          type="date"
          value={from}
          onChange={(v) => setFilters({ from: v, schoolId: filters.schoolId, show: filters.show })}
          hint={`The 60 days to ${formatDay(to)}`}
        />
      </div>
      <div className="page-sections">
        <Section title="Agenda" id="agenda">
          <LoadState resource={events} label="Loading events…">
            {({ items }) => {
              if (items.length === 0)
                return (
                  <EmptyState title={filters.show ? 'No event matches.' : 'No event in these 60 days.'} />
                );
              const days = [...new Set(items.map((e) => isoDay(new Date(e.startsAt))))];
              const uncovered = items.filter((e) => e.uncovered).length;
              return (
                <>
                  <p className="muted small" aria-live="polite">
                    {plural(items.length, 'event')}
                    {uncovered > 0 && `, ${uncovered} uncovered`}
                  </p>
                  {days.map((day) => (
                    <div key={day}>
                      <h3 className="day-heading">{formatDay(day)}</h3>
                      <ul className="entry-cards" aria-label={`Events of ${formatDay(day)}`}>
                        {items
                          .filter((e) => isoDay(new Date(e.startsAt)) === day)
                          .map((e) => (
                            <EventCard
                              key={e.id}
                              event={e}
                              can={permissions(e)}
                              onAction={(action) => open({ action, event: e })}
                            />
                          ))}
                      </ul>
                    </div>
                  ))}
                </>
              );
            }}
          </LoadState>
        </Section>
        <EventFeeds schoolOptions={schoolOptions} coversEvents={isSro} />
      </div>
      <Dialog
        open={dialog?.action === 'new' || dialog?.action === 'edit'}
        title={dialog?.action === 'edit' ? 'Edit event' : 'New event'}
        onClose={() => setDialog(null)}
        wide
      >
        {(dialog?.action === 'new' || dialog?.action === 'edit') && (
          <EventForm
            event={dialog.event}
            schoolOptions={schoolOptions}
            defaultSchoolId={schoolId || homeSchoolId}
            onCancel={() => setDialog(null)}
            onDone={(e) => done(`“${e.title}” is saved.`)}
          />
        )}
      </Dialog>
      <Dialog
        open={dialog?.action === 'assign'}
        title={`Assign an SRO${dialog?.event ? `: ${dialog.event.title}` : ''}`}
        onClose={() => setDialog(null)}
        wide
      >
        {dialog?.action === 'assign' && dialog.event && (
          <CoverageForm
            event={dialog.event}
            onCancel={() => setDialog(null)}
            onDone={(e) =>
              done(
                e.coverage
                  ? `${e.coverage.sro.name} covers “${e.title}”.`
                  : `Nobody covers “${e.title}” now.`,
              )
            }
          />
        )}
      </Dialog>
      <Dialog open={dialog?.action === 'notes'} title="Post-event notes" onClose={() => setDialog(null)}>
        {dialog?.action === 'notes' && dialog.event && (
          <NotesForm
            event={dialog.event}
            onCancel={() => setDialog(null)}
            onDone={(e) => done(`Notes on “${e.title}” are saved.`)}
          />
        )}
      </Dialog>
    </Page>
  );
}
