import { and, asc, desc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { Scope } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import {
  advanceNotices, advanceNoticeSchools, districts, presenceNotices, roleGrants, schools, sroAssignments, users,
} from '../../db/schema/index.js';
import { inScope } from '../drills/drills.scope.js';

const presenceColumns = { p: presenceNotices, schoolName: schools.name, sroName: users.name };
/** A presence notice with its school and SRO names. */
export type PresenceRow = Awaited<ReturnType<typeof findPresence>>[number];

/** Presence notices of the scope's schools, newest first. */
export async function findPresence(db: Db, districtId: string, scope: Scope, f: { id?: string; schoolId?: string; limit?: number }) {
  return db.select(presenceColumns).from(presenceNotices)
    .innerJoin(schools, eq(schools.id, presenceNotices.schoolId)).innerJoin(users, eq(users.id, presenceNotices.sroId))
    .where(and(eq(presenceNotices.districtId, districtId), inScope(presenceNotices.schoolId, scope),
      f.id ? eq(presenceNotices.id, f.id) : undefined, f.schoolId ? eq(presenceNotices.schoolId, f.schoolId) : undefined))
    .orderBy(desc(presenceNotices.leftAt)).limit(f.limit ?? 200);
}

/** The latest notice of each SRO at each of the schools. */
export async function findLatestPresence(db: Db, schoolIds: string[]) {
  if (schoolIds.length === 0) return [];
  return db.selectDistinctOn([presenceNotices.sroId, presenceNotices.schoolId], presenceColumns).from(presenceNotices)
    .innerJoin(schools, eq(schools.id, presenceNotices.schoolId)).innerJoin(users, eq(users.id, presenceNotices.sroId))
    .where(inArray(presenceNotices.schoolId, schoolIds))
    .orderBy(presenceNotices.sroId, presenceNotices.schoolId, desc(presenceNotices.leftAt));
}

/** The SRO's open (away) notice at a school, locked. */
export async function lockOpenPresence(db: Db, sroId: string, schoolId: string) {
  const [row] = await db.select().from(presenceNotices)
    .where(and(eq(presenceNotices.sroId, sroId), eq(presenceNotices.schoolId, schoolId), isNull(presenceNotices.returnedAt))).for('update');
  return row;
}

/** One notice of the district, locked. */
export async function lockPresence(db: Db, districtId: string, id: string) {
  const [row] = await db.select().from(presenceNotices).where(and(eq(presenceNotices.id, id), eq(presenceNotices.districtId, districtId))).for('update');
  return row;
}

/** Inserts a notice. */
export async function insertPresence(db: Db, values: typeof presenceNotices.$inferInsert) {
  const [row] = await db.insert(presenceNotices).values(values).returning({ id: presenceNotices.id });
  return row!.id;
}

/** Changes a notice. */
export async function updatePresence(db: Db, id: string, values: Partial<typeof presenceNotices.$inferInsert>, now: Date) {
  await db.update(presenceNotices).set({ ...values, updatedAt: now }).where(eq(presenceNotices.id, id));
}

/** SROs with an assignment running on `day` at the scope's schools (one school when given), with names. */
export async function findAssignedSros(db: Db, districtId: string, scope: Scope, day: string, schoolId?: string) {
  return db.selectDistinct({ sroId: users.id, sroName: users.name, schoolId: schools.id, schoolName: schools.name })
    .from(sroAssignments).innerJoin(users, eq(users.id, sroAssignments.userId)).innerJoin(schools, eq(schools.id, sroAssignments.schoolId))
    .where(and(eq(schools.districtId, districtId), eq(users.active, true), inScope(sroAssignments.schoolId, scope),
      schoolId ? eq(sroAssignments.schoolId, schoolId) : undefined,
      lte(sroAssignments.startsOn, day), or(isNull(sroAssignments.endsOn), gte(sroAssignments.endsOn, day))))
    .orderBy(asc(schools.name), asc(users.name));
}

/** Schools of the district among `ids` where the user has an assignment running on `day`. */
export async function findAssignedSchools(db: Db, districtId: string, userId: string, ids: string[], day: string) {
  if (ids.length === 0) return [];
  return db.selectDistinct({ id: schools.id, name: schools.name }).from(sroAssignments).innerJoin(schools, eq(schools.id, sroAssignments.schoolId))
    .where(and(eq(schools.districtId, districtId), eq(sroAssignments.userId, userId), inArray(sroAssignments.schoolId, ids),
      lte(sroAssignments.startsOn, day), or(isNull(sroAssignments.endsOn), gte(sroAssignments.endsOn, day))));
}

/** Active users with a grant at the school (one row per user): who a leaving notice goes to. */
export async function findSchoolStaff(db: Db, districtId: string, schoolId: string) {
  return db.selectDistinct({ id: users.id, name: users.name, email: users.email }).from(roleGrants).innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(users.districtId, districtId), eq(users.active, true), eq(roleGrants.schoolId, schoolId)))
    .orderBy(asc(users.email));
}

/**
 * Who an advance notice goes to: the administrators of the schools and the SRO supervisors, at those schools
 * or district-wide; one row per user.
 */
export async function findNoticeAudience(db: Db, districtId: string, schoolIds: string[]) {
  return db.selectDistinct({ id: users.id, name: users.name, email: users.email }).from(roleGrants).innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(eq(users.districtId, districtId), eq(users.active, true), or(
      and(eq(roleGrants.role, 'school_admin'), inArray(roleGrants.schoolId, schoolIds)),
      and(eq(roleGrants.role, 'supervisor'), or(isNull(roleGrants.schoolId), inArray(roleGrants.schoolId, schoolIds))),
    )))
    .orderBy(asc(users.email));
}

/** The district's time zone (for dates in e-mails and the days of notice). */
export async function findTimeZone(db: Db, districtId: string): Promise<string> {
  const [row] = await db.select({ tz: districts.timezone }).from(districts).where(eq(districts.id, districtId));
  return row?.tz ?? 'UTC';
}

// ───────────────────────── advance notices ─────────────────────────

/** Advance notices to the scope's schools, newest first, with their schools. */
export async function findAdvance(db: Db, districtId: string, scope: Scope, f: { id?: string; schoolId?: string; endingFrom?: string; limit?: number }) {
  const noticesAt = (ids: string[]) => inArray(advanceNotices.id, db.select({ id: advanceNoticeSchools.noticeId }).from(advanceNoticeSchools)
    .where(inArray(advanceNoticeSchools.schoolId, ids.length ? ids : [districtId])));
  const reach = scope.all ? undefined : noticesAt(scope.schoolIds);
  const bySchool = f.schoolId ? noticesAt([f.schoolId]) : undefined;
  const notices = await db.select({ a: advanceNotices, sroName: users.name }).from(advanceNotices).innerJoin(users, eq(users.id, advanceNotices.sroId))
    .where(and(eq(advanceNotices.districtId, districtId), reach, bySchool, f.id ? eq(advanceNotices.id, f.id) : undefined,
      f.endingFrom ? gte(advanceNotices.toDate, f.endingFrom) : undefined))
    .orderBy(desc(advanceNotices.createdAt)).limit(f.limit ?? 200);
  const links = notices.length === 0 ? [] : await db.select({ noticeId: advanceNoticeSchools.noticeId, id: schools.id, name: schools.name })
    .from(advanceNoticeSchools).innerJoin(schools, eq(schools.id, advanceNoticeSchools.schoolId))
    .where(inArray(advanceNoticeSchools.noticeId, notices.map((n) => n.a.id))).orderBy(asc(schools.name));
  return notices.map((n) => ({ ...n, schools: links.filter((l) => l.noticeId === n.a.id).map(({ id, name }) => ({ id, name })) }));
}

/** Inserts an advance notice and its schools. */
export async function insertAdvance(db: Db, values: typeof advanceNotices.$inferInsert, schoolIds: string[]) {
  const [row] = await db.insert(advanceNotices).values(values).returning({ id: advanceNotices.id });
  await db.insert(advanceNoticeSchools).values(schoolIds.map((schoolId) => ({ noticeId: row!.id, schoolId })));
  return row!.id;
}
