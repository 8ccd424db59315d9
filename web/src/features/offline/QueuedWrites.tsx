import { Link } from 'react-router-dom';
import { formatDateTime } from '../../lib/format.ts';
import { useOffline } from '../../lib/offline.tsx';
import type { QueuedKind } from '../../lib/offline-store.ts';

/**
 * The writes of one kind still on this device, shown above the page's own list (a patrol logged offline is
 * listed as "Not yet sent" until the server has it). Renders nothing when there are none.
 */
export function QueuedWrites({ kind, label }: { kind: QueuedKind; label: string }) {
  const { writes } = useOffline();
  const mine = writes.filter((w) => w.kind === kind);
  if (mine.length === 0) return null;
  return (
    <ul className="entry-cards" aria-label={label}>
      {mine.map((w) => (
        <li key={w.seq} className="entry-card is-unsent" data-unsent-key={w.key}>
          <div className="row-between">
            <strong>{w.label}</strong>
            <span className={w.state === 'refused' ? 'badge badge-danger' : 'badge badge-warning'}>
              {w.state === 'refused' ? 'Not sent' : 'Not yet sent'}
            </span>
          </div>
          <p className="small muted">
            Kept on this device {formatDateTime(w.createdAt)}
            {w.refusal && `: ${w.refusal.message}`} · <Link to="/unsent">Not yet sent list</Link>
          </p>
        </li>
      ))}
    </ul>
  );
}
