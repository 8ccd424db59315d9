import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { RosterCounts, RosterRejection } from '../../../common/roster-import.js';
import type { Db } from '../../db/connection.js';
import { rosterImportJobs, rosterImportRejections, schools, studentEnrollments, students, users } from '../../db/schema/index.js';

export type StudentRow = typeof students.$inferInsert & { id: string };
export type EnrollmentRow = typeof studentEnrollments.$inferInsert;
export type JobRow = typeof rosterImportJobs.$inferSelect;

/** The district's schools with what the import matches and checks (NCES id, grade span). */
export function findSchools(db: Db, districtId: string) {
  return db.select({ id: schools.id, ncesId: schools.ncesId, gradeLow: schools.gradeLow, gradeHigh: schools.gradeHigh, active: schools.active })
    .from(schools).where(eq(schools.districtId, districtId));
}

/** The rows of a raw query on either engine (PGlite answers { rows }, postgres.js an array). */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : ((result as { rows?: unknown[] }).rows ?? [])) as T[];
}

/** A stored student as a sync compares it (a type, not an interface: it is kept as a JSON record for undo). */
export type RosterStudent = {
  id: string; sourcedId: string | null; studentNumber: string; schoolId: string; firstName: string; middleName: string | null;
  lastName: string; preferredName: string | null; grade: number | null; dateOfBirth: string | null;
  sex: StudentRow['sex'] | null; raceEthnicity: StudentRow['raceEthnicity'] | null; active: boolean;
};

/**
 * Every student of the district with the fields an import compares, to match and to skip unchanged rows. Read as
 * plain rows (no mapping of each value through the ORM): a re-sync of a large district reads tens of thousands.
 */
export async function findRosterStudents(db: Db, districtId: string): Promise<RosterStudent[]> {
  return rowsOf<RosterStudent>(await db.execute(sql`
    select id::text as id, sourced_id as "sourcedId", student_number as "studentNumber", school_id::text as "schoolId",
      first_name as "firstName", middle_name as "middleName", last_name as "lastName", preferred_name as "preferredName", grade,
      date_of_birth::text as "dateOfBirth", sex::text as sex, race_ethnicity::text as "raceEthnicity", active
    from students where district_id = ${districtId}::uuid`));
}

// Rows travel as one JSON parameter (jsonb_to_recordset): a few times faster than a VALUES list of ~15,000
// parameters on both engines, and far from the 65,535-parameter limit.

/** Inserts new students and updates matched ones in one statement (ids are chosen by the import). */
export async function upsertStudents(tx: Db, rows: StudentRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    insert into students (id, district_id, school_id, sourced_id, student_number, first_name, middle_name, last_name,
      preferred_name, grade, date_of_birth, sex, race_ethnicity, active, created_at, updated_at)
    select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x("id" uuid, "districtId" uuid, "schoolId" uuid,
      "sourcedId" text, "studentNumber" text, "firstName" text, "middleName" text, "lastName" text, "preferredName" text,
      "grade" integer, "dateOfBirth" date, "sex" student_sex, "raceEthnicity" race_ethnicity, "active" boolean,
      "createdAt" timestamptz, "updatedAt" timestamptz)
    on conflict (id) do update set sourced_id = excluded.sourced_id, student_number = excluded.student_number,
      school_id = excluded.school_id, first_name = excluded.first_name, middle_name = excluded.middle_name,
      last_name = excluded.last_name, preferred_name = excluded.preferred_name, grade = excluded.grade, date_of_birth = excluded.date_of_birth, sex = excluded.sex,
      race_ethnicity = excluded.race_ethnicity, active = excluded.active, updated_at = excluded.updated_at`);
}

/** Marks students inactive (never deleted: incidents and referrals keep pointing at them). */
export async function inactivateStudents(tx: Db, districtId: string, ids: string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx.update(students).set({ active: false, updatedAt: at })
    .where(and(eq(students.districtId, districtId), inArray(students.id, ids)));
}

/** Separates the compared fields of an enrollment in its key (a control character no field holds). */
export const ENROLLMENT_KEY_SEPARATOR = '\u0001';

/**
 * The district's enrollments before a sync: sourcedId → the compared fields as one string (student, school, class,
 * primary, begin and end dates), built by the database, so a re-sync compares each incoming row with one string
 * and writes only what changed; the string also holds the previous row for undo.
 */
export async function findEnrollmentKeys(db: Db, districtId: string): Promise<Map<string, string>> {
  const rows = rowsOf<{ s: string; k: string }>(await db.execute(sql`
    select sourced_id as s, concat_ws(${ENROLLMENT_KEY_SEPARATOR}, student_id::text, school_id::text, class_sourced_id,
      case when "primary" then '1' else '0' end, coalesce(begin_date::text, ''), coalesce(end_date::text, '')) as k
    from student_enrollments where district_id = ${districtId}::uuid`));
  return new Map(rows.map((r) => [r.s, r.k]));
}

/** Active students of the district (the base of the inactivation threshold). */
export async function countActiveStudents(db: Db, districtId: string): Promise<number> {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(students)
    .where(and(eq(students.districtId, districtId), eq(students.active, true)));
  return row?.n ?? 0;
}

/** Removes enrollments by sourcedId (delta `tobedeleted`). */
export async function deleteEnrollmentsById(tx: Db, districtId: string, sourcedIds: string[]): Promise<void> {
  if (sourcedIds.length === 0) return;
  await tx.delete(studentEnrollments)
    .where(and(eq(studentEnrollments.districtId, districtId), inArray(studentEnrollments.sourcedId, sourcedIds)));
}

/** Writes enrollments, replacing any with the same sourcedId. */
export async function upsertEnrollments(tx: Db, rows: EnrollmentRow[]): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    insert into student_enrollments (district_id, sourced_id, student_id, school_id, class_sourced_id, "primary", begin_date, end_date)
    select * from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x("districtId" uuid, "sourcedId" text, "studentId" uuid,
      "schoolId" uuid, "classSourcedId" text, "primary" boolean, "beginDate" date, "endDate" date)
    on conflict (district_id, sourced_id) do update set student_id = excluded.student_id, school_id = excluded.school_id,
      class_sourced_id = excluded.class_sourced_id, "primary" = excluded."primary", begin_date = excluded.begin_date,
      end_date = excluded.end_date`);
}

/** Records a job as started. */
export async function insertJob(db: Db, values: typeof rosterImportJobs.$inferInsert): Promise<JobRow> {
  const [row] = await db.insert(rosterImportJobs).values(values).returning();
  return row!;
}

/** Changes a job's status, progress, counts or error. */
export async function updateJob(db: Db, id: string, values: Partial<typeof rosterImportJobs.$inferInsert>): Promise<void> {
  await db.update(rosterImportJobs).set(values).where(eq(rosterImportJobs.id, id));
}

/** Saves the rejected rows of a job, in batches. */
export async function insertRejections(tx: Db, jobId: string, rejections: RosterRejection[]): Promise<void> {
  for (let i = 0; i < rejections.length; i += 1000) {
    await tx.insert(rosterImportRejections).values(rejections.slice(i, i + 1000).map((r, n) => ({ jobId, seq: i + n, ...r })));
  }
}

const jobColumns = {
  job: rosterImportJobs,
  starterName: users.name,
};

/** One job of the district, or undefined. */
export async function findJob(db: Db, districtId: string, id: string) {
  const [row] = await db.select(jobColumns).from(rosterImportJobs).leftJoin(users, eq(users.id, rosterImportJobs.startedBy))
    .where(and(eq(rosterImportJobs.districtId, districtId), eq(rosterImportJobs.id, id)));
  return row;
}

/** Recent jobs of the district, newest first. */
export function findJobs(db: Db, districtId: string, limit: number) {
  return db.select(jobColumns).from(rosterImportJobs).leftJoin(users, eq(users.id, rosterImportJobs.startedBy))
    .where(eq(rosterImportJobs.districtId, districtId)).orderBy(desc(rosterImportJobs.startedAt)).limit(limit);
}

/** The rejected rows of a job in file order. */
export function findRejections(db: Db, jobId: string) {
  return db.select({
    file: rosterImportRejections.file, line: rosterImportRejections.line, sourcedId: rosterImportRejections.sourcedId,
    reason: rosterImportRejections.reason,
  }).from(rosterImportRejections).where(eq(rosterImportRejections.jobId, jobId)).orderBy(rosterImportRejections.seq);
}

/** The district's running jobs. */
export function findRunningJobs(db: Db, districtId: string) {
  return db.select({ id: rosterImportJobs.id }).from(rosterImportJobs)
    .where(and(eq(rosterImportJobs.districtId, districtId), eq(rosterImportJobs.status, 'running')));
}

/** Zero counts of a new job. */
export function emptyCounts(): RosterCounts {
  return {
    schoolsMatched: 0, studentsCreated: 0, studentsUpdated: 0, studentsUnchanged: 0, studentsInactivated: 0, enrollments: 0,
    skipped: 0, rejected: 0, studentsWithoutNumber: 0, studentsWithoutGrade: 0, studentsWithoutDemographics: 0, enrollmentsRemoved: 0,
    staffCreated: 0, staffUpdated: 0, staffInactivated: 0, invitationsQueued: 0, classes: 0, teacherAssignments: 0,
    guardiansCreated: 0, guardiansUpdated: 0, guardianLinks: 0,
  };
}
