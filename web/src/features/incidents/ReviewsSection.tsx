import type { IncidentDetail } from '@common/incidents.ts';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Section } from '../../components/Page.tsx';
import { formatDateTime } from '../../lib/format.ts';

const EVENT: Record<'submitted' | 'returned' | 'approved', string> = {
  submitted: 'submitted',
  returned: 'returned',
  approved: 'approved',
};

/** Review steps and comments of the report and its supplements, oldest first. */
export function ReviewsSection({ incident }: { incident: IncidentDetail }) {
  const number = (sid: string | null) => incident.supplements.find((s) => s.id === sid)?.number;
  return (
    <Section title="Review comments" id="reviews">
      {incident.reviews.length === 0 ? (
        <EmptyState title="Not reviewed yet." />
      ) : (
        <ol className="timeline" aria-label="Review steps">
          {incident.reviews.map((r) => (
            <li key={r.id}>
              <strong>
                {r.byName} {EVENT[r.event]}{' '}
                {r.supplementId ? `supplement ${number(r.supplementId) ?? ''}` : 'the report'}
              </strong>{' '}
              <span className="muted small">
                <time dateTime={r.at}>{formatDateTime(r.at)}</time> · version {r.version}
              </span>
              {r.comment && <p className="narrative-text">{r.comment}</p>}
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
