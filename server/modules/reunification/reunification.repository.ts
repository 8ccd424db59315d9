import { and, asc, desc, eq, ilike, inArray, or, sql, type SQL } from 'drizzle-orm';
import type { Scope } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import {
  alerts, alertSchools, guardians, reunificationRequests, reunifications, schools, studentGuardians, students, users,
} from '../../db/schema/index.js';

const NO_SCHOOL = '00000000-0000-0000-0000-000000000000';

const eventColumns = {
  id: reunifications.id, schoolId: reunifications.schoolId, schoolName: schools.name, alertId: reunifications.alertId,
  site: reunifications.site, drill: reunifications.drill, status: reunifications.status, openedById: reunifications.openedBy,
  openedByName: users.name, openedAt: reunifications.openedAt, closedAt: reunifications.closedAt,
};
export type EventRow = Awaited<ReturnType<typeof findEvents>>[number];

/** Reunification events of the district within a scope, newest first. */
export async function findEvents(db: Db, districtId: string, scope: Scope, filter: { id?: string; schoolId?: string; status?: 'open' | 'closed' }) {
  const conditions: SQL[] = [eq(reunifications.districtId, districtId)];
  if (!scope.all) conditions.push(inArray(reunifications.schoolId, scope.schoolIds.length ? scope.schoolIds : [NO_SCHOOL]));
  if (filter.id) conditions.push(eq(reunifications.id, filter.id));
  if (filter.schoolId) conditions.push(eq(reunifications.schoolId, filter.schoolId));
  if (filter.status) conditions.push(eq(reunifications.status, filter.status));
  return db.select(eventColumns).from(reunifications)
    .innerJoin(schools, eq(schools.id, reunifications.schoolId)).innerJoin(users, eq(users.id, reunifications.openedBy))
    .where(and(...conditions)).orderBy(desc(reunifications.openedAt)).limit(200);
}

/** Locks an event row for the rest of the transaction. */
export async function lockEvent(db: Db, districtId: string, id: string) {
  const [row] = await db.select({ id: reunifications.id, schoolId: reunifications.schoolId, status: reunifications.status })
    .from(reunifications).where(and(eq(reunifications.id, id), eq(reunifications.districtId, districtId))).for('update');
  return row;
}

/** The alert of the district covering `schoolId`, or undefined. */
export async function findAlertAtSchool(db: Db, districtId: string, alertId: string, schoolId: string) {
  const [row] = await db.select({ id: alerts.id, drill: alerts.drill, action: alerts.action }).from(alerts)
    .innerJoin(alertSchools, and(eq(alertSchools.alertId, alerts.id), eq(alertSchools.schoolId, schoolId)))
    .where(and(eq(alerts.id, alertId), eq(alerts.districtId, districtId)));
  return row;
}

/** Inserts an event. */
export async function insertEvent(db: Db, values: typeof reunifications.$inferInsert): Promise<string> {
  const [row] = await db.insert(reunifications).values(values).returning({ id: reunifications.id });
  return row!.id;
}

/** Closes an open event. */
export async function closeEvent(db: Db, id: string, by: string, at: Date): Promise<void> {
  await db.update(reunifications).set({ status: 'closed', closedBy: by, closedAt: at }).where(eq(reunifications.id, id));
}

/** An active student of a school. */
export async function findStudent(db: Db, schoolId: string, id: string) {
  const [row] = await db.select({ id: students.id, firstName: students.firstName, lastName: students.lastName }).from(students)
    .where(and(eq(students.id, id), eq(students.schoolId, schoolId), eq(students.active, true)));
  return row;
}

/** The roster tie between a student and a guardian, with the guardian's name. */
export async function findGuardianTie(db: Db, studentId: string, guardianId: string) {
  const [row] = await db.select({
    guardianId: guardians.id, firstName: guardians.firstName, lastName: guardians.lastName, relationship: studentGuardians.relationship,
    hasCustody: studentGuardians.hasCustody, mayPickUp: studentGuardians.mayPickUp, restrictions: studentGuardians.restrictions,
  }).from(studentGuardians).innerJoin(guardians, eq(guardians.id, studentGuardians.guardianId))
    .where(and(eq(studentGuardians.studentId, studentId), eq(studentGuardians.guardianId, guardianId)));
  return row;
}

/** Active students of a school matching a name or number, each with their roster guardians. */
export async function searchStudents(db: Db, schoolId: string, q: string, limit: number) {
  const like = `%${q.replaceAll(/[\\%_]/g, (c) => `\\${c}`)}%`;
  const found = await db.select({
    id: students.id, firstName: students.firstName, lastName: students.lastName, preferredName: students.preferredName,
    studentNumber: students.studentNumber, grade: students.grade,
  }).from(students)
    .where(and(eq(students.schoolId, schoolId), eq(students.active, true), q === '' ? undefined : or(
      ilike(students.lastName, like), ilike(students.firstName, like), ilike(students.studentNumber, like),
      ilike(sql`${students.firstName} || ' ' || ${students.lastName}`, like),
    )))
    .orderBy(asc(students.lastName), asc(students.firstName)).limit(limit);
  if (found.length === 0) return [];
  const ties = await db.select({
    studentId: studentGuardians.studentId, id: guardians.id, firstName: guardians.firstName, lastName: guardians.lastName,
    relationship: studentGuardians.relationship, hasCustody: studentGuardians.hasCustody, mayPickUp: studentGuardians.mayPickUp,
    restrictions: studentGuardians.restrictions, phone: guardians.phone,
  }).from(studentGuardians).innerJoin(guardians, eq(guardians.id, studentGuardians.guardianId))
    .where(inArray(studentGuardians.studentId, found.map((s) => s.id))).orderBy(desc(studentGuardians.isPrimary), asc(guardians.lastName));
  return found.map((s) => ({ ...s, guardians: ties.filter((t) => t.studentId === s.id) }));
}

/** Number of active students of a school. */
export async function countRoster(db: Db, schoolId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(students).where(and(eq(students.schoolId, schoolId), eq(students.active, true)));
  return Number(row?.n ?? 0);
}

/** Inserts a request. */
export async function insertRequest(db: Db, values: typeof reunificationRequests.$inferInsert): Promise<string> {
  const [row] = await db.insert(reunificationRequests).values(values).returning({ id: reunificationRequests.id });
  return row!.id;
}

/** Changes a request while it is in one of `from`; false when it was not. */
export async function updateRequest(
  db: Db, id: string, from: (typeof reunificationRequests.$inferSelect.status)[], set: Partial<typeof reunificationRequests.$inferInsert>,
): Promise<boolean> {
  const rows = await db.update(reunificationRequests).set(set)
    .where(and(eq(reunificationRequests.id, id), inArray(reunificationRequests.status, from))).returning({ id: reunificationRequests.id });
  return rows.length > 0;
}

/** Requests of an event (or one of them), with student and guardian. */
export async function findRequests(db: Db, reunificationId: string, id?: string) {
  const conditions = [eq(reunificationRequests.reunificationId, reunificationId)];
  if (id) conditions.push(eq(reunificationRequests.id, id));
  return db.select({
    request: reunificationRequests, studentFirst: students.firstName, studentLast: students.lastName,
    studentNumber: students.studentNumber, grade: students.grade, guardianFirst: guardians.firstName,
    guardianLast: guardians.lastName, relationship: studentGuardians.relationship,
  }).from(reunificationRequests)
    .innerJoin(students, eq(students.id, reunificationRequests.studentId))
    .leftJoin(guardians, eq(guardians.id, reunificationRequests.guardianId))
    .leftJoin(studentGuardians, and(eq(studentGuardians.studentId, reunificationRequests.studentId), eq(studentGuardians.guardianId, reunificationRequests.guardianId)))
    .where(and(...conditions)).orderBy(asc(reunificationRequests.requestedAt));
}

/** The released request of a student in an event, if any. */
export async function findRelease(db: Db, reunificationId: string, studentId: string) {
  const [row] = await db.select({ id: reunificationRequests.id, releasedAt: reunificationRequests.releasedAt }).from(reunificationRequests)
    .where(and(eq(reunificationRequests.reunificationId, reunificationId), eq(reunificationRequests.studentId, studentId), eq(reunificationRequests.status, 'released')));
  return row;
}
