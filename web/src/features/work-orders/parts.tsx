import { WORK_ORDER_VENDOR_KINDS, type DirectoryEntry } from '@common/directory.ts';
import type { WorkOrder } from '@common/work-orders.ts';
import { Badge } from '../../components/Badge.tsx';
import type { Option } from '../../components/Field.tsx';
import { formatDay } from '../../lib/format.ts';
import { useApiData } from '../../lib/hooks.ts';
import type { Area } from '../../lib/types.ts';
import { PRIORITY_LOOK, STATUS_LOOK } from './labels.ts';

/** The status badge of a work order, with a second "Overdue" badge when it is past due and still open. */
export function WorkOrderStatus({ order }: { order: Pick<WorkOrder, 'status' | 'overdue'> }) {
  const look = STATUS_LOOK[order.status];
  return (
    <span className="row">
      <Badge tone={look.tone}>{look.label}</Badge>
      {order.overdue && <Badge tone="danger">! Overdue</Badge>}
    </span>
  );
}

/** The priority as a badge. */
export function PriorityBadge({ priority }: { priority: WorkOrder['priority'] }) {
  const look = PRIORITY_LOOK[priority];
  return <Badge tone={look.tone}>{look.label}</Badge>;
}

/** The due date, bold and red when overdue. */
export function DueDate({ order }: { order: Pick<WorkOrder, 'dueOn' | 'overdue'> }) {
  return order.overdue ? (
    <strong className="text-danger">{formatDay(order.dueOn)}</strong>
  ) : (
    <>{formatDay(order.dueOn)}</>
  );
}

/** Who does the work, in words. */
export function ownerText(order: Pick<WorkOrder, 'ownerKind' | 'vendor'>): string {
  return order.ownerKind === 'vendor' ? (order.vendor?.name ?? 'A vendor') : 'District maintenance';
}

/** Active vendors that can own a work order at the school (district-wide ones included), as options. */
export function useVendorOptions(schoolId: string): { options: Option[]; error: Error | null } {
  const list = useApiData<{ items: DirectoryEntry[] }>('/directory', { schoolId: schoolId || undefined });
  return {
    options: (list.data?.items ?? [])
      .filter((e) => WORK_ORDER_VENDOR_KINDS.includes(e.kind))
      .map((e) => ({ value: e.id, label: e.name })),
    error: list.error,
  };
}

/** Active campus areas of a school as options ("Main building › Room 12" style names kept as the server gives). */
export function useAreaOptions(schoolId: string): Option[] {
  const areas = useApiData<{ items: Area[] }>(schoolId ? `/schools/${schoolId}/areas` : null);
  return (areas.data?.items ?? []).filter((a) => a.active).map((a) => ({ value: a.id, label: a.name }));
}
