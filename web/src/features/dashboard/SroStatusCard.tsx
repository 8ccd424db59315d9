import { Link } from 'react-router-dom';
import { EmptyState } from '../../components/EmptyState.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { Section } from '../../components/Page.tsx';
import { useSession } from '../../lib/session.tsx';
import { StatusList } from '../notices/StatusList.tsx';
import { usePresence } from '../notices/usePresence.ts';

// A district-wide reader would get a card per SRO of every school; past this many only the away ones show.
const MAX_SHOWN = 6;

/**
 * Where the school's SRO is right now, on the staff dashboard: on campus, or away with the expected return and
 * the backup contact. Updates live when the SRO leaves or comes back.
 */
export function SroStatusCard() {
  const { selectedSchoolId } = useSession();
  const presence = usePresence(selectedSchoolId);
  return (
    <Section title="Your SRO" id="sro-status" actions={<Link to="/notices">Notices</Link>}>
      <LoadState resource={presence} label="Loading where the SRO is…">
        {({ items }) => {
          if (items.length === 0) return <EmptyState title="No SRO is assigned to your school." />;
          const shown = items.length > MAX_SHOWN ? items.filter((s) => s.status === 'away') : items;
          return shown.length === 0 ? (
            <p className="muted">Every SRO of your schools is on campus.</p>
          ) : (
            <StatusList items={shown} label="Where your SRO is" />
          );
        }}
      </LoadState>
    </Section>
  );
}
