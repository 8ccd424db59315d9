import { ADVANCE_KIND_LABELS, type AdvanceNotice } from '@common/notices.ts';
import { Badge } from '../../components/Badge.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { formatDay, plural } from '../../lib/format.ts';

// Fewer than two weeks' notice is short for a school planning coverage.
const SHORT_NOTICE_DAYS = 14;

/** Advance notices with their days of notice (short notice stands out). */
export function AdvanceNotices({ items, busy }: { items: AdvanceNotice[]; busy: boolean }) {
  if (items.length === 0) return <EmptyState title="No advance notice." />;
  return (
    <DataTable
      caption="Advance notices"
      rows={items}
      rowKey={(n) => n.id}
      busy={busy}
      columns={[
        { header: 'Officer', render: (n) => <strong>{n.sro.name}</strong> },
        { header: 'Kind', render: (n) => ADVANCE_KIND_LABELS[n.kind] },
        {
          header: 'Dates',
          className: 'nowrap',
          render: (n) =>
            n.fromDate === n.toDate
              ? formatDay(n.fromDate)
              : `${formatDay(n.fromDate)} – ${formatDay(n.toDate)}`,
        },
        { header: 'Schools', render: (n) => n.schools.map((s) => s.name).join(', ') },
        {
          header: 'Notice',
          render: (n) =>
            n.daysNotice < SHORT_NOTICE_DAYS ? (
              <Badge tone="warning">{plural(n.daysNotice, 'day')}</Badge>
            ) : (
              <Badge>{plural(n.daysNotice, 'day')}</Badge>
            ),
        },
        { header: 'Coverage', render: (n) => n.coverage ?? '' },
        { header: 'Note', render: (n) => <span className="pre-line">{n.note ?? ''}</span> },
      ]}
    />
  );
}
