import { and, asc, desc, eq, gte, inArray, lte, max, sql } from 'drizzle-orm';
import type { Scope } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { roleGrants, schools, trainingAttendance, trainingRequirements, trainingSessions, users } from '../../db/schema/index.js';
import { inScope, inScopeOrDistrict } from '../drills/drills.scope.js';

const sessionColumns = {
  s: trainingSessions, schoolName: schools.name, presenterName: users.name,
  attendeeCount: sql<number>`(select count(*)::int from ${trainingAttendance} where ${trainingAttendance.sessionId} = ${trainingSessions.id})`,
};
/** A session row with names and its attendee count. */
export type SessionRow = Awaited<ReturnType<typeof findSessions>>[number];

/** Sessions of the scope's schools and the district's, newest first. */
export async function findSessions(db: Db, districtId: string, scope: Scope, filter: { schoolId?: string; from?: string; to?: string; id?: string }) {
  return db.select(sessionColumns).from(trainingSessions).innerJoin(users, eq(users.id, trainingSessions.presenterId))
    .leftJoin(schools, eq(schools.id, trainingSessions.schoolId))
    .where(and(eq(trainingSessions.districtId, districtId), inScopeOrDistrict(trainingSessions.schoolId, scope),
      filter.id ? eq(trainingSessions.id, filter.id) : undefined, filter.schoolId ? eq(trainingSessions.schoolId, filter.schoolId) : undefined,
      filter.from ? gte(trainingSessions.heldOn, filter.from) : undefined, filter.to ? lte(trainingSessions.heldOn, filter.to) : undefined))
    .orderBy(desc(trainingSessions.heldOn), asc(trainingSessions.topic));
}

/** Attendees of a session. */
export async function findAttendees(db: Db, sessionId: string) {
  return db.select({ id: users.id, name: users.name, email: users.email }).from(trainingAttendance).innerJoin(users, eq(users.id, trainingAttendance.userId))
    .where(eq(trainingAttendance.sessionId, sessionId)).orderBy(asc(users.name));
}

/** Inserts a session. */
export async function insertSession(db: Db, values: typeof trainingSessions.$inferInsert) {
  const [row] = await db.insert(trainingSessions).values(values).returning({ id: trainingSessions.id });
  return row!.id;
}

/** Changes a session. */
export async function updateSession(db: Db, id: string, values: Partial<typeof trainingSessions.$inferInsert>) {
  await db.update(trainingSessions).set({ ...values, updatedAt: new Date() }).where(eq(trainingSessions.id, id));
}

/** Replaces the attendance of a session. */
export async function setAttendance(db: Db, sessionId: string, userIds: string[]) {
  await db.delete(trainingAttendance).where(eq(trainingAttendance.sessionId, sessionId));
  if (userIds.length) await db.insert(trainingAttendance).values(userIds.map((userId) => ({ sessionId, userId })));
}

/** Active users of the district among `ids`. */
export async function findDistrictUsers(db: Db, districtId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: users.id }).from(users).where(and(eq(users.districtId, districtId), eq(users.active, true), inArray(users.id, ids)));
}

/** Sessions a user attended. */
export async function findAttended(db: Db, districtId: string, userId: string) {
  return db.select({ sessionId: trainingSessions.id, topic: trainingSessions.topic, heldOn: trainingSessions.heldOn, durationMinutes: trainingSessions.durationMinutes, requirementId: trainingSessions.requirementId, schoolName: schools.name })
    .from(trainingAttendance).innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendance.sessionId)).leftJoin(schools, eq(schools.id, trainingSessions.schoolId))
    .where(and(eq(trainingAttendance.userId, userId), eq(trainingSessions.districtId, districtId))).orderBy(desc(trainingSessions.heldOn));
}

/** Requirements of the scope's schools and the district's. */
export async function findRequirements(db: Db, districtId: string, scope: Scope, id?: string) {
  return db.select({ r: trainingRequirements, schoolName: schools.name }).from(trainingRequirements).leftJoin(schools, eq(schools.id, trainingRequirements.schoolId))
    .where(and(eq(trainingRequirements.districtId, districtId), inScopeOrDistrict(trainingRequirements.schoolId, scope), id ? eq(trainingRequirements.id, id) : undefined))
    .orderBy(sql`${schools.name} nulls first`, asc(trainingRequirements.topic));
}

/** Inserts a requirement. */
export async function insertRequirement(db: Db, values: typeof trainingRequirements.$inferInsert) {
  const [row] = await db.insert(trainingRequirements).values(values).returning({ id: trainingRequirements.id });
  return row!.id;
}

/** Changes a requirement. */
export async function updateRequirement(db: Db, id: string, values: Partial<typeof trainingRequirements.$inferInsert>) {
  await db.update(trainingRequirements).set({ ...values, updatedAt: new Date() }).where(eq(trainingRequirements.id, id));
}

/** Active users holding one of the roles at schools of the scope (school grants), with the school. */
export async function findPeopleWithRoles(db: Db, districtId: string, scope: Scope, roles: string[], schoolId?: string) {
  if (roles.length === 0) return [];
  return db.selectDistinct({ id: users.id, name: users.name, email: users.email, role: roleGrants.role, schoolId: roleGrants.schoolId, schoolName: schools.name })
    .from(roleGrants).innerJoin(users, eq(users.id, roleGrants.userId)).innerJoin(schools, eq(schools.id, roleGrants.schoolId))
    .where(and(eq(users.districtId, districtId), eq(users.active, true), inArray(roleGrants.role, roles as never[]), inScope(roleGrants.schoolId, scope),
      schoolId ? eq(roleGrants.schoolId, schoolId) : undefined));
}

/** The latest completion of each requirement by each user. */
export async function findCompletions(db: Db, requirementIds: string[]) {
  if (requirementIds.length === 0) return [];
  return db.select({ userId: trainingAttendance.userId, requirementId: trainingSessions.requirementId, last: max(trainingSessions.heldOn) })
    .from(trainingAttendance).innerJoin(trainingSessions, eq(trainingSessions.id, trainingAttendance.sessionId))
    .where(inArray(trainingSessions.requirementId, requirementIds)).groupBy(trainingAttendance.userId, trainingSessions.requirementId);
}
