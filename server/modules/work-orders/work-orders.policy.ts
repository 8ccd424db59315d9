import {
  CLOSED_WORK_ORDER_STATUSES, WORK_ORDER_DUE_DAYS, type WorkOrderPriority, type WorkOrderStatus,
} from '../../../common/work-orders.js';
import { AppError } from '../../lib/errors.js';
import { addDays } from '../calendars/calendars.days.js';

/** The work order number shown to people: WO-2026-00042. */
export function formatWorkOrderNumber(year: number, n: number): string {
  return `WO-${year}-${String(n).padStart(5, '0')}`;
}

/** The due date given, or today plus the days its priority allows. */
export function dueDateOf(today: string, priority: WorkOrderPriority, dueOn?: string | null): string {
  return dueOn ?? addDays(today, WORK_ORDER_DUE_DAYS[priority]);
}

/** True when still open after its due date. */
export function isOverdue(order: { status: string; dueOn: string }, today: string): boolean {
  return !CLOSED_WORK_ORDER_STATUSES.includes(order.status as WorkOrderStatus) && order.dueOn < today;
}

/** A vendor owner needs a vendor; district maintenance has none. */
export function requireOwner(ownerKind: string, vendorId: string | null | undefined): void {
  if (ownerKind === 'vendor' && !vendorId) throw new AppError('validation_failed', 'vendorId: required when the owner is a vendor', { field: 'vendorId' });
}

/**
 * The closure fields of a status change: closing (completed or cancelled) needs closure notes and stamps the time;
 * reopening clears both.
 */
export function closureOf(before: { status: string; closureNotes: string | null }, status: WorkOrderStatus | undefined, notes: string | null | undefined, now: Date) {
  if (!status || status === before.status) return {};
  const closing = CLOSED_WORK_ORDER_STATUSES.includes(status);
  if (closing) {
    const closureNotes = notes ?? before.closureNotes;
    if (!closureNotes) throw new AppError('validation_failed', 'closureNotes: say what was done (or why it is cancelled)', { field: 'closureNotes' });
    return { closedAt: now, closureNotes };
  }
  return CLOSED_WORK_ORDER_STATUSES.includes(before.status as WorkOrderStatus) ? { closedAt: null } : {};
}
