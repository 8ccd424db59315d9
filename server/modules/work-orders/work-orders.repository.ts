import { and, asc, desc, eq, inArray, lt, notInArray, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { CLOSED_WORK_ORDER_STATUSES } from '../../../common/work-orders.js';
import type { Scope } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { campusAreas, directoryOrganizations, schools, users, workOrderNotes, workOrders } from '../../db/schema/index.js';
import { inScope } from '../drills/drills.scope.js';

export { nextNumber } from '../../db/counters.js';

const creator = alias(users, 'creator');
const columns = {
  w: workOrders, schoolName: schools.name, areaName: campusAreas.name, vendorName: directoryOrganizations.name, createdByName: creator.name,
};
/** A work order row with the names it shows. */
export type WorkOrderRow = Awaited<ReturnType<typeof findWorkOrders>>[number];

/** The filter of a work order list; `status` 'active' means not completed or cancelled. */
export interface WorkOrderFilter {
  id?: string; schoolId?: string; status?: string; source?: string; sourceId?: string; vendorId?: string;
  overdueBefore?: string; limit?: number;
}

/** Work orders of the scope's schools in the district: overdue and most urgent first, then by due date. */
export async function findWorkOrders(db: Db, districtId: string, scope: Scope, filter: WorkOrderFilter) {
  const closed = [...CLOSED_WORK_ORDER_STATUSES];
  return db.select(columns).from(workOrders)
    .innerJoin(schools, eq(schools.id, workOrders.schoolId))
    .innerJoin(creator, eq(creator.id, workOrders.createdBy))
    .leftJoin(campusAreas, eq(campusAreas.id, workOrders.areaId))
    .leftJoin(directoryOrganizations, eq(directoryOrganizations.id, workOrders.vendorId))
    .where(and(
      eq(workOrders.districtId, districtId), inScope(workOrders.schoolId, scope),
      filter.id ? eq(workOrders.id, filter.id) : undefined,
      filter.schoolId ? eq(workOrders.schoolId, filter.schoolId) : undefined,
      filter.status === 'active' ? notInArray(workOrders.status, closed) : filter.status ? eq(workOrders.status, filter.status) : undefined,
      filter.source ? eq(workOrders.source, filter.source) : undefined,
      filter.sourceId ? eq(workOrders.sourceId, filter.sourceId) : undefined,
      filter.vendorId ? eq(workOrders.vendorId, filter.vendorId) : undefined,
      filter.overdueBefore ? and(notInArray(workOrders.status, closed), lt(workOrders.dueOn, filter.overdueBefore)) : undefined,
    ))
    .orderBy(
      sql`case when ${workOrders.status} in ('completed', 'cancelled') then 1 else 0 end`,
      asc(workOrders.dueOn),
      sql`case ${workOrders.priority} when 'urgent' then 0 when 'high' then 1 when 'normal' then 2 else 3 end`,
      desc(workOrders.createdAt),
    )
    .limit(filter.limit ?? 200);
}

/** Inserts a work order. */
export async function insertWorkOrder(db: Db, values: typeof workOrders.$inferInsert) {
  const [row] = await db.insert(workOrders).values(values).returning({ id: workOrders.id });
  return row!.id;
}

/** Changes a work order. */
export async function updateWorkOrder(db: Db, id: string, values: Partial<typeof workOrders.$inferInsert>, now: Date) {
  await db.update(workOrders).set({ ...values, updatedAt: now }).where(eq(workOrders.id, id));
}

/** Notes of a work order, oldest first. */
export async function findNotes(db: Db, workOrderId: string) {
  return db.select({ id: workOrderNotes.id, text: workOrderNotes.text, byId: users.id, byName: users.name, at: workOrderNotes.createdAt })
    .from(workOrderNotes).innerJoin(users, eq(users.id, workOrderNotes.createdBy))
    .where(eq(workOrderNotes.workOrderId, workOrderId)).orderBy(asc(workOrderNotes.createdAt));
}

/** Adds a note. */
export async function insertNote(db: Db, values: typeof workOrderNotes.$inferInsert) {
  const [row] = await db.insert(workOrderNotes).values(values).returning({ id: workOrderNotes.id });
  return row!.id;
}

/** Open work orders of the given sources and source ids (e.g. the orders of one item of equipment). */
export async function findOpenBySources(db: Db, districtId: string, source: string, sourceIds: string[]) {
  if (sourceIds.length === 0) return [];
  return db.select({ id: workOrders.id, sourceId: workOrders.sourceId, number: workOrders.number }).from(workOrders)
    .where(and(eq(workOrders.districtId, districtId), eq(workOrders.source, source), inArray(workOrders.sourceId, sourceIds),
      notInArray(workOrders.status, [...CLOSED_WORK_ORDER_STATUSES])));
}
