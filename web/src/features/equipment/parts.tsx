import {
  EQUIPMENT_CONDITIONS,
  EQUIPMENT_CONDITION_LABELS,
  EQUIPMENT_TYPES,
  EQUIPMENT_TYPE_LABELS,
  EXPIRY_FIELD_LABELS,
  type Equipment,
  type EquipmentCondition,
} from '@common/equipment.ts';
import { Badge } from '../../components/Badge.tsx';
import type { Option } from '../../components/Field.tsx';
import { formatDay } from '../../lib/format.ts';

/** Item types as select options. */
export const TYPE_OPTIONS: Option[] = EQUIPMENT_TYPES.map((t) => ({
  value: t,
  label: EQUIPMENT_TYPE_LABELS[t],
}));
/** Conditions as select options. */
export const CONDITION_OPTIONS: Option[] = EQUIPMENT_CONDITIONS.map((c) => ({
  value: c,
  label: EQUIPMENT_CONDITION_LABELS[c],
}));
/** The inventory filters as select options. */
export const FILTER_OPTIONS: Option[] = [
  { value: 'all', label: 'Everything' },
  { value: 'overdue', label: 'Inspection overdue' },
  { value: 'due', label: 'Inspection due within 30 days' },
  { value: 'expiring', label: 'A part expires within 60 days' },
  { value: 'expired', label: 'A part has expired' },
];

/** Days from today (local) to a YYYY-MM-DD date; negative when past. */
export function daysUntil(day: string): number {
  const [y, m, d] = day.slice(0, 10).split('-').map(Number);
  const target = new Date(y ?? 1970, (m ?? 1) - 1, d ?? 1).getTime();
  const now = new Date();
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate()).getTime();
  return Math.round((target - today) / 86_400_000);
}

function inDays(day: string): string {
  const n = daysUntil(day);
  if (n === 0) return 'today';
  if (n > 0) return `in ${n} ${n === 1 ? 'day' : 'days'}`;
  return `${-n} ${n === -1 ? 'day' : 'days'} ago`;
}

/** The next inspection with a badge when it is due or overdue. */
export function InspectionDue({ item }: { item: Pick<Equipment, 'nextInspectionOn' | 'inspectionState'> }) {
  return (
    <span className="stack-tight">
      <span>{formatDay(item.nextInspectionOn)}</span>
      {item.inspectionState === 'overdue' && (
        <Badge tone="danger">! Overdue {inDays(item.nextInspectionOn)}</Badge>
      )}
      {item.inspectionState === 'due' && <Badge tone="warning">Due {inDays(item.nextInspectionOn)}</Badge>}
    </span>
  );
}

/** The earliest part expiry with a badge when expired or close. */
export function ExpiryCell({ item }: { item: Pick<Equipment, 'nextExpiry' | 'expiryState'> }) {
  if (!item.nextExpiry) return <span className="muted">No expiry</span>;
  const { field, on } = item.nextExpiry;
  return (
    <span className="stack-tight">
      <span>
        {EXPIRY_FIELD_LABELS[field]}: {formatDay(on)}
      </span>
      {item.expiryState === 'expired' && <Badge tone="danger">✕ Expired</Badge>}
      {item.expiryState === 'within_30' && <Badge tone="danger">! Expires {inDays(on)}</Badge>}
      {item.expiryState === 'within_60' && <Badge tone="warning">Expires {inDays(on)}</Badge>}
    </span>
  );
}

/** One part's expiry date with its own badge (item detail). */
export function PartExpiry({ on }: { on: string | null }) {
  if (!on) return <span className="muted">Not recorded</span>;
  const n = daysUntil(on);
  return (
    <span className="row">
      {formatDay(on)}
      {n < 0 && <Badge tone="danger">✕ Expired</Badge>}
      {n >= 0 && n <= 30 && <Badge tone="danger">! Expires {inDays(on)}</Badge>}
      {n > 30 && n <= 60 && <Badge tone="warning">Expires {inDays(on)}</Badge>}
    </span>
  );
}

/** The condition as a badge (poor and out of service stand out). */
export function ConditionBadge({ condition }: { condition: EquipmentCondition }) {
  const tone = condition === 'out_of_service' ? 'danger' : condition === 'poor' ? 'warning' : 'neutral';
  return <Badge tone={tone}>{EQUIPMENT_CONDITION_LABELS[condition]}</Badge>;
}

/** Pass / fail of the last inspection. */
export function LastInspection({
  item,
}: {
  item: Pick<Equipment, 'lastInspectedOn' | 'lastInspectionPassed'>;
}) {
  if (!item.lastInspectedOn) return <span className="muted">Never inspected</span>;
  return (
    <span className="stack-tight">
      <span>{formatDay(item.lastInspectedOn)}</span>
      {item.lastInspectionPassed ? (
        <Badge tone="success">✓ Passed</Badge>
      ) : (
        <Badge tone="danger">✕ Failed</Badge>
      )}
    </span>
  );
}
