import { Badge } from '../../components/Badge.tsx';
import { formatDateTime } from '../../lib/format.ts';
import { spanText, useNow } from '../incidents/Countdown.tsx';

/**
 * Time since a life-safety tip arrived, until someone acknowledges it: red and ticking while nobody has,
 * then the time it took. Screen readers get the submission time rather than a number that keeps changing.
 */
export function SinceTimer({ since, acknowledgedAt }: { since: string; acknowledgedAt: string | null }) {
  const now = useNow(1000);
  const start = Date.parse(since);
  if (acknowledgedAt)
    return <Badge tone="success">Acknowledged after {spanText(Date.parse(acknowledgedAt) - start)}</Badge>;
  return (
    <span className="countdown" data-timer="unacknowledged" title={`submitted ${formatDateTime(since)}`}>
      <span aria-hidden="true">
        <Badge tone="danger">Unacknowledged · {spanText(now - start)}</Badge>
      </span>
      <span className="visually-hidden">Not acknowledged yet, submitted {formatDateTime(since)}</span>
    </span>
  );
}
