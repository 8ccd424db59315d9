import { aliasedTable, and, asc, desc, eq, gte, ilike, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { ListEquipmentQuery } from '../../../common/equipment.js';
import type { Scope } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { campusAreas, equipmentDueDays, equipmentInspections, equipmentItems, schools, users, workOrders } from '../../db/schema/index.js';
import { addDays } from '../calendars/calendars.days.js';
import { inScope } from '../drills/drills.scope.js';

const owners = aliasedTable(users, 'owner');
const columns = {
  e: equipmentItems,
  schoolName: schools.name,
  areaName: campusAreas.name,
  ownerName: owners.name,
};
/** An item with the names of its school, area and owner. */
export type ItemRow = Awaited<ReturnType<typeof findItem>> & {};

function selectItems(db: Db) {
  return db.select(columns).from(equipmentItems)
    .innerJoin(schools, eq(schools.id, equipmentItems.schoolId))
    .leftJoin(campusAreas, eq(campusAreas.id, equipmentItems.areaId))
    .leftJoin(owners, eq(owners.id, equipmentItems.ownerId));
}

type Filter = Omit<ListEquipmentQuery, 'limit' | 'offset'>;

/** The conditions of an inventory list within the scope's schools of the district. */
function listWhere(districtId: string, scope: Scope, q: Filter, today: string): SQL | undefined {
  const e = equipmentItems;
  const byFilter: Record<Filter['filter'], SQL | undefined> = {
    all: undefined,
    overdue: lt(e.nextInspectionOn, today),
    due: lte(e.nextInspectionOn, addDays(today, 30)),
    expiring: and(gte(e.nextExpiryOn, today), lte(e.nextExpiryOn, addDays(today, 60))),
    expired: lt(e.nextExpiryOn, today),
  };
  const like = q.q ? `%${q.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  return and(
    eq(e.districtId, districtId), inScope(e.schoolId, scope),
    q.schoolId ? eq(e.schoolId, q.schoolId) : undefined,
    q.areaId ? eq(e.areaId, q.areaId) : undefined,
    q.type ? eq(e.type, q.type) : undefined,
    q.retired === 'all' ? undefined : eq(e.retired, q.retired === 'true'),
    like ? or(ilike(e.name, like), ilike(e.serialNumber, like)) : undefined,
    byFilter[q.filter],
  );
}

/** One page of the inventory (by school, type and name) and the count of all matching. */
export async function findItems(db: Db, districtId: string, scope: Scope, q: ListEquipmentQuery, today: string) {
  const where = listWhere(districtId, scope, q, today);
  const [items, [total]] = await Promise.all([
    selectItems(db).where(where).orderBy(asc(schools.name), asc(equipmentItems.type), asc(equipmentItems.name), asc(equipmentItems.id))
      .limit(q.limit).offset(q.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(equipmentItems).where(where),
  ]);
  return { items, total: Number(total!.n) };
}

/** Every item matching a filter (the CSV export), in list order. */
export async function findAllItems(db: Db, districtId: string, scope: Scope, q: Filter, today: string) {
  return selectItems(db).where(listWhere(districtId, scope, q, today))
    .orderBy(asc(schools.name), asc(equipmentItems.type), asc(equipmentItems.name), asc(equipmentItems.id));
}

/** One item of the district. */
export async function findItem(db: Db, districtId: string, id: string) {
  const [row] = await selectItems(db).where(and(eq(equipmentItems.id, id), eq(equipmentItems.districtId, districtId)));
  return row;
}

/** Inserts items; answers their ids in order. */
export async function insertItems(db: Db, values: (typeof equipmentItems.$inferInsert)[]) {
  if (values.length === 0) return [];
  const rows = await db.insert(equipmentItems).values(values).returning({ id: equipmentItems.id });
  return rows.map((r) => r.id);
}

/** Changes an item. */
export async function updateItem(db: Db, id: string, values: Partial<typeof equipmentItems.$inferInsert>, now: Date) {
  await db.update(equipmentItems).set({ ...values, updatedAt: now }).where(eq(equipmentItems.id, id));
}

/** The inspections of an item, newest first, with the inspector's name. */
export async function findInspections(db: Db, equipmentId: string) {
  return db.select({ i: equipmentInspections, inspectorName: users.name, workOrderNumber: workOrders.number }).from(equipmentInspections)
    .innerJoin(users, eq(users.id, equipmentInspections.inspectorId))
    .leftJoin(workOrders, eq(workOrders.id, equipmentInspections.workOrderId))
    .where(eq(equipmentInspections.equipmentId, equipmentId))
    .orderBy(desc(equipmentInspections.inspectedOn), desc(equipmentInspections.createdAt));
}

/** Links an inspection to the work order its failure opened. */
export async function setInspectionWorkOrder(db: Db, id: string, workOrderId: string) {
  await db.update(equipmentInspections).set({ workOrderId }).where(eq(equipmentInspections.id, id));
}

/** The latest inspection date of an item, or null. */
export async function latestInspectionOn(db: Db, equipmentId: string): Promise<{ on: string; passed: boolean } | null> {
  const [row] = await db.select({ on: equipmentInspections.inspectedOn, passed: equipmentInspections.passed }).from(equipmentInspections)
    .where(eq(equipmentInspections.equipmentId, equipmentId))
    .orderBy(desc(equipmentInspections.inspectedOn), desc(equipmentInspections.createdAt)).limit(1);
  return row ?? null;
}

/** Inserts an inspection; answers its id. */
export async function insertInspection(db: Db, values: typeof equipmentInspections.$inferInsert) {
  const [row] = await db.insert(equipmentInspections).values(values).returning({ id: equipmentInspections.id });
  return row!.id;
}

/** Active areas of a school by lower-cased name (CSV import). */
export async function findAreasByName(db: Db, schoolId: string) {
  const rows = await db.select({ id: campusAreas.id, name: campusAreas.name }).from(campusAreas)
    .where(and(eq(campusAreas.schoolId, schoolId), eq(campusAreas.active, true)));
  return new Map(rows.map((r) => [r.name.trim().toLowerCase(), r.id]));
}

/** Active users of the district by lower-cased e-mail (CSV import). */
export async function findUsersByEmail(db: Db, districtId: string) {
  const rows = await db.select({ id: users.id, email: users.email }).from(users)
    .where(and(eq(users.districtId, districtId), eq(users.active, true)));
  return new Map(rows.map((r) => [r.email.toLowerCase(), r.id]));
}

/** E-mail addresses of the district's users by id (CSV export). */
export async function findUserEmails(db: Db, districtId: string) {
  const rows = await db.select({ id: users.id, email: users.email }).from(users).where(eq(users.districtId, districtId));
  return new Map(rows.map((r) => [r.id, r.email]));
}

/**
 * Rebuilds the due-view summary of some schools (all of the district when `schoolIds` is null) from their active
 * items, folding days before `today` into the day before it. Runs in the caller's transaction.
 */
export async function refreshDueDays(db: Db, districtId: string, schoolIds: string[] | null, today: string) {
  const schoolsOf = (column: SQL) => (schoolIds ? sql`${column} in (${sql.join(schoolIds.map((id) => sql`${id}::uuid`), sql`, `)})` : sql`true`);
  if (schoolIds?.length === 0) return;
  const folded = addDays(today, -1);
  await db.execute(sql`delete from ${equipmentDueDays} where district_id = ${districtId} and ${schoolsOf(sql`school_id`)}`);
  await db.execute(sql`insert into ${equipmentDueDays} (district_id, school_id, kind, day, n)
    select ${districtId}::uuid, e.school_id, k.kind, k.day, count(*)::int from ${equipmentItems} e
    cross join lateral (values
      ('items', date '1970-01-01'),
      (case when e.condition = 'out_of_service' then 'out_of_service' end, date '1970-01-01'),
      ('inspection', greatest(e.next_inspection_on, ${folded}::date)),
      (case when e.next_expiry_on is not null then 'expiry' end, greatest(e.next_expiry_on, ${folded}::date))
    ) as k(kind, day)
    where e.district_id = ${districtId} and not e.retired and k.kind is not null and ${schoolsOf(sql`e.school_id`)}
    group by e.school_id, k.kind, k.day`);
}

/**
 * The district's due and overdue counts per school in one grouped statement over the due-view summary (a few rows
 * per school: the item counts and the days up to 60 ahead). `all` keeps schools with nothing due.
 */
export async function findDistrictDue(db: Db, districtId: string, scope: Scope, today: string, all: boolean) {
  const d = equipmentDueDays;
  const in30 = addDays(today, 30);
  const in60 = addDays(today, 60);
  const total = (kind: string, range?: SQL) => sql<number>`coalesce(sum(${d.n}) filter (where ${d.kind} = ${kind}${range ? sql` and ${range}` : sql``}), 0)::int`;
  const counts = db.select({
    schoolId: d.schoolId,
    items: total('items').as('items'),
    inspectionsOverdue: total('inspection', sql`${d.day} < ${today}`).as('inspections_overdue'),
    inspectionsDue30: total('inspection', sql`${d.day} >= ${today} and ${d.day} <= ${in30}`).as('inspections_due30'),
    expired: total('expiry', sql`${d.day} < ${today}`).as('expired'),
    expiring30: total('expiry', sql`${d.day} >= ${today} and ${d.day} <= ${in30}`).as('expiring30'),
    expiring60: total('expiry', sql`${d.day} > ${in30} and ${d.day} <= ${in60}`).as('expiring60'),
    outOfService: total('out_of_service').as('out_of_service'),
  }).from(d).where(and(
    eq(d.districtId, districtId), inScope(d.schoolId, scope),
    or(inArray(d.kind, ['items', 'out_of_service']), and(eq(d.kind, 'inspection'), lte(d.day, in30)), and(eq(d.kind, 'expiry'), lte(d.day, in60))),
  )).groupBy(d.schoolId).as('c');
  const something = sql`(${counts.inspectionsOverdue} + ${counts.inspectionsDue30} + ${counts.expired} + ${counts.expiring30} + ${counts.expiring60} + ${counts.outOfService}) > 0`;
  return db.select({
    schoolId: schools.id, schoolName: schools.name,
    items: sql<number>`coalesce(${counts.items}, 0)`, inspectionsOverdue: sql<number>`coalesce(${counts.inspectionsOverdue}, 0)`,
    inspectionsDue30: sql<number>`coalesce(${counts.inspectionsDue30}, 0)`, expired: sql<number>`coalesce(${counts.expired}, 0)`,
    expiring30: sql<number>`coalesce(${counts.expiring30}, 0)`, expiring60: sql<number>`coalesce(${counts.expiring60}, 0)`,
    outOfService: sql<number>`coalesce(${counts.outOfService}, 0)`,
  }).from(schools).leftJoin(counts, eq(counts.schoolId, schools.id))
    .where(and(eq(schools.districtId, districtId), eq(schools.active, true), inScope(schools.id, scope), all ? undefined : something))
    .orderBy(desc(sql`coalesce(${counts.inspectionsOverdue}, 0) + coalesce(${counts.expired}, 0)`), asc(schools.name));
}
