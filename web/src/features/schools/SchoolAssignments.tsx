import { Link } from 'react-router-dom';
import { Badge } from '../../components/Badge.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Section } from '../../components/Page.tsx';
import { formatDay } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';
import type { Assignment } from '../../lib/types.ts';

/** The SROs assigned to a school today, primary first. */
export function SchoolAssignments({ schoolId }: { schoolId: string }) {
  const { can } = useSession();
  const allowed = can('assignment.read');
  const resource = useApiData<{ items: Assignment[] }>(allowed ? '/assignments' : null, {
    schoolId,
    current: 'true',
  });
  if (!allowed) return null;
  return (
    <Section
      title="SROs assigned"
      id="school-assignments"
      actions={<Link to={`/assignments?schoolId=${schoolId}`}>All assignments</Link>}
    >
      <LoadState resource={resource} label="Loading assignments…">
        {({ items }) =>
          items.length === 0 ? (
            <p className="muted">No SRO is assigned to this school today.</p>
          ) : (
            <ul className="list-rows">
              {[...items]
                .sort((a, b) =>
                  a.kind === b.kind ? a.userName.localeCompare(b.userName) : a.kind === 'primary' ? -1 : 1,
                )
                .map((a) => (
                  <li key={a.id}>
                    <span>
                      <strong>{a.userName}</strong>
                      {a.badgeNumber && <span className="muted small"> · badge {a.badgeNumber}</span>}
                    </span>
                    <span className="row">
                      <Badge tone={a.kind === 'primary' ? 'info' : 'neutral'}>
                        {a.kind === 'primary' ? 'Primary' : 'Feeder'}
                      </Badge>
                      <span className="muted small">since {formatDay(a.startsOn)}</span>
                    </span>
                  </li>
                ))}
            </ul>
          )
        }
      </LoadState>
    </Section>
  );
}
