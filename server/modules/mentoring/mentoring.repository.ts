import { and, asc, desc, eq, exists, gte, ilike, inArray, lt, lte, or, sql, type SQL } from 'drizzle-orm';
import type { Scope } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { districts, mediationParties, mediations, mentoringContacts, schools, students, users } from '../../db/schema/index.js';
import { inScope } from '../drills/drills.scope.js';

/** A student's display name as the roster gives it (preferred first name when set). */
const studentName = sql<string>`coalesce(${students.preferredName}, ${students.firstName}) || ' ' || ${students.lastName}`;

/** Roster students of one school of the district whose name or number starts with `q`, at most 20. */
export async function lookupStudents(db: Db, districtId: string, schoolId: string, q: string) {
  const prefix = `${q.replace(/[%_\\]/g, '\\$&')}%`;
  return db.select({ id: students.id, name: studentName, grade: students.grade, schoolId: students.schoolId, studentNumber: students.studentNumber })
    .from(students)
    .where(and(eq(students.districtId, districtId), eq(students.schoolId, schoolId), eq(students.active, true),
      or(ilike(students.lastName, prefix), ilike(students.firstName, prefix), ilike(students.preferredName, prefix), ilike(students.studentNumber, prefix))))
    .orderBy(asc(students.lastName), asc(students.firstName)).limit(20);
}

/** Active roster students of the district by id (with their school). */
export async function findStudents(db: Db, districtId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: students.id, schoolId: students.schoolId, name: studentName, grade: students.grade }).from(students)
    .where(and(eq(students.districtId, districtId), inArray(students.id, ids), eq(students.active, true)));
}

// ───────────────────────── contacts ─────────────────────────

const contactColumns = {
  c: mentoringContacts, schoolName: schools.name, studentName, studentGrade: students.grade, authorName: users.name,
};
/** A contact with the names around it. */
export type ContactRow = Awaited<ReturnType<typeof findContacts>>['rows'][number];

/** What a contact list is narrowed by. */
export interface ContactFilter {
  schoolId?: string; studentId?: string; topic?: string; authorId?: string; from?: string; to?: string; id?: string;
  limit: number; offset: number; timezone: string;
}

/** The day bounds of a filter in the district's time zone. */
function dayBounds(column: typeof mentoringContacts.occurredAt | typeof mediations.occurredAt, filter: { from?: string; to?: string; timezone: string }) {
  return [
    filter.from ? gte(column, sql`(${filter.from}::date)::timestamp at time zone ${filter.timezone}`) : undefined,
    filter.to ? lt(column, sql`(${filter.to}::date + 1)::timestamp at time zone ${filter.timezone}`) : undefined,
  ];
}

/** Contacts of the scope's schools, newest first, with the total before paging. */
export async function findContacts(db: Db, districtId: string, scope: Scope, filter: ContactFilter) {
  const where = and(
    eq(mentoringContacts.districtId, districtId), inScope(mentoringContacts.schoolId, scope),
    filter.id ? eq(mentoringContacts.id, filter.id) : undefined,
    filter.schoolId ? eq(mentoringContacts.schoolId, filter.schoolId) : undefined,
    filter.studentId ? eq(mentoringContacts.studentId, filter.studentId) : undefined,
    filter.topic ? eq(mentoringContacts.topic, filter.topic) : undefined,
    filter.authorId ? eq(mentoringContacts.authorId, filter.authorId) : undefined,
    ...dayBounds(mentoringContacts.occurredAt, filter),
  );
  const [rows, [count]] = await Promise.all([
    db.select(contactColumns).from(mentoringContacts)
      .innerJoin(schools, eq(schools.id, mentoringContacts.schoolId))
      .innerJoin(students, eq(students.id, mentoringContacts.studentId))
      .innerJoin(users, eq(users.id, mentoringContacts.authorId))
      .where(where).orderBy(desc(mentoringContacts.occurredAt), desc(mentoringContacts.id)).limit(filter.limit).offset(filter.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(mentoringContacts).where(where),
  ]);
  return { rows, total: Number(count!.n) };
}

/** Inserts a contact; answers its id. */
export async function insertContact(db: Db, values: typeof mentoringContacts.$inferInsert) {
  const [row] = await db.insert(mentoringContacts).values(values).returning({ id: mentoringContacts.id });
  return row!.id;
}

/** Changes a contact. */
export async function updateContact(db: Db, id: string, values: Partial<typeof mentoringContacts.$inferInsert>) {
  await db.update(mentoringContacts).set({ ...values, updatedAt: new Date() }).where(eq(mentoringContacts.id, id));
}

/** Deletes a contact. */
export async function deleteContact(db: Db, id: string) {
  await db.delete(mentoringContacts).where(eq(mentoringContacts.id, id));
}

// ───────────────────────── mediations ─────────────────────────

const mediationColumns = { m: mediations, schoolName: schools.name, authorName: users.name };
/** A mediation with its school and author names. */
export type MediationRow = Awaited<ReturnType<typeof findMediations>>['rows'][number];

/** What a mediation list is narrowed by. */
export interface MediationFilter {
  schoolId?: string; studentId?: string; outcome?: string; authorId?: string; followUpBy?: string; from?: string; to?: string;
  id?: string; limit: number; offset: number; timezone: string;
}

/** Mediations of the scope's schools, newest first, with the total before paging. */
export async function findMediations(db: Db, districtId: string, scope: Scope, filter: MediationFilter) {
  const conditions: (SQL | undefined)[] = [
    eq(mediations.districtId, districtId), inScope(mediations.schoolId, scope),
    filter.id ? eq(mediations.id, filter.id) : undefined,
    filter.schoolId ? eq(mediations.schoolId, filter.schoolId) : undefined,
    filter.outcome ? eq(mediations.outcome, filter.outcome) : undefined,
    filter.authorId ? eq(mediations.authorId, filter.authorId) : undefined,
    filter.followUpBy ? lte(mediations.followUpOn, filter.followUpBy) : undefined,
    ...dayBounds(mediations.occurredAt, filter),
  ];
  if (filter.studentId) {
    conditions.push(exists(db.select({ one: sql`1` }).from(mediationParties)
      .where(and(eq(mediationParties.mediationId, mediations.id), eq(mediationParties.studentId, filter.studentId)))));
  }
  const where = and(...conditions);
  const [rows, [count]] = await Promise.all([
    db.select(mediationColumns).from(mediations)
      .innerJoin(schools, eq(schools.id, mediations.schoolId)).innerJoin(users, eq(users.id, mediations.authorId))
      .where(where).orderBy(desc(mediations.occurredAt), desc(mediations.id)).limit(filter.limit).offset(filter.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(mediations).where(where),
  ]);
  return { rows, total: Number(count!.n) };
}

/** The parties of some mediations, in their order. */
export async function findParties(db: Db, mediationIds: string[]) {
  if (mediationIds.length === 0) return [];
  return db.select({
    mediationId: mediationParties.mediationId, studentId: mediationParties.studentId, name: mediationParties.name,
    relation: mediationParties.relation, studentName, grade: students.grade,
  }).from(mediationParties).leftJoin(students, eq(students.id, mediationParties.studentId))
    .where(inArray(mediationParties.mediationId, mediationIds)).orderBy(asc(mediationParties.mediationId), asc(mediationParties.position));
}

/** Inserts a mediation; answers its id. */
export async function insertMediation(db: Db, values: typeof mediations.$inferInsert) {
  const [row] = await db.insert(mediations).values(values).returning({ id: mediations.id });
  return row!.id;
}

/** Changes a mediation. */
export async function updateMediation(db: Db, id: string, values: Partial<typeof mediations.$inferInsert>) {
  await db.update(mediations).set({ ...values, updatedAt: new Date() }).where(eq(mediations.id, id));
}

/** Replaces the parties of a mediation. */
export async function replaceParties(db: Db, mediationId: string, parties: { studentId: string | null; name: string | null; relation: string | null }[]) {
  await db.delete(mediationParties).where(eq(mediationParties.mediationId, mediationId));
  await db.insert(mediationParties).values(parties.map((p, position) => ({ mediationId, position, ...p })));
}

/** Deletes a mediation with its parties. */
export async function deleteMediation(db: Db, id: string) {
  await db.delete(mediationParties).where(eq(mediationParties.mediationId, id));
  await db.delete(mediations).where(eq(mediations.id, id));
}

/** The district's time zone (days of a filter are its days). */
export async function districtTimezone(db: Db, districtId: string): Promise<string> {
  const [row] = await db.select({ timezone: districts.timezone }).from(districts).where(eq(districts.id, districtId));
  return row?.timezone ?? 'America/Chicago';
}
