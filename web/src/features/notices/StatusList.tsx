import type { PresenceStatus } from '@common/notices.ts';
import { Badge } from '../../components/Badge.tsx';
import { formatTime } from '../../lib/datetime.ts';
import { formatDateTime } from '../../lib/format.ts';
import { districtDayOf } from '../../lib/zone.ts';

const isToday = (value: string) => districtDayOf(new Date(value)) === districtDayOf();
const when = (value: string) => (isToday(value) ? formatTime(value) : formatDateTime(value));

/** One SRO at one school: on campus, or away with the reason, the expected return and whom to call. */
export function StatusItem({ status, showSchool }: { status: PresenceStatus; showSchool: boolean }) {
  const away = status.status === 'away' && status.notice;
  return (
    <li
      className={away ? 'card status-card is-out' : 'card status-card'}
      data-presence-school={status.schoolId}
      data-presence-sro={status.sro.id}
      data-presence-status={status.status}
    >
      <p className="status-line">
        <span className="status-big">{away ? '⇥ Away from campus' : '✓ On campus'}</span>
        {status.overdue && <Badge tone="danger">Past the expected return</Badge>}
      </p>
      <p>
        <strong>{status.sro.name}</strong>
        {showSchool && <> · {status.schoolName}</>}
        {status.since && <span className="muted"> · since {when(status.since)}</span>}
      </p>
      {away && status.notice && (
        <>
          <p>Reason: {status.notice.reason}</p>
          <p>
            Expected back: <strong>{when(status.notice.expectedReturnAt)}</strong>
          </p>
          <p>
            Meanwhile call: <strong>{status.notice.backupContact}</strong>
          </p>
        </>
      )}
    </li>
  );
}

/** The SROs of my schools and where they are. */
export function StatusList({ items, label }: { items: PresenceStatus[]; label: string }) {
  const schools = new Set(items.map((s) => s.schoolId));
  const sorted = [...items].sort(
    (a, b) =>
      Number(b.status === 'away') - Number(a.status === 'away') || a.schoolName.localeCompare(b.schoolName),
  );
  return (
    <ul className="entry-cards" aria-label={label} aria-live="polite">
      {sorted.map((s) => (
        <StatusItem key={`${s.schoolId} ${s.sro.id}`} status={s} showSchool={schools.size > 1} />
      ))}
    </ul>
  );
}
