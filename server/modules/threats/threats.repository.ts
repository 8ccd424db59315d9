import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { roleGrants, schools, students, threatCaseMembers, threatCases, threatNotes, threatTasks, users } from '../../db/schema/index.js';
import { outsiderCut } from '../../auth/holders.js';

export type CaseRow = typeof threatCases.$inferSelect;

/** A case of the district with school and subject names. */
export async function findCase(db: Db, districtId: string, id: string) {
  const [row] = await db.select({ c: threatCases, schoolName: schools.name, subjectName: sql<string>`${students.firstName} || ' ' || ${students.lastName}` })
    .from(threatCases).innerJoin(schools, eq(schools.id, threatCases.schoolId)).innerJoin(students, eq(students.id, threatCases.subjectStudentId))
    .where(and(eq(threatCases.districtId, districtId), eq(threatCases.id, id)));
  return row;
}

/** Cases of the district: all (`userId` null, the director) or those whose team includes `userId`. */
export async function findCases(
  db: Db, districtId: string, userId: string | null, filter: { status?: string; schoolId?: string }, schoolIds: string[] | null,
) {
  const where = [eq(threatCases.districtId, districtId)];
  if (userId) where.push(sql`exists (select 1 from threat_case_members m where m.case_id = ${threatCases.id} and m.user_id = ${userId})`);
  // A team member who no longer holds threat.read at the case's school (moved, role changed) stops seeing it.
  if (schoolIds) where.push(schoolIds.length ? inArray(threatCases.schoolId, schoolIds) : sql`false`);
  if (filter.status) where.push(eq(threatCases.status, filter.status as CaseRow['status']));
  if (filter.schoolId) where.push(eq(threatCases.schoolId, filter.schoolId));
  return db.select({
    c: threatCases, schoolName: schools.name, subjectName: sql<string>`${students.firstName} || ' ' || ${students.lastName}`,
    openTasks: sql<number>`(select count(*)::int from threat_tasks t where t.case_id = ${threatCases.id} and t.done_at is null)`,
  }).from(threatCases).innerJoin(schools, eq(schools.id, threatCases.schoolId)).innerJoin(students, eq(students.id, threatCases.subjectStudentId))
    .where(and(...where)).orderBy(desc(threatCases.openedAt)).limit(500);
}

/** Team members with a role name (their grant at the school or district). */
export async function findTeam(db: Db, caseId: string) {
  return db.select({ userId: users.id, name: users.name, role: sql<string | null>`(select min(g.role::text) from role_grants g where g.user_id = ${users.id})` })
    .from(threatCaseMembers).innerJoin(users, eq(users.id, threatCaseMembers.userId)).where(eq(threatCaseMembers.caseId, caseId)).orderBy(asc(users.name));
}

/** True when the user is on the case team. */
export async function isMember(db: Db, caseId: string, userId: string): Promise<boolean> {
  const [row] = await db.select({ u: threatCaseMembers.userId }).from(threatCaseMembers)
    .where(and(eq(threatCaseMembers.caseId, caseId), eq(threatCaseMembers.userId, userId)));
  return Boolean(row);
}

/** Replaces the team. */
export async function setTeam(db: Db, caseId: string, userIds: string[]): Promise<void> {
  await db.delete(threatCaseMembers).where(eq(threatCaseMembers.caseId, caseId));
  if (userIds.length) await db.insert(threatCaseMembers).values(userIds.map((userId) => ({ caseId, userId })));
}

/** Active users of the district with a grant at the school or district-wide among `roles`. */
export async function findUsersWithRoles(db: Db, districtId: string, schoolId: string, roles: string[], ids?: string[]) {
  return db.selectDistinct({ id: users.id, name: users.name, role: roleGrants.role }).from(roleGrants).innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(
      eq(users.districtId, districtId), eq(users.active, true), inArray(roleGrants.role, roles as never[]), outsiderCut('threat.read'),
      sql`(${roleGrants.schoolId} = ${schoolId} or ${isNull(roleGrants.schoolId)})`,
      ...(ids ? [ids.length ? inArray(users.id, ids) : sql`false`] : []),
    ));
}

/** Inserts a case. */
export async function insertCase(db: Db, values: typeof threatCases.$inferInsert): Promise<string> {
  const [row] = await db.insert(threatCases).values(values).returning({ id: threatCases.id });
  return row!.id;
}

/** Changes a case. */
export async function updateCase(db: Db, id: string, values: Partial<typeof threatCases.$inferInsert>): Promise<void> {
  await db.update(threatCases).set(values).where(eq(threatCases.id, id));
}

/** Tasks of a case with owner names. */
export async function findTasks(db: Db, caseId: string) {
  return db.select({ t: threatTasks, ownerName: users.name }).from(threatTasks).leftJoin(users, eq(users.id, threatTasks.ownerUserId))
    .where(eq(threatTasks.caseId, caseId)).orderBy(asc(threatTasks.dueOn), asc(threatTasks.createdAt));
}

/** Inserts tasks. */
export async function insertTasks(db: Db, values: (typeof threatTasks.$inferInsert)[]): Promise<void> {
  if (values.length) await db.insert(threatTasks).values(values);
}

/** Changes a task of a case; false when the task is not the case's. */
export async function updateTask(db: Db, caseId: string, id: string, values: Partial<typeof threatTasks.$inferInsert>): Promise<boolean> {
  const done = await db.update(threatTasks).set(values).where(and(eq(threatTasks.caseId, caseId), eq(threatTasks.id, id))).returning({ id: threatTasks.id });
  return done.length > 0;
}

/** Notes of a case with author names. */
export async function findNotes(db: Db, caseId: string) {
  return db.select({ n: threatNotes, authorName: users.name }).from(threatNotes).innerJoin(users, eq(users.id, threatNotes.authorId))
    .where(eq(threatNotes.caseId, caseId)).orderBy(asc(threatNotes.createdAt));
}

/** Inserts a note. */
export async function insertNote(db: Db, values: typeof threatNotes.$inferInsert): Promise<void> {
  await db.insert(threatNotes).values(values);
}

/** A student of the school (the subject must come from the roster). */
export async function findStudent(db: Db, districtId: string, schoolId: string, id: string) {
  const [row] = await db.select({ id: students.id }).from(students)
    .where(and(eq(students.districtId, districtId), eq(students.schoolId, schoolId), eq(students.id, id)));
  return row;
}
