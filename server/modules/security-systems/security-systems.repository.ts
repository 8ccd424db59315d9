import { aliasedTable, and, asc, desc, eq, ilike, sql } from 'drizzle-orm';
import type { SecuritySystemKind, SecuritySystemStatus } from '../../../common/security-systems.js';
import type { Scope } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import {
  campusAreas, directoryOrganizations, schools, securitySystemEvents, securitySystems, users, workOrders,
} from '../../db/schema/index.js';
import { inScope } from '../drills/drills.scope.js';

const CLOSED = sql`('completed', 'cancelled')`;
/** The open outage work order of a system (the newest), as id and number. */
const openOrder = (column: 'id' | 'number') => sql<string | null>`(select w.${sql.raw(column)} from ${workOrders} w
  where w.source = 'security_outage' and w.source_id = ${securitySystems.id} and w.status not in ${CLOSED}
  order by w.created_at desc limit 1)`;

const columns = {
  s: securitySystems,
  schoolName: schools.name,
  areaName: campusAreas.name,
  vendorName: directoryOrganizations.name,
  openWorkOrderId: openOrder('id'),
  openWorkOrderNumber: openOrder('number'),
};
/** A system with the names of its school, area and vendor and its open outage work order. */
export type SystemRow = Awaited<ReturnType<typeof findSystem>> & {};

function selectSystems(db: Db) {
  return db.select(columns).from(securitySystems)
    .innerJoin(schools, eq(schools.id, securitySystems.schoolId))
    .leftJoin(campusAreas, eq(campusAreas.id, securitySystems.areaId))
    .leftJoin(directoryOrganizations, eq(directoryOrganizations.id, securitySystems.vendorId));
}

/** Filters of the registry list. */
export interface SystemFilter {
  schoolId?: string; areaId?: string; kind?: SecuritySystemKind; status?: SecuritySystemStatus; retired: 'true' | 'false' | 'all'; q?: string; limit: number;
}

/** Systems of the scope's schools, by school, kind and name. */
export async function findSystems(db: Db, districtId: string, scope: Scope, f: SystemFilter) {
  const s = securitySystems;
  const like = f.q ? `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return selectSystems(db).where(and(
    eq(s.districtId, districtId), inScope(s.schoolId, scope), f.schoolId ? eq(s.schoolId, f.schoolId) : undefined,
    f.areaId ? eq(s.areaId, f.areaId) : undefined, f.kind ? eq(s.kind, f.kind) : undefined, f.status ? eq(s.status, f.status) : undefined,
    f.retired === 'all' ? undefined : eq(s.retired, f.retired === 'true'), like ? ilike(s.name, like) : undefined,
  )).orderBy(asc(schools.name), asc(s.kind), asc(s.name), asc(s.id)).limit(f.limit);
}

/** One system of the district. */
export async function findSystem(db: Db, districtId: string, id: string) {
  const [row] = await selectSystems(db).where(and(eq(securitySystems.id, id), eq(securitySystems.districtId, districtId)));
  return row;
}

/** Systems of a school that are not working, longest down first. */
export async function findDown(db: Db, schoolId: string) {
  return selectSystems(db).where(and(eq(securitySystems.schoolId, schoolId), eq(securitySystems.retired, false), sql`${securitySystems.status} <> 'working'`))
    .orderBy(asc(securitySystems.statusSince), asc(securitySystems.name));
}

/** Inserts a system; answers its id. */
export async function insertSystem(db: Db, values: typeof securitySystems.$inferInsert) {
  const [row] = await db.insert(securitySystems).values(values).returning({ id: securitySystems.id });
  return row!.id;
}

/** Changes a system. */
export async function updateSystem(db: Db, id: string, values: Partial<typeof securitySystems.$inferInsert>, now: Date) {
  await db.update(securitySystems).set({ ...values, updatedAt: now }).where(eq(securitySystems.id, id));
}

/** Appends a status change to the history. */
export async function insertEvent(db: Db, values: typeof securitySystemEvents.$inferInsert) {
  await db.insert(securitySystemEvents).values(values);
}

/** The status history of a system, newest first. */
export async function findHistory(db: Db, systemId: string) {
  const by = aliasedTable(users, 'by_user');
  return db.select({ h: securitySystemEvents, byName: by.name, workOrderNumber: workOrders.number }).from(securitySystemEvents)
    .innerJoin(by, eq(by.id, securitySystemEvents.byId))
    .leftJoin(workOrders, eq(workOrders.id, securitySystemEvents.workOrderId))
    .where(eq(securitySystemEvents.systemId, systemId)).orderBy(desc(securitySystemEvents.at), desc(securitySystemEvents.createdAt));
}

/** Counts of a school's active systems by kind and status. */
export async function countByKind(db: Db, schoolId: string) {
  return db.select({ kind: securitySystems.kind, status: securitySystems.status, n: sql<number>`count(*)::int` }).from(securitySystems)
    .where(and(eq(securitySystems.schoolId, schoolId), eq(securitySystems.retired, false)))
    .groupBy(securitySystems.kind, securitySystems.status);
}

/** Per school of the scope: counts by status, open outage work orders and the oldest outage, in one statement. */
export async function findDistrictOverview(db: Db, districtId: string, scope: Scope) {
  const s = securitySystems;
  const counts = db.select({
    schoolId: s.schoolId,
    total: sql<number>`count(*)::int`.as('total'),
    working: sql<number>`count(*) filter (where ${s.status} = 'working')::int`.as('working'),
    degraded: sql<number>`count(*) filter (where ${s.status} = 'degraded')::int`.as('degraded'),
    offline: sql<number>`count(*) filter (where ${s.status} = 'offline')::int`.as('offline'),
    oldest: sql<Date | null>`min(${s.statusSince}) filter (where ${s.status} <> 'working')`.as('oldest'),
  }).from(s).where(and(eq(s.districtId, districtId), eq(s.retired, false))).groupBy(s.schoolId).as('c');
  const orders = db.select({ schoolId: workOrders.schoolId, n: sql<number>`count(*)::int`.as('n') }).from(workOrders)
    .where(and(eq(workOrders.source, 'security_outage'), sql`${workOrders.status} not in ${CLOSED}`)).groupBy(workOrders.schoolId).as('o');
  return db.select({
    schoolId: schools.id, schoolName: schools.name, street: schools.street, city: schools.city, state: schools.state, zip: schools.zip,
    total: sql<number>`coalesce(${counts.total}, 0)`, working: sql<number>`coalesce(${counts.working}, 0)`,
    degraded: sql<number>`coalesce(${counts.degraded}, 0)`, offline: sql<number>`coalesce(${counts.offline}, 0)`,
    oldest: counts.oldest, openOrders: sql<number>`coalesce(${orders.n}, 0)`,
  }).from(schools).leftJoin(counts, eq(counts.schoolId, schools.id)).leftJoin(orders, eq(orders.schoolId, schools.id))
    .where(and(eq(schools.districtId, districtId), eq(schools.active, true), inScope(schools.id, scope)))
    .orderBy(desc(sql`coalesce(${counts.offline}, 0)`), desc(sql`coalesce(${counts.degraded}, 0)`), asc(schools.name));
}
