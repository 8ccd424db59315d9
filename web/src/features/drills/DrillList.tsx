import type { Drill } from '@common/preparedness.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { DataTable } from '../../components/DataTable.tsx';
import { EmptyState } from '../../components/EmptyState.tsx';
import { Section } from '../../components/Page.tsx';
import { formatDay, plural } from '../../lib/format.ts';
import {
  CONDITION_LABELS,
  DRILL_STATUS_LABELS,
  DRILL_TYPE_LABELS,
  OBSERVER_LABELS,
} from '../preparedness/labels.ts';

const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });

function monthOf(day: string): string {
  const [y, m] = day.split('-').map(Number);
  return monthFormat.format(new Date(y ?? 2000, (m ?? 1) - 1, 1));
}

const STATUS_TONE = { scheduled: 'info', completed: 'success', cancelled: 'neutral' } as const;

/** The drills of a school year as a calendar: grouped by month, oldest first, each with its details. */
export function DrillList({
  drills,
  canRecord,
  onEdit,
  onSchedule,
  busy,
}: {
  drills: Drill[];
  canRecord: boolean;
  onEdit: (drill: Drill) => void;
  onSchedule: () => void;
  busy: boolean;
}) {
  const sorted = [...drills].sort((a, b) =>
    (a.date + (a.startTime ?? '')).localeCompare(b.date + (b.startTime ?? '')),
  );
  const months = new Map<string, Drill[]>();
  for (const d of sorted) {
    const key = d.date.slice(0, 7);
    months.set(key, [...(months.get(key) ?? []), d]);
  }
  return (
    <Section title="Drill calendar" id="drill-calendar">
      {drills.length === 0 ? (
        <EmptyState
          title="No drill this school year yet."
          action={canRecord && <Button onClick={onSchedule}>Schedule a drill</Button>}
        />
      ) : (
        <div className="stack">
          <p className="muted small">{plural(drills.length, 'drill')}</p>
          {[...months.entries()].map(([key, list]) => (
            <div key={key}>
              <h3 className="month-title">{monthOf(`${key}-01`)}</h3>
              <DataTable
                caption={`Drills in ${monthOf(`${key}-01`)}`}
                rows={list}
                rowKey={(d) => d.id}
                busy={busy}
                columns={[
                  {
                    header: 'Date',
                    className: 'nowrap',
                    render: (d) => (
                      <>
                        {formatDay(d.date)}
                        {d.startTime && <span className="muted"> {d.startTime}</span>}
                      </>
                    ),
                  },
                  { header: 'Type', render: (d) => <strong>{DRILL_TYPE_LABELS[d.type]}</strong> },
                  {
                    header: 'Status',
                    render: (d) => (
                      <span className="row">
                        <Badge tone={STATUS_TONE[d.status]}>{DRILL_STATUS_LABELS[d.status]}</Badge>
                        {d.recordedLate && <Badge>Recorded later</Badge>}
                      </span>
                    ),
                  },
                  {
                    header: 'Details',
                    render: (d) =>
                      [
                        d.durationMinutes !== null ? `${d.durationMinutes} min` : '',
                        d.participants !== null ? `${d.participants.toLocaleString()} people` : '',
                        ...d.conditions.map((c) => CONDITION_LABELS[c]),
                        d.secondaryEgress ? 'Secondary exit' : '',
                        d.observers.length > 0
                          ? `Observed by ${d.observers.map((o) => o.name || OBSERVER_LABELS[o.kind]).join(', ')}`
                          : '',
                        d.cancelledReason ? `Cancelled: ${d.cancelledReason}` : '',
                      ]
                        .filter(Boolean)
                        .join(' · '),
                  },
                  {
                    header: 'Follow-up',
                    render: (d) =>
                      d.followUps.length === 0
                        ? ''
                        : `${d.followUps.filter((f) => f.done).length} of ${d.followUps.length} done`,
                  },
                  ...(canRecord
                    ? [
                        {
                          header: 'Actions',
                          className: 'actions',
                          hideLabelWhenStacked: true,
                          render: (d: Drill) => (
                            <Button
                              size="small"
                              onClick={() => onEdit(d)}
                              aria-label={`${d.status === 'scheduled' ? 'Record or change' : 'Edit'} the ${DRILL_TYPE_LABELS[d.type]} drill of ${formatDay(d.date)}`}
                            >
                              {d.status === 'scheduled' ? 'Record result' : 'Edit'}
                            </Button>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            </div>
          ))}
        </div>
      )}
    </Section>
  );
}
