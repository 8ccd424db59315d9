import { Link } from 'react-router-dom';
import { formatDateTime } from '../../lib/format.ts';
import { useOffline } from '../../lib/offline.tsx';
import { useSession } from '../../lib/session.tsx';
import { useLive } from '../alerts/live.tsx';

/**
 * The line under the header that says what is not yet on the server: shown while the browser is offline and
 * while anything waits in the queue or was refused ("Not sent"), with a link to the list.
 */
export function OfflineBanner() {
  const { online, writes } = useOffline();
  const { active, confirmedAt } = useLive();
  const { can } = useSession();
  const refused = writes.filter((w) => w.state === 'refused').length;
  const waiting = writes.length - refused;
  if (online && writes.length === 0) return null;
  const parts = [
    ...(waiting ? [`${waiting} not yet sent`] : []),
    ...(refused ? [`${refused} not sent: needs you`] : []),
  ];
  return (
    <div
      className={refused ? 'offline-banner is-refused' : 'offline-banner'}
      role="status"
      aria-label="Offline work"
    >
      <p>
        {!online && <strong>You are offline. </strong>}
        {!online &&
          writes.length === 0 &&
          'What you log now is kept on this device and sent when the signal returns. '}
        {!online && confirmedAt && (
          <span>
            {active.length === 0
              ? 'No alert in force'
              : `${active.length} alert${active.length === 1 ? '' : 's'} in force`}{' '}
            as of {formatDateTime(confirmedAt)}.{' '}
            {can('plan.read') && <Link to="/plans/srp">SRP quick reference</Link>}{' '}
          </span>
        )}
        {parts.length > 0 && (
          <Link to="/unsent">
            <span className="badge badge-warning" data-unsent-count={writes.length}>
              {writes.length}
            </span>{' '}
            {parts.join(', ')}
          </Link>
        )}
      </p>
    </div>
  );
}
