import { EVENT_KIND_LABELS, type Event } from '@common/events.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { formatTime } from '../../lib/datetime.ts';
import { formatDateTime } from '../../lib/format.ts';

export type EventAction = 'assign' | 'edit' | 'notes';

/** One event of the agenda: when, where, who covers it; uncovered and conflicting events stand out. */
export function EventCard({
  event,
  can,
  onAction,
}: {
  event: Event;
  can: Record<EventAction, boolean>;
  onAction: (action: EventAction) => void;
}) {
  const tone = event.cancelled
    ? ''
    : event.uncovered
      ? ' is-alert'
      : event.conflicts.length > 0
        ? ' is-warning'
        : '';
  const sameDay = new Date(event.startsAt).toDateString() === new Date(event.endsAt).toDateString();
  return (
    <li className={`entry-card${tone}`} data-event-id={event.id} data-event-title={event.title}>
      <div className="row-between">
        <strong className={event.cancelled ? 'event-cancelled' : undefined}>{event.title}</strong>
        <span className="row">
          {event.cancelled && <Badge>Cancelled</Badge>}
          {event.uncovered && <Badge tone="danger">Uncovered</Badge>}
          {event.conflicts.length > 0 && <Badge tone="warning">Conflict</Badge>}
        </span>
      </div>
      <p className="small">
        {formatTime(event.startsAt)}–{sameDay ? formatTime(event.endsAt) : formatDateTime(event.endsAt)} ·{' '}
        {EVENT_KIND_LABELS[event.kind]} · {event.schoolName}
        {event.place && ` · ${event.place}`}
      </p>
      <p className="small">
        {event.coverage ? (
          <>
            Covered by <strong>{event.coverage.sro.name}</strong>
          </>
        ) : event.cancelled ? (
          ''
        ) : (
          'Nobody covers this event yet.'
        )}
      </p>
      {event.conflicts.length > 0 && (
        <p className="small">
          Also covering at that time:{' '}
          {event.conflicts
            .map((c) => `${c.title} (${c.schoolName}, ${formatTime(c.startsAt)}–${formatTime(c.endsAt)})`)
            .join('; ')}
        </p>
      )}
      {event.description && <p className="small pre-line">{event.description}</p>}
      {event.notes && (
        <p className="small pre-line">
          <strong>Post-event notes:</strong> {event.notes}
        </p>
      )}
      <div className="row">
        {can.assign && !event.cancelled && (
          <Button
            size="small"
            variant={event.uncovered ? 'primary' : 'secondary'}
            onClick={() => onAction('assign')}
            aria-label={`Assign an SRO to ${event.title}`}
          >
            {event.coverage ? 'Change SRO' : 'Assign SRO'}
          </Button>
        )}
        {can.notes && (
          <Button
            size="small"
            onClick={() => onAction('notes')}
            aria-label={`Post-event notes of ${event.title}`}
          >
            {event.notes ? 'Edit notes' : 'Add notes'}
          </Button>
        )}
        {can.edit && (
          <Button
            size="small"
            variant="ghost"
            onClick={() => onAction('edit')}
            aria-label={`Edit ${event.title}`}
          >
            Edit
          </Button>
        )}
      </div>
    </li>
  );
}
