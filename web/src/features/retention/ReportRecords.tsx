import { useState } from 'react';
import type { RecordType } from '@common/retention.ts';
import { Button } from '../../components/Button.tsx';
import { LoadState } from '../../components/LoadState.tsx';
import { useApiData } from '../../lib/hooks.ts';

const PAGE = 200;

/** The numbers of one type of a destruction report, 200 at a time (each page read is audited). */
export function ReportRecords({ reportId, recordType, label }: { reportId: string; recordType: RecordType; label: string }) {
  const [offset, setOffset] = useState(0);
  const resource = useApiData<{ items: { id: string; label: string }[]; total: number }>(`/retention/reports/${reportId}/records`, { recordType, offset });
  return (
    <LoadState resource={resource} label="Loading numbers…">
      {({ items, total }) => (
        <div aria-label={`Numbers of ${label}`} role="region">
          <p>{label}: {offset + 1}–{offset + items.length} of {total}</p>
          <ul className="inline-list">{items.map((r) => <li key={r.id}><code>{r.label}</code></li>)}</ul>
          <span className="row">
            {offset > 0 && <Button onClick={() => setOffset(Math.max(0, offset - PAGE))}>Previous</Button>}
            {offset + items.length < total && <Button onClick={() => setOffset(offset + PAGE)}>Next</Button>}
          </span>
        </div>
      )}
    </LoadState>
  );
}
