import { RECORD_TYPE_OWNERS, recordLabel, type RecordType } from '@common/record-owners.ts';
import { useSession } from '../lib/session.tsx';

/**
 * Says whose record the page shows ("Law-enforcement record of <agency>, not an education record", "Education record
 * (FERPA)", "Counseling record"...): the same label its PDF and CSV carry (common/record-owners.ts decides it).
 */
export function RecordOwnerBanner({ type }: { type: RecordType }) {
  const { session } = useSession();
  const owner = RECORD_TYPE_OWNERS[type];
  return (
    <p className={`record-owner record-owner-${owner}`} role="note" aria-label="Record owner">
      {recordLabel(type, session.district?.lawEnforcementAgency ?? null)}
    </p>
  );
}
