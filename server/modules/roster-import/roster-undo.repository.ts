import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/connection.js';
import { rosterImportChanges, rosterImportJobs, rosterSettings } from '../../db/schema/index.js';

/** One change a sync made: the previous row (null when the sync created it). */
export interface ChangeRow { kind: 'student' | 'enrollment' | 'staff' | 'teacher' | 'guardian_link'; ref: string; before: Record<string, unknown> | null }

/** Saves a batch of changes of a job, numbered from `firstSeq` (one JSON parameter, as the import's other batches). */
export async function insertChanges(tx: Db, jobId: string, firstSeq: number, rows: ChangeRow[]): Promise<void> {
  if (rows.length === 0) return;
  const payload = rows.map((r, i) => ({ seq: firstSeq + i, kind: r.kind, ref: r.ref, before: r.before }));
  await tx.execute(sql`
    insert into roster_import_changes (job_id, seq, kind, ref, before)
    select ${jobId}::uuid, x.seq, x.kind, x.ref, x.before
    from jsonb_to_recordset(${JSON.stringify(payload)}::jsonb) as x(seq integer, kind text, ref text, before jsonb)`);
}

/** The changes of a job from `afterSeq` on, in order, `limit` at a time. */
export function findChanges(db: Db, jobId: string, afterSeq: number, limit: number) {
  return db.select().from(rosterImportChanges)
    .where(and(eq(rosterImportChanges.jobId, jobId), gt(rosterImportChanges.seq, afterSeq)))
    .orderBy(rosterImportChanges.seq).limit(limit);
}

/** Puts students back as they were before a sync (the compared columns and `active`). */
export async function restoreStudents(tx: Db, districtId: string, rows: Record<string, unknown>[], at: Date): Promise<void> {
  if (rows.length === 0) return;
  await tx.execute(sql`
    update students s set sourced_id = x."sourcedId", student_number = x."studentNumber", school_id = x."schoolId",
      first_name = x."firstName", middle_name = x."middleName", last_name = x."lastName", preferred_name = x."preferredName",
      grade = x.grade, date_of_birth = x."dateOfBirth", sex = x.sex, race_ethnicity = x."raceEthnicity", active = x.active,
      updated_at = ${at.toISOString()}::timestamptz
    from jsonb_to_recordset(${JSON.stringify(rows)}::jsonb) as x(id uuid, "sourcedId" text, "studentNumber" text, "schoolId" uuid,
      "firstName" text, "middleName" text, "lastName" text, "preferredName" text, grade integer, "dateOfBirth" date,
      sex student_sex, "raceEthnicity" race_ethnicity, active boolean)
    where s.id = x.id and s.district_id = ${districtId}::uuid`);
}

/**
 * Students a sync created are marked inactive, not deleted: records written since (an incident, a check-in) may
 * point at them. They keep their sourcedId, so a later sync that names them again finds them.
 */
export async function retireCreatedStudents(tx: Db, districtId: string, ids: string[], at: Date): Promise<void> {
  if (ids.length === 0) return;
  await tx.execute(sql`
    update students set active = false, updated_at = ${at.toISOString()}::timestamptz
    where district_id = ${districtId}::uuid and id in (select value::uuid from jsonb_array_elements_text(${JSON.stringify(ids)}::jsonb))`);
}

/** Removes enrollments a sync created. */
export async function deleteEnrollmentsByRef(tx: Db, districtId: string, sourcedIds: string[]): Promise<void> {
  if (sourcedIds.length === 0) return;
  await tx.execute(sql`
    delete from student_enrollments where district_id = ${districtId}::uuid
      and sourced_id in (select value from jsonb_array_elements_text(${JSON.stringify(sourcedIds)}::jsonb))`);
}

/** The district's most recent sync that wrote something and is not undone. */
export async function findLatestUndoable(db: Db, districtId: string) {
  const [row] = await db.select({ id: rosterImportJobs.id }).from(rosterImportJobs)
    .where(and(eq(rosterImportJobs.districtId, districtId), eq(rosterImportJobs.status, 'succeeded'), isNull(rosterImportJobs.undoneAt)))
    .orderBy(desc(rosterImportJobs.finishedAt)).limit(1);
  return row?.id;
}

/** Marks a job undone; false when another request undid it first. */
export async function markUndone(tx: Db, jobId: string, by: string | null, at: Date): Promise<boolean> {
  const rows = await tx.update(rosterImportJobs).set({ undoneAt: at, undoneBy: by })
    .where(and(eq(rosterImportJobs.id, jobId), isNull(rosterImportJobs.undoneAt))).returning({ id: rosterImportJobs.id });
  return rows.length === 1;
}

/** The district's sync settings row, or undefined (defaults). */
export async function findSettings(db: Db, districtId: string) {
  const [row] = await db.select().from(rosterSettings).where(eq(rosterSettings.districtId, districtId));
  return row;
}

/** Writes the district's sync settings. */
export async function upsertSettings(
  tx: Db, districtId: string, settings: { deactivateThresholdPct: number; roleMap: Record<string, string | null> }, at: Date,
): Promise<void> {
  await tx.insert(rosterSettings).values({ districtId, ...settings, updatedAt: at })
    .onConflictDoUpdate({ target: rosterSettings.districtId, set: { ...settings, updatedAt: at } });
}
