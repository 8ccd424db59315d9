import { Link } from 'react-router-dom';
import { Badge } from '../../components/Badge.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Section } from '../../components/Page.tsx';
import { formatDay } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import { useSession } from '../../lib/session.tsx';
import type { Assignment } from '../../lib/types.ts';

/** An SRO's current school assignments (primary first), on the dashboard. */
export function MyAssignments({ userId }: { userId: string }) {
  const { can } = useSession();
  const resource = useApiData<{ items: Assignment[] }>(can('assignment.read') ? '/assignments' : null, {
    userId,
    current: 'true',
  });
  if (!can('assignment.read')) return null;
  return (
    <Section title="Your assignments" id="my-assignments">
      <LoadState resource={resource} label="Loading your assignments…">
        {({ items }) =>
          items.length === 0 ? (
            <EmptyState title="You have no current assignment." />
          ) : (
            <ul className="assignment-list">
              {[...items]
                .sort((a, b) =>
                  a.kind === b.kind
                    ? a.schoolName.localeCompare(b.schoolName)
                    : a.kind === 'primary'
                      ? -1
                      : 1,
                )
                .map((a) => (
                  <li key={a.id}>
                    {can('school.read') ? (
                      <Link to={`/schools/${a.schoolId}`}>{a.schoolName}</Link>
                    ) : (
                      a.schoolName
                    )}{' '}
                    <Badge tone={a.kind === 'primary' ? 'info' : 'neutral'}>
                      {a.kind === 'primary' ? 'Primary' : 'Feeder'}
                    </Badge>{' '}
                    <span className="muted small">since {formatDay(a.startsOn)}</span>
                  </li>
                ))}
            </ul>
          )
        }
      </LoadState>
    </Section>
  );
}
