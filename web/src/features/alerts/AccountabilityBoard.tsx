import type { Board, BoardTotals, CheckIn } from '@common/alerts.ts';
import { Badge } from '../../components/Badge.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { plural } from '../../lib/format.ts';
import type { LiveMessage } from './live.tsx';
import { formatTime } from './srp.ts';

/** The board with one live check-in applied: totals from the server, the row replaced or added. */
export function applyCheckIn(
  board: Board,
  message: Extract<LiveMessage, { type: 'checkin.recorded' }>,
): Board {
  const { schoolId, checkIn, totals } = message.payload;
  return {
    ...board,
    schools: board.schools.map((s) => {
      if (s.school.id !== schoolId) return s;
      const others = s.checkIns.filter((c) => c.user.id !== checkIn.user.id);
      return {
        ...s,
        totals,
        checkIns: sortCheckIns([checkIn, ...others]),
        notCheckedIn: s.notCheckedIn.filter((u) => u.id !== checkIn.user.id),
      };
    }),
  };
}

/** Need help first, then by time (as the server sorts them). */
function sortCheckIns(list: CheckIn[]): CheckIn[] {
  return [...list].sort((a, b) =>
    a.status === b.status ? a.checkedInAt.localeCompare(b.checkedInAt) : a.status === 'need_help' ? -1 : 1,
  );
}

function Totals({ totals, label }: { totals: BoardTotals; label: string }) {
  const items: { key: string; title: string; value: number; className?: string }[] = [
    { key: 'safe', title: 'Safe', value: totals.safe, className: 'is-safe' },
    { key: 'help', title: 'Need help', value: totals.needHelp, className: 'is-help' },
    { key: 'waiting', title: 'Not checked in', value: totals.notCheckedIn, className: 'is-waiting' },
    { key: 'received', title: 'Screens reached', value: totals.received },
    { key: 'students', title: 'Students with staff', value: totals.students },
    {
      key: 'missing',
      title: 'Missing',
      value: totals.missing,
      className: totals.missing ? 'is-help' : undefined,
    },
    { key: 'extra', title: 'Extra', value: totals.extra },
    {
      key: 'injured',
      title: 'Injured',
      value: totals.injured,
      className: totals.injured ? 'is-help' : undefined,
    },
  ];
  return (
    <dl className="board-totals" aria-label={label}>
      {items.map((i) => (
        <div key={i.key} className={i.className} data-total={i.key}>
          <dt>{i.title}</dt>
          <dd>{i.value.toLocaleString()}</dd>
        </div>
      ))}
    </dl>
  );
}

/**
 * The accountability board of an alert: per school, totals (checked in, need help, not yet, student
 * counts), who needs help, every check-in and who has not checked in. Kept live by the page.
 */
export function AccountabilityBoard({ board }: { board: Board }) {
  return (
    <div className="stack">
      {board.schools.map(({ school, totals, checkIns, notCheckedIn }) => {
        const help = checkIns.filter((c) => c.status === 'need_help');
        const headingId = `board-${school.id}`;
        return (
          <section key={school.id} className="card" aria-labelledby={headingId} data-board-school={school.id}>
            <div className="section-head">
              <h2 id={headingId}>{school.name}</h2>
              <p className="muted" aria-live="polite" data-checked-in={totals.checkedIn}>
                {totals.checkedIn} of {plural(totals.staff, 'staff member')} checked in
              </p>
            </div>
            <Totals totals={totals} label={`Totals at ${school.name}`} />
            {help.length > 0 && (
              <div className="banner banner-error" role="alert">
                <div>
                  <p className="banner-title">Need help: {help.length}</p>
                  <ul className="plain-list">
                    {help.map((c) => (
                      <li key={c.id}>
                        <strong>{c.user.name}</strong> at {c.location}
                        {c.note ? `: ${c.note}` : ''} ({formatTime(c.checkedInAt)})
                      </li>
                    ))}
                  </ul>
                </div>
              </div>
            )}
            <h3 className="mt-sm">Checked in</h3>
            {checkIns.length === 0 ? (
              <EmptyState title="Nobody has checked in yet." />
            ) : (
              <DataTable
                caption={`Check-ins at ${school.name}`}
                rows={checkIns}
                rowKey={(c) => c.id}
                columns={[
                  {
                    header: 'Staff',
                    render: (c) => (
                      <span>
                        <strong>{c.user.name}</strong>
                        {c.user.title && <span className="muted small"> · {c.user.title}</span>}
                      </span>
                    ),
                  },
                  {
                    header: 'Status',
                    render: (c) =>
                      c.status === 'safe' ? (
                        <Badge tone="success">Safe</Badge>
                      ) : (
                        <Badge tone="danger">Need help</Badge>
                      ),
                  },
                  { header: 'Room or area', render: (c) => c.location },
                  { header: 'Students', render: (c) => c.studentsWithMe, className: 'num' },
                  { header: 'Missing', render: (c) => c.missing, className: 'num' },
                  { header: 'Extra', render: (c) => c.extra, className: 'num' },
                  { header: 'Injured', render: (c) => c.injured, className: 'num' },
                  { header: 'Time', render: (c) => formatTime(c.checkedInAt), className: 'nowrap' },
                  { header: 'Note', render: (c) => c.note ?? '' },
                ]}
              />
            )}
            <h3 className="mt-sm">Not checked in yet ({notCheckedIn.length})</h3>
            {notCheckedIn.length === 0 ? (
              <p className="muted">Everyone has checked in.</p>
            ) : (
              <ul className="chip-list" aria-label={`Not checked in at ${school.name}`}>
                {notCheckedIn.map((u) => (
                  <li key={u.id} className="chip">
                    {u.name}
                  </li>
                ))}
              </ul>
            )}
          </section>
        );
      })}
    </div>
  );
}
