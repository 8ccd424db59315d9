import type { TimelineEntry, TimelineKind } from '@common/alerts.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import type { Resource } from '../../lib/hooks.ts';
import { formatDateTime } from '../../lib/format.ts';
import { formatTime } from './srp.ts';

const KIND_LABELS: Record<TimelineKind, string> = {
  raised: 'Raised',
  cancelled: 'Cancelled',
  announced: 'Announced',
  delivered: 'Delivered',
  emailed: 'E-mailed',
  check_in: 'Check-in',
  help_requested: 'Help requested',
  help_escalated: 'Help request escalated',
  escalated: 'Action changed',
  all_clear: 'All Clear',
};

/** The record of an alert, oldest first: raised, announced, delivered counts, check-ins, All Clear. */
export function AlertTimeline({ timeline }: { timeline: Resource<{ items: TimelineEntry[] }> }) {
  return (
    <LoadState resource={timeline} label="Loading the timeline…">
      {({ items }) =>
        items.length === 0 ? (
          <EmptyState title="Nothing recorded yet." />
        ) : (
          <ol className="timeline" aria-label="Timeline">
            {items.map((e) => (
              <li key={e.id} className={`timeline-${e.kind}`}>
                <time dateTime={e.at} title={formatDateTime(e.at)}>
                  {formatTime(e.at)}
                </time>
                <strong>{KIND_LABELS[e.kind]}</strong>: {e.summary}
                {e.actor && <span className="muted"> ({e.actor.name})</span>}
              </li>
            ))}
          </ol>
        )
      }
    </LoadState>
  );
}
