import { Link } from 'react-router-dom';
import { ASSESSMENT_LAYER_LABELS, type Finding } from '@common/assessments.ts';
import { Badge } from '../../components/Badge.tsx';
import { Button } from '../../components/Button.tsx';
import { DataTable, type Column } from '../../components/DataTable.tsx';
import { formatDay } from '../../lib/format.ts';
import { FindingStatusBadge, SeverityBadge } from './labels.tsx';

/** Findings with severity, owner, due date (overdue stands out), remediation status and work order. */
export function FindingsTable({
  caption,
  findings,
  busy,
  showAssessment,
  onEdit,
}: {
  caption: string;
  findings: Finding[];
  busy?: boolean;
  /** Lists across assessments link each finding to its assessment. */
  showAssessment?: boolean;
  onEdit?: (finding: Finding) => void;
}) {
  const columns: Column<Finding>[] = [
    {
      header: 'Finding',
      render: (f) => (
        <span className="stack-tight">
          {showAssessment ? (
            <Link to={`/assessments/${f.assessmentId}`}>{f.title}</Link>
          ) : (
            <strong>{f.title}</strong>
          )}
          {f.item && (
            <span className="muted small">
              {ASSESSMENT_LAYER_LABELS[f.item.layer]}: {f.item.title}
            </span>
          )}
          {showAssessment && <span className="muted small">{f.school.name}</span>}
        </span>
      ),
    },
    { header: 'Severity', render: (f) => <SeverityBadge severity={f.severity} /> },
    { header: 'Owner', render: (f) => f.owner?.name ?? <span className="muted">Nobody</span> },
    {
      header: 'Due',
      className: 'nowrap',
      render: (f) =>
        f.dueOn ? (
          <span className="stack-tight">
            {formatDay(f.dueOn)}
            {f.overdue && <Badge tone="danger">! Overdue</Badge>}
          </span>
        ) : (
          <span className="muted">No date</span>
        ),
    },
    { header: 'Status', render: (f) => <FindingStatusBadge status={f.status} /> },
    {
      header: 'Work order',
      render: (f) =>
        f.workOrder ? <Link to={`/work-orders/${f.workOrder.id}`}>{f.workOrder.number}</Link> : '',
    },
  ];
  if (onEdit)
    columns.push({
      header: 'Actions',
      className: 'actions',
      hideLabelWhenStacked: true,
      render: (f) => (
        <Button size="small" onClick={() => onEdit(f)} aria-label={`Update finding ${f.title}`}>
          Update
        </Button>
      ),
    });
  return <DataTable caption={caption} rows={findings} rowKey={(f) => f.id} busy={busy} columns={columns} />;
}
