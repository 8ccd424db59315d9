import type { WorkOrder, WorkOrderDetail, WorkOrderOwnerKind, WorkOrderPriority, WorkOrderSource, WorkOrderStatus } from '../../../common/work-orders.js';
import { WORK_ORDER_VENDOR_KINDS } from '../../../common/directory.js';
import { writeAudit, whoOf } from '../../audit/audit.js';
import { requireSchool, scopeOf } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { changedFields } from '../../lib/changes.js';
import type { ServiceContext } from '../../lib/context.js';
import { notFound } from '../../lib/errors.js';
import { requireDirectoryEntry } from '../directory/directory.service.js';
import { findDistrictSchool } from '../drills/drills.scope.js';
import { requireCampusArea } from '../schools/schools.service.js';
import { closureOf, dueDateOf, formatWorkOrderNumber, isOverdue, requireOwner } from './work-orders.policy.js';
import * as repo from './work-orders.repository.js';
import type { WorkOrderBody, WorkOrderUpdateBody } from './work-orders.schemas.js';
import { todayOf } from '../../lib/district-time.js';

/** What another module passes to open a work order from its own record. */
export interface NewWorkOrder {
  schoolId: string;
  areaId?: string | null;
  title: string;
  description?: string | null;
  priority?: WorkOrderPriority;
  source: WorkOrderSource;
  sourceId?: string | null;
  ownerKind?: WorkOrderOwnerKind;
  vendorId?: string | null;
  dueOn?: string | null;
}

function toWorkOrder(row: repo.WorkOrderRow, today: string): WorkOrder {
  const w = row.w;
  return {
    id: w.id, number: w.number, school: { id: w.schoolId, name: row.schoolName },
    area: w.areaId && row.areaName ? { id: w.areaId, name: row.areaName } : null,
    title: w.title, description: w.description, priority: w.priority as WorkOrderPriority, status: w.status as WorkOrderStatus,
    source: w.source as WorkOrderSource, sourceId: w.sourceId, ownerKind: w.ownerKind as WorkOrderOwnerKind,
    vendor: w.vendorId && row.vendorName ? { id: w.vendorId, name: row.vendorName } : null,
    dueOn: w.dueOn, overdue: isOverdue(w, today), closedAt: w.closedAt?.toISOString() ?? null, closureNotes: w.closureNotes,
    createdBy: { id: w.createdBy, name: row.createdByName }, createdAt: w.createdAt.toISOString(), updatedAt: w.updatedAt.toISOString(),
  };
}

async function detailOf(ctx: ServiceContext, db: Db, id: string, permission: 'work_order.read' | 'work_order.manage' = 'work_order.read'): Promise<WorkOrderDetail> {
  const [row] = await repo.findWorkOrders(db, ctx.actor.districtId, scopeOf(ctx.actor, permission), { id });
  if (!row) throw notFound('Work order');
  const notes = await repo.findNotes(db, id);
  return {
    ...toWorkOrder(row, todayOf(ctx)),
    notes: notes.map((n) => ({ id: n.id, text: n.text, by: { id: n.byId, name: n.byName }, at: n.at.toISOString() })),
  };
}

/**
 * Opens a work order inside the caller's transaction `tx` and audits it. The calling module has authorized the
 * change that causes it (a failed check, inspection, outage, finding); area and vendor are still validated.
 */
export async function createWorkOrder(tx: Db, ctx: ServiceContext, input: NewWorkOrder): Promise<{ id: string; number: string }> {
  const ownerKind = input.ownerKind ?? 'district_maintenance';
  requireOwner(ownerKind, input.vendorId);
  if (input.areaId) await requireCampusArea(tx, input.schoolId, input.areaId);
  const vendorId = ownerKind === 'vendor' ? (await requireDirectoryEntry(tx, ctx.actor.districtId, input.vendorId!, 'vendorId', WORK_ORDER_VENDOR_KINDS)).id : null;
  const now = ctx.clock.now();
  const year = Number(todayOf(ctx).slice(0, 4));
  const number = formatWorkOrderNumber(year, await repo.nextNumber(tx, ctx.actor.districtId, 'work_order', year));
  const priority = input.priority ?? 'normal';
  const id = await repo.insertWorkOrder(tx, {
    districtId: ctx.actor.districtId, schoolId: input.schoolId, number, areaId: input.areaId ?? null, title: input.title,
    description: input.description ?? null, priority, status: 'open', source: input.source, sourceId: input.sourceId ?? null,
    ownerKind, vendorId, dueOn: dueDateOf(todayOf(ctx), priority, input.dueOn), createdBy: ctx.actor.userId, createdAt: now, updatedAt: now,
  });
  await writeAudit(tx, whoOf(ctx), {
    type: 'work_order.created', schoolId: input.schoolId, subjectType: 'work_order', subjectId: id, detail: { number, source: input.source, sourceId: input.sourceId ?? null },
  });
  return { id, number };
}

/** Work orders at the actor's schools; `overdue` keeps those open past their due date. */
export async function findWorkOrders(ctx: ServiceContext, filter: Omit<repo.WorkOrderFilter, 'overdueBefore' | 'id'> & { overdue?: 'true' | 'false' }) {
  if (filter.schoolId) requireSchool(ctx.actor, 'work_order.read', filter.schoolId, 'School');
  const today = todayOf(ctx);
  const rows = await repo.findWorkOrders(ctx.db, ctx.actor.districtId, scopeOf(ctx.actor, 'work_order.read'), {
    ...filter, overdueBefore: filter.overdue === 'true' ? today : undefined,
  });
  const items = rows.map((r) => toWorkOrder(r, today));
  return filter.overdue === 'false' ? items.filter((w) => !w.overdue) : items;
}

/** One work order with its notes. */
export function getWorkOrder(ctx: ServiceContext, id: string) {
  return detailOf(ctx, ctx.db, id);
}

/** A work order requested by hand at one of the actor's schools. */
export async function requestWorkOrder(ctx: ServiceContext, input: WorkOrderBody) {
  requireSchool(ctx.actor, 'work_order.manage', input.schoolId, 'School');
  return ctx.db.transaction(async (tx) => {
    if (!(await findDistrictSchool(tx, ctx.actor.districtId, input.schoolId))) throw notFound('School');
    const { id } = await createWorkOrder(tx, ctx, { ...input, source: 'manual' });
    return detailOf(ctx, tx, id);
  });
}

/** Changes a work order: owner, priority, due date, status (closing needs closure notes), audited. */
export async function updateWorkOrder(ctx: ServiceContext, id: string, input: WorkOrderUpdateBody) {
  return ctx.db.transaction(async (tx) => {
    const before = await detailOf(ctx, tx, id, 'work_order.manage');
    const ownerKind = input.ownerKind ?? before.ownerKind;
    const vendorInput = input.vendorId !== undefined ? input.vendorId : before.vendor?.id ?? null;
    requireOwner(ownerKind, vendorInput);
    const vendorId = ownerKind === 'vendor' ? (await requireDirectoryEntry(tx, ctx.actor.districtId, vendorInput!, 'vendorId', WORK_ORDER_VENDOR_KINDS)).id : null;
    const now = ctx.clock.now();
    const closure = closureOf(before, input.status, input.closureNotes, now);
    const { vendorId: _v, closureNotes: _c, ...fields } = input;
    const changed = changedFields({ ...before, vendorId: before.vendor?.id ?? null } as Record<string, unknown>, { ...fields, vendorId } as Record<string, unknown>);
    await repo.updateWorkOrder(tx, id, { ...fields, ownerKind, vendorId, ...closure }, now);
    await writeAudit(tx, whoOf(ctx), {
      type: 'work_order.updated', schoolId: before.school.id, subjectType: 'work_order', subjectId: id,
      detail: { fields: changed, status: input.status ?? before.status },
    });
    return detailOf(ctx, tx, id);
  });
}

/** Adds a note to a work order the actor manages. */
export async function addNote(ctx: ServiceContext, id: string, text: string) {
  return ctx.db.transaction(async (tx) => {
    const order = await detailOf(ctx, tx, id, 'work_order.manage');
    const noteId = await repo.insertNote(tx, { workOrderId: id, text, createdBy: ctx.actor.userId, createdAt: ctx.clock.now() });
    await writeAudit(tx, whoOf(ctx), { type: 'work_order.note_added', schoolId: order.school.id, subjectType: 'work_order', subjectId: id, detail: { noteId } });
    return detailOf(ctx, tx, id);
  });
}

/** Open work orders that came from the given source records, by source id (for a module's own lists). */
export async function findOpenWorkOrdersOf(db: Db, districtId: string, source: WorkOrderSource, sourceIds: string[]) {
  return repo.findOpenBySources(db, districtId, source, sourceIds);
}
