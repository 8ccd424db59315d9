import type { CheckRunDetail } from '@common/patrols.ts';
import { Badge } from '../../components/Badge.tsx';
import { formatMinutes } from '../../lib/datetime.ts';
import { formatDateTime } from '../../lib/format.ts';

/** The results of one check run; failed items name the work order they opened. */
export function CheckRunView({ run }: { run: CheckRunDetail }) {
  return (
    <div className="stack" data-check-run={run.id}>
      <p className="small">
        {run.checklist.name} at {run.school.name} · {formatDateTime(run.startedAt)} ·{' '}
        {formatMinutes(run.durationMinutes)} · {run.officer.name}
      </p>
      <ul className="check-results" aria-label="Results">
        {run.results.map((r) => (
          <li key={r.itemId} className={r.passed ? 'check-result' : 'check-result is-failed'}>
            <span>
              {r.passed ? <Badge tone="success">✓ Pass</Badge> : <Badge tone="danger">✕ Fail</Badge>}{' '}
              {r.label}
              {r.area && <span className="muted small"> · {r.area.name}</span>}
            </span>
            {r.note && <span className="small pre-line">{r.note}</span>}
            {r.workOrder && (
              <span className="small" data-work-order={r.workOrder.number}>
                Work order <strong>{r.workOrder.number}</strong> opened
              </span>
            )}
          </li>
        ))}
      </ul>
      {run.notes && <p className="pre-line">{run.notes}</p>}
    </div>
  );
}
