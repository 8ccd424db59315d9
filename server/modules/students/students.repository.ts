import { and, asc, count, eq, ilike, ne, or, sql, type SQL } from 'drizzle-orm';
import type { Scope } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { guardians, schools, studentGuardians, students } from '../../db/schema/index.js';
import { inScope } from '../schools/schools.repository.js';
import type { CreateStudent, GuardianContact, UpdateStudent } from './students.schemas.js';

export { findSchool } from '../schools/schools.repository.js';

/** Escapes LIKE wildcards so a search for "50%" or "o_brien" means those characters. */
function likeText(text: string): string {
  return text.replace(/[\\%_]/g, (c) => `\\${c}`);
}

const studentColumns = {
  id: students.id,
  schoolId: students.schoolId,
  schoolName: schools.name,
  studentNumber: students.studentNumber,
  firstName: students.firstName,
  middleName: students.middleName,
  lastName: students.lastName,
  preferredName: students.preferredName,
  grade: students.grade,
  dateOfBirth: students.dateOfBirth,
  active: students.active,
  sex: students.sex,
  raceEthnicity: students.raceEthnicity,
  idea: students.idea,
  section504: students.section504,
  englishLearner: students.englishLearner,
};

/** One student row as services see it, with the school's name. */
export type StudentRow = NonNullable<Awaited<ReturnType<typeof findStudent>>>;

/** Filters of the roster list. */
export interface StudentFilter {
  schoolId?: string;
  q?: string;
  grade?: number;
  page: number;
  pageSize: number;
}

/** A page of the roster within a scope, ordered by last then first name, with the total count. */
export async function findStudents(db: Db, districtId: string, scope: Scope, filter: StudentFilter) {
  const conditions: (SQL | undefined)[] = [eq(students.districtId, districtId), inScope(students.schoolId, scope)];
  if (filter.schoolId) conditions.push(eq(students.schoolId, filter.schoolId));
  if (filter.grade !== undefined) conditions.push(eq(students.grade, filter.grade));
  // Every word must match somewhere, so "maria gar" finds Maria Garcia whichever order it is typed in.
  for (const word of (filter.q ?? '').split(/[\s,]+/).filter(Boolean)) {
    const like = `%${likeText(word)}%`;
    conditions.push(or(
      ilike(students.firstName, like), ilike(students.lastName, like), ilike(students.preferredName, like),
      ilike(students.studentNumber, `${likeText(word)}%`),
    ));
  }
  const where = and(...conditions);
  const [items, [total]] = await Promise.all([
    db.select(studentColumns).from(students).innerJoin(schools, eq(schools.id, students.schoolId)).where(where)
      .orderBy(asc(students.lastName), asc(students.firstName), asc(students.id))
      .limit(filter.pageSize).offset((filter.page - 1) * filter.pageSize),
    db.select({ n: count() }).from(students).where(where),
  ]);
  return { items, total: total?.n ?? 0 };
}

/**
 * One student of the district within a scope, or undefined. `forUpdate` locks the row until the
 * transaction ends, so concurrent changes to the student (and its primary guardian) run one after another.
 */
export async function findStudent(db: Db, districtId: string, scope: Scope, id: string, options: { forUpdate?: boolean } = {}) {
  const query = db.select(studentColumns).from(students).innerJoin(schools, eq(schools.id, students.schoolId))
    .where(and(eq(students.id, id), eq(students.districtId, districtId), inScope(students.schoolId, scope)));
  const [row] = options.forUpdate ? await query.for('update', { of: students }) : await query;
  return row;
}

/** Inserts a student of the district. */
export async function insertStudent(db: Db, districtId: string, input: CreateStudent) {
  const [row] = await db.insert(students).values({ ...input, districtId }).returning({ id: students.id });
  return row!;
}

/** Updates a student of the district. */
export async function updateStudent(db: Db, districtId: string, id: string, input: UpdateStudent) {
  await db.update(students).set({ ...input, updatedAt: new Date() })
    .where(and(eq(students.id, id), eq(students.districtId, districtId)));
}

const guardianColumns = {
  guardianId: guardians.id,
  firstName: guardians.firstName,
  lastName: guardians.lastName,
  phone: guardians.phone,
  email: guardians.email,
  street: guardians.street,
  city: guardians.city,
  zip: guardians.zip,
  relationship: studentGuardians.relationship,
  hasCustody: studentGuardians.hasCustody,
  mayPickUp: studentGuardians.mayPickUp,
  isPrimary: studentGuardians.isPrimary,
  restrictions: studentGuardians.restrictions,
};

/** The guardians of a student of the district, primary first. */
export async function findGuardians(db: Db, districtId: string, studentId: string) {
  return db.select(guardianColumns).from(studentGuardians).innerJoin(guardians, eq(guardians.id, studentGuardians.guardianId))
    .where(and(eq(studentGuardians.studentId, studentId), eq(guardians.districtId, districtId)))
    .orderBy(sql`${studentGuardians.isPrimary} desc`, asc(guardians.lastName), asc(guardians.firstName));
}

/** One guardian of a student of the district, or undefined. */
export async function findGuardianLink(db: Db, districtId: string, studentId: string, guardianId: string) {
  const [row] = await db.select(guardianColumns).from(studentGuardians).innerJoin(guardians, eq(guardians.id, studentGuardians.guardianId))
    .where(and(eq(studentGuardians.studentId, studentId), eq(studentGuardians.guardianId, guardianId), eq(guardians.districtId, districtId)));
  return row;
}

/**
 * A guardian of the district the actor may link: one tied to a student within `scope`, or to no student
 * yet. A school-scoped manager cannot pull the contact details of another school's families by id.
 */
export async function findLinkableGuardian(db: Db, districtId: string, scope: Scope, guardianId: string) {
  const visible = scope.all ? undefined : or(
    sql`exists (select 1 from ${studentGuardians} sg join ${students} s on s.id = sg.student_id
      where sg.guardian_id = ${guardians.id} and ${inScope(sql`s.school_id`, scope)!})`,
    sql`not exists (select 1 from ${studentGuardians} sg where sg.guardian_id = ${guardians.id})`,
  );
  const [row] = await db.select({ id: guardians.id }).from(guardians)
    .where(and(eq(guardians.id, guardianId), eq(guardians.districtId, districtId), visible));
  return row;
}

/** Inserts a guardian of the district. */
export async function insertGuardian(db: Db, districtId: string, input: GuardianContact) {
  const [row] = await db.insert(guardians).values({ ...input, districtId }).returning({ id: guardians.id });
  return row!;
}

/** Changes a guardian's name and contact details. */
export async function updateGuardian(db: Db, districtId: string, id: string, input: Partial<GuardianContact>) {
  await db.update(guardians).set({ ...input, updatedAt: new Date() })
    .where(and(eq(guardians.id, id), eq(guardians.districtId, districtId)));
}

/** The tie between a student and a guardian. */
export type Link = Omit<typeof studentGuardians.$inferInsert, 'studentId' | 'guardianId'>;

/** Ties a guardian to a student. */
export async function insertLink(db: Db, studentId: string, guardianId: string, link: Link) {
  await db.insert(studentGuardians).values({ ...link, studentId, guardianId });
}

/** Changes the tie between a student and a guardian. */
export async function updateLink(db: Db, studentId: string, guardianId: string, link: Partial<Link>) {
  await db.update(studentGuardians).set(link)
    .where(and(eq(studentGuardians.studentId, studentId), eq(studentGuardians.guardianId, guardianId)));
}

/** Clears the primary flag of every other guardian of the student: a student has one primary guardian. */
export async function unsetOtherPrimaries(db: Db, studentId: string, guardianId: string) {
  await db.update(studentGuardians).set({ isPrimary: false })
    .where(and(eq(studentGuardians.studentId, studentId), ne(studentGuardians.guardianId, guardianId), eq(studentGuardians.isPrimary, true)));
}
