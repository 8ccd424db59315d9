import { and, asc, desc, eq, inArray, isNull, lte, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import { ROLE_PERMISSIONS } from '../../../common/permissions.js';
import { ROLES } from '../../../common/roles.js';
import type { Scope } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import {
  alertCheckIns, alertReceipts, alerts, alertSchools, alertSettings, alertTimeline, campusAreas, roleGrants, schools, users,
} from '../../db/schema/index.js';
import type { AlertStatus, ListAlertsQuery } from './alerts.schemas.js';

const NO_SCHOOL = '00000000-0000-0000-0000-000000000000';
/** Roles whose holders receive alerts and are expected to check in. */
export const RECEIVING_ROLES = ROLES.filter((r) => ROLE_PERMISSIONS[r].includes('alert.receive'));

const schoolInScope = (scope: Scope): SQL =>
  scope.all ? sql`true` : inArray(alertSchools.schoolId, scope.schoolIds.length ? scope.schoolIds : [NO_SCHOOL]);

/** The district's cancel window in seconds, or undefined when the district kept the default. */
export async function findCancelWindow(db: Db, districtId: string): Promise<number | undefined> {
  const [row] = await db.select({ s: alertSettings.cancelWindowSeconds }).from(alertSettings).where(eq(alertSettings.districtId, districtId));
  return row?.s;
}

/** Sets the district's cancel window. */
export async function saveCancelWindow(db: Db, districtId: string, seconds: number): Promise<void> {
  await db.insert(alertSettings).values({ districtId, cancelWindowSeconds: seconds })
    .onConflictDoUpdate({ target: alertSettings.districtId, set: { cancelWindowSeconds: seconds, updatedAt: new Date() } });
}

/** Active schools of the district among `ids`. */
export async function findSchools(db: Db, districtId: string, ids: string[]) {
  return db.select({ id: schools.id, name: schools.name }).from(schools)
    .where(and(eq(schools.districtId, districtId), inArray(schools.id, ids), eq(schools.active, true)));
}

/** Inserts an alert and its schools. */
export async function insertAlert(db: Db, values: typeof alerts.$inferInsert, schoolIds: string[]): Promise<string> {
  const [row] = await db.insert(alerts).values(values).returning({ id: alerts.id });
  await db.insert(alertSchools).values(schoolIds.map((schoolId) => ({ alertId: row!.id, schoolId })));
  return row!.id;
}

const raiser = alias(users, 'raiser');
const clearer = alias(users, 'clearer');
const alertColumns = {
  id: alerts.id, districtId: alerts.districtId, action: alerts.action, location: alerts.location, hazard: alerts.hazard,
  strategy: alerts.strategy, details: alerts.details, drill: alerts.drill, status: alerts.status, raisedById: alerts.raisedBy,
  raisedByName: raiser.name, raisedAt: alerts.raisedAt, announceAt: alerts.announceAt, announcedAt: alerts.announcedAt,
  cancelledAt: alerts.cancelledAt, clearedAt: alerts.clearedAt, clearedById: alerts.clearedBy, clearedByName: clearer.name,
  clearNote: alerts.clearNote,
};
export type AlertRow = Awaited<ReturnType<typeof findAlertRows>>[number];

/**
 * Alerts of the district matching `where`, with raiser, clearer and their schools. `visible` limits them to
 * what a reader may see: announced alerts of the receive scope; pending and cancelled ones only to their
 * raiser and to managers of one of their schools.
 */
export async function findAlertRows(
  db: Db, districtId: string, where: SQL[], visible?: { userId: string; receive: Scope; manage: Scope }, limit = 200,
) {
  const conditions = [eq(alerts.districtId, districtId), ...where];
  if (visible) {
    const receiving = db.select({ id: alertSchools.alertId }).from(alertSchools).where(schoolInScope(visible.receive));
    const managing = db.select({ id: alertSchools.alertId }).from(alertSchools).where(schoolInScope(visible.manage));
    conditions.push(inArray(alerts.id, receiving));
    conditions.push(or(inArray(alerts.status, ['active', 'cleared']), eq(alerts.raisedBy, visible.userId), inArray(alerts.id, managing))!);
  }
  const found = await db.select(alertColumns).from(alerts)
    .innerJoin(raiser, eq(raiser.id, alerts.raisedBy))
    .leftJoin(clearer, eq(clearer.id, alerts.clearedBy))
    .where(and(...conditions)).orderBy(desc(alerts.raisedAt)).limit(limit);
  if (found.length === 0) return [];
  const covered = await db.select({ alertId: alertSchools.alertId, id: schools.id, name: schools.name }).from(alertSchools)
    .innerJoin(schools, eq(schools.id, alertSchools.schoolId))
    .where(inArray(alertSchools.alertId, found.map((a) => a.id))).orderBy(asc(schools.name));
  return found.map((a) => ({ ...a, schools: covered.filter((s) => s.alertId === a.id).map(({ id, name }) => ({ id, name })) }));
}

/** Conditions of the alert list filter. */
export function listConditions(filter: ListAlertsQuery): SQL[] {
  const where: SQL[] = [];
  if (filter.status) where.push(eq(alerts.status, filter.status));
  if (filter.drill) where.push(eq(alerts.drill, filter.drill === 'true'));
  if (filter.schoolId) where.push(sql`exists (select 1 from ${alertSchools} where ${alertSchools.alertId} = ${alerts.id} and ${alertSchools.schoolId} = ${filter.schoolId})`);
  return where;
}

/** Condition: the alert with this id. */
export const byId = (id: string): SQL => eq(alerts.id, id);
/** Condition: alerts in these statuses. */
export const byStatus = (statuses: AlertStatus[]): SQL => inArray(alerts.status, statuses);

/** Locks the alert row of the district for the rest of the transaction; its status and schools. */
export async function lockAlert(db: Db, districtId: string, id: string) {
  const [row] = await db.select({
    id: alerts.id, status: alerts.status, raisedBy: alerts.raisedBy, action: alerts.action, hazard: alerts.hazard, drill: alerts.drill,
    raisedAt: alerts.raisedAt, announcedAt: alerts.announcedAt,
  }).from(alerts).where(and(eq(alerts.id, id), eq(alerts.districtId, districtId))).for('update');
  if (!row) return undefined;
  const covered = await db.select({ schoolId: alertSchools.schoolId }).from(alertSchools).where(eq(alertSchools.alertId, id));
  return { ...row, schoolIds: covered.map((s) => s.schoolId) };
}

/** Changes an alert; only while it is in `from` status. Returns false when it was not. */
export async function updateAlert(db: Db, id: string, from: AlertStatus, set: Partial<typeof alerts.$inferInsert>): Promise<boolean> {
  const rows = await db.update(alerts).set(set).where(and(eq(alerts.id, id), eq(alerts.status, from))).returning({ id: alerts.id });
  return rows.length > 0;
}

/** Pending alerts (of every district) whose cancel window has passed. */
export async function findDuePending(db: Db, now: Date): Promise<string[]> {
  const rows = await db.select({ id: alerts.id }).from(alerts)
    .where(and(eq(alerts.status, 'pending'), lte(alerts.announceAt, now))).orderBy(asc(alerts.announceAt));
  return rows.map((r) => r.id);
}

/** Appends entries to alerts' timelines. */
export async function insertTimeline(db: Db, entries: (typeof alertTimeline.$inferInsert)[]): Promise<void> {
  if (entries.length > 0) await db.insert(alertTimeline).values(entries);
}

/** An alert's timeline, in order. */
export async function findTimeline(db: Db, alertId: string) {
  return db.select().from(alertTimeline).where(eq(alertTimeline.alertId, alertId)).orderBy(asc(alertTimeline.at), asc(alertTimeline.id));
}

/** Active users expected to check in at each of `schoolIds`: holders of a receiving role at that school. */
export async function findExpectedStaff(db: Db, schoolIds: string[]) {
  if (schoolIds.length === 0) return [];
  return db.selectDistinct({ schoolId: roleGrants.schoolId, id: users.id, name: users.name, title: users.title })
    .from(roleGrants).innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(inArray(roleGrants.schoolId, schoolIds), inArray(roleGrants.role, RECEIVING_ROLES), eq(users.active, true)))
    .orderBy(asc(users.name));
}

/** Number of active users expected to check in at any of `schoolIds`. */
export async function countExpectedStaff(db: Db, schoolIds: string[]): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(distinct ${users.id})::int` })
    .from(roleGrants).innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(inArray(roleGrants.schoolId, schoolIds), inArray(roleGrants.role, RECEIVING_ROLES), eq(users.active, true)));
  return Number(row?.n ?? 0);
}

/** Active users of the district receiving alerts at any of `schoolIds` (school or district grants), for e-mail. */
export async function findRecipients(db: Db, districtId: string, schoolIds: string[]) {
  return db.selectDistinct({ id: users.id, email: users.email, name: users.name, mobilePhone: users.mobilePhone, smsGateway: users.smsGateway })
    .from(roleGrants).innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(
      eq(users.districtId, districtId), eq(users.active, true), inArray(roleGrants.role, RECEIVING_ROLES),
      or(inArray(roleGrants.schoolId, schoolIds), isNull(roleGrants.schoolId)),
    ));
}

/** Inserts or replaces the check-in of a person for a school of an alert. */
export async function upsertCheckIn(db: Db, values: typeof alertCheckIns.$inferInsert): Promise<string> {
  const { status, location, areaId, studentsWithMe, missing, extra, injured, note, checkedInAt } = values;
  const [row] = await db.insert(alertCheckIns).values(values)
    .onConflictDoUpdate({
      target: [alertCheckIns.alertId, alertCheckIns.schoolId, alertCheckIns.userId],
      set: { status, location, areaId: areaId ?? null, studentsWithMe, missing, extra, injured, note: note ?? null, checkedInAt },
    })
    .returning({ id: alertCheckIns.id });
  return row!.id;
}

/** Check-ins of an alert at the given schools (or of one user), with the person. */
export async function findCheckIns(db: Db, alertId: string, filter: { schoolIds?: string[]; userId?: string }) {
  const conditions = [eq(alertCheckIns.alertId, alertId)];
  if (filter.schoolIds) conditions.push(inArray(alertCheckIns.schoolId, filter.schoolIds.length ? filter.schoolIds : [NO_SCHOOL]));
  if (filter.userId) conditions.push(eq(alertCheckIns.userId, filter.userId));
  return db.select({ checkIn: alertCheckIns, name: users.name, title: users.title }).from(alertCheckIns)
    .innerJoin(users, eq(users.id, alertCheckIns.userId)).where(and(...conditions)).orderBy(asc(alertCheckIns.checkedInAt));
}

/** Students reported with staff at check-in, summed per school of the alert (schools with check-ins only). */
export async function sumStudentsBySchool(db: Db, alertId: string): Promise<Map<string, number>> {
  const rows = await db.select({ schoolId: alertCheckIns.schoolId, n: sql<number>`sum(${alertCheckIns.studentsWithMe})::int` })
    .from(alertCheckIns).where(eq(alertCheckIns.alertId, alertId)).groupBy(alertCheckIns.schoolId);
  return new Map(rows.map((r) => [r.schoolId, Number(r.n)]));
}

/** Records that a user's screen showed the alert; false when it was already recorded. */
export async function insertReceipt(db: Db, alertId: string, userId: string, at: Date): Promise<boolean> {
  const rows = await db.insert(alertReceipts).values({ alertId, userId, receivedAt: at }).onConflictDoNothing()
    .returning({ userId: alertReceipts.userId });
  return rows.length > 0;
}

/** Users whose screens confirmed showing the alert. */
export async function findReceipts(db: Db, alertId: string): Promise<Set<string>> {
  const rows = await db.select({ userId: alertReceipts.userId }).from(alertReceipts).where(eq(alertReceipts.alertId, alertId));
  return new Set(rows.map((r) => r.userId));
}

/** The district of an alert, locking its row (system work such as announcing has no actor to scope by). */
export async function findAlertDistrict(db: Db, id: string) {
  const [row] = await db.select({ districtId: alerts.districtId }).from(alerts).where(eq(alerts.id, id)).for('update');
  return row;
}

/** True when the campus area belongs to the school. */
export async function isAreaOfSchool(db: Db, areaId: string, schoolId: string): Promise<boolean> {
  const [row] = await db.select({ id: campusAreas.id }).from(campusAreas).where(and(eq(campusAreas.id, areaId), eq(campusAreas.schoolId, schoolId)));
  return row !== undefined;
}
