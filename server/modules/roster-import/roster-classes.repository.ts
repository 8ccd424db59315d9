import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { rosterClasses, rosterClassTeachers, rosterStaff, studentEnrollments, students } from '../../db/schema/index.js';
import type { ChangeRow } from './roster-undo.repository.js';

export type ClassRow = typeof rosterClasses.$inferInsert;
export type TeacherRow = typeof rosterClassTeachers.$inferInsert;

/** Writes classes of classes.csv (title, code, periods), replacing those with the same sourcedId. */
export async function upsertClasses(tx: Db, rows: ClassRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    insert into roster_classes (district_id, sourced_id, school_id, title, class_code, periods, active)
    select x."districtId", x."sourcedId", x."schoolId", x.title, x."classCode", x.periods, true
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x("districtId" uuid, "sourcedId" text, "schoolId" uuid, title text,
      "classCode" text, periods text)
    on conflict (district_id, sourced_id) do update set school_id = excluded.school_id, title = excluded.title,
      class_code = excluded.class_code, periods = excluded.periods, active = true`);
}

/** sourcedId → the compared fields of each stored class as one string (built by the database), and whether it is active. */
export async function findClassKeys(tx: Db, districtId: string): Promise<Map<string, { key: string; active: boolean }>> {
  const result = await tx.execute(sql`
    select sourced_id as s, concat_ws(chr(1), school_id::text, title, coalesce(class_code, ''), coalesce(periods, '')) as k, active
    from roster_classes where district_id = ${districtId}::uuid`);
  const rows = (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])) as { s: string; k: string; active: boolean }[];
  return new Map(rows.map((r) => [r.s, { key: r.k, active: r.active }]));
}

/** Marks the district's classes `sourcedIds` inactive (those a bulk classes.csv no longer lists). */
export async function retireClasses(tx: Db, districtId: string, sourcedIds: string[]): Promise<void> {
  if (sourcedIds.length === 0) return;
  await tx.execute(sql`
    update roster_classes set active = false where district_id = ${districtId}::uuid and active
      and sourced_id in (select value from jsonb_array_elements_text(${JSON.stringify(sourcedIds)}::jsonb))`);
}

/** sourcedId → account of the staff the sync keeps. */
export async function staffAccounts(db: Db, districtId: string): Promise<Map<string, string>> {
  const rows = await db.select({ sourcedId: rosterStaff.sourcedId, userId: rosterStaff.userId }).from(rosterStaff)
    .where(eq(rosterStaff.districtId, districtId));
  return new Map(rows.map((r) => [r.sourcedId, r.userId]));
}

/** The district's teachers of classes. */
export function findTeachers(db: Db, districtId: string) {
  return db.select().from(rosterClassTeachers).where(eq(rosterClassTeachers.districtId, districtId));
}

/** Replaces teacher rows by sourcedId: removes `remove`, then writes `rows`. */
export async function replaceTeachers(tx: Db, districtId: string, remove: string[], rows: TeacherRow[]): Promise<void> {
  for (let i = 0; i < remove.length; i += 5000) {
    await tx.delete(rosterClassTeachers)
      .where(and(eq(rosterClassTeachers.districtId, districtId), inArray(rosterClassTeachers.sourcedId, remove.slice(i, i + 5000))));
  }
  for (let i = 0; i < rows.length; i += 2000) await tx.insert(rosterClassTeachers).values(rows.slice(i, i + 2000));
}

/** Puts teacher rows back as they were before a sync. */
export async function undoTeachers(tx: Db, districtId: string, changes: { ref: string; before: ChangeRow['before'] }[]): Promise<void> {
  if (changes.length === 0) return;
  const before = changes.filter((c) => c.before).map((c) => c.before as unknown as TeacherRow);
  await replaceTeachers(tx, districtId, changes.map((c) => c.ref), before);
}

/**
 * The active classes a user teaches at some schools, with their active students (one query for the classes, one for
 * the students). The class list a teacher's alert check-in starts from.
 */
export async function classesOfTeacher(db: Db, userId: string, schoolIds: string[]) {
  if (schoolIds.length === 0) return [];
  const classes = await db.select({
    sourcedId: rosterClasses.sourcedId, districtId: rosterClasses.districtId, schoolId: rosterClasses.schoolId, title: rosterClasses.title,
    classCode: rosterClasses.classCode, periods: rosterClasses.periods,
  }).from(rosterClassTeachers)
    .innerJoin(rosterClasses, and(eq(rosterClasses.districtId, rosterClassTeachers.districtId), eq(rosterClasses.sourcedId, rosterClassTeachers.classSourcedId)))
    .where(and(eq(rosterClassTeachers.userId, userId), inArray(rosterClassTeachers.schoolId, schoolIds), eq(rosterClasses.active, true)))
    .orderBy(rosterClasses.periods, rosterClasses.title);
  if (classes.length === 0) return [];
  const members = await db.select({
    classSourcedId: studentEnrollments.classSourcedId, id: students.id, firstName: students.firstName, lastName: students.lastName,
    preferredName: students.preferredName, grade: students.grade,
  }).from(studentEnrollments).innerJoin(students, eq(students.id, studentEnrollments.studentId))
    .where(and(
      eq(studentEnrollments.districtId, classes[0]!.districtId), inArray(studentEnrollments.classSourcedId, classes.map((c) => c.sourcedId)),
      eq(students.active, true),
    ))
    .orderBy(students.lastName, students.firstName);
  return classes.map((c) => ({ ...c, students: members.filter((m) => m.classSourcedId === c.sourcedId) }));
}
