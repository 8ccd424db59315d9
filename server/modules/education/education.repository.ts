import { and, asc, desc, eq, getTableColumns, gte, inArray, lte, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Scope } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { districts, educationClasses, educationMaterials, educationTopics, schools, users } from '../../db/schema/index.js';
import { inScope } from '../drills/drills.scope.js';

// Classes (a teacher's request through delivery), the district's topics and class materials.

const requester = alias(users, 'requester');
const instructor = alias(users, 'instructor');
const classColumns = {
  c: educationClasses, schoolName: schools.name, requesterName: requester.name, requesterEmail: requester.email, instructorName: instructor.name,
};
/** A class with the names around it. */
export type ClassRow = Awaited<ReturnType<typeof findClasses>>['rows'][number];

/** What a class list is narrowed by: a scope of schools, or one requester (a teacher's own requests). */
export interface ClassFilter {
  id?: string; requestedBy?: string; schoolId?: string; status?: string; topic?: string; from?: string; to?: string; limit: number; offset: number;
}

/** The day a class is listed under: its scheduled day, else the district day it was requested. */
const classDay = sql`coalesce(${educationClasses.scheduledDate}, (${educationClasses.createdAt} at time zone (select d.timezone from districts d where d.id = ${educationClasses.districtId}))::date)`;

/** Classes of the district within `scope`, by day (newest first), with the total before paging. */
export async function findClasses(db: Db, districtId: string, scope: Scope, filter: ClassFilter) {
  const where = and(
    eq(educationClasses.districtId, districtId), inScope(educationClasses.schoolId, scope),
    filter.id ? eq(educationClasses.id, filter.id) : undefined,
    filter.requestedBy ? eq(educationClasses.requestedBy, filter.requestedBy) : undefined,
    filter.schoolId ? eq(educationClasses.schoolId, filter.schoolId) : undefined,
    filter.status ? eq(educationClasses.status, filter.status) : undefined,
    filter.topic ? eq(educationClasses.topic, filter.topic) : undefined,
    filter.from ? gte(classDay, filter.from) : undefined,
    filter.to ? lte(classDay, filter.to) : undefined,
  );
  const [rows, [count]] = await Promise.all([
    db.select(classColumns).from(educationClasses)
      .innerJoin(schools, eq(schools.id, educationClasses.schoolId))
      .innerJoin(requester, eq(requester.id, educationClasses.requestedBy))
      .leftJoin(instructor, eq(instructor.id, educationClasses.instructorId))
      .where(where).orderBy(desc(classDay), desc(educationClasses.number)).limit(filter.limit).offset(filter.offset),
    db.select({ n: sql<number>`count(*)::int` }).from(educationClasses).where(where),
  ]);
  return { rows, total: Number(count!.n) };
}

/** Inserts a class request; answers its id. */
export async function insertClass(db: Db, values: typeof educationClasses.$inferInsert) {
  const [row] = await db.insert(educationClasses).values(values).returning({ id: educationClasses.id });
  return row!.id;
}

/**
 * Changes a class when its status is still one of `from` (so two SROs deciding at once cannot both win); answers
 * whether it did.
 */
export async function updateClass(db: Db, id: string, from: readonly string[], values: Partial<typeof educationClasses.$inferInsert>) {
  const changed = await db.update(educationClasses).set({ ...values, updatedAt: new Date() })
    .where(and(eq(educationClasses.id, id), inArray(educationClasses.status, [...from]))).returning({ id: educationClasses.id });
  return changed.length > 0;
}

/** The instant a class day and start time denote in the district's time zone. */
export async function startInstant(db: Db, districtId: string, date: string, startTime: string): Promise<Date> {
  const [row] = await db.select({ epoch: sql<number>`extract(epoch from ((${date}::date + ${startTime}::time) at time zone ${districts.timezone}))::float8` })
    .from(districts).where(eq(districts.id, districtId));
  return new Date(Number(row!.epoch) * 1000);
}

// ───────────────────────── topics ─────────────────────────

/** The district's own topics, by name. */
export async function findTopics(db: Db, districtId: string) {
  return db.select().from(educationTopics).where(eq(educationTopics.districtId, districtId)).orderBy(asc(educationTopics.name));
}

/** Inserts a district topic. */
export async function insertTopic(db: Db, values: typeof educationTopics.$inferInsert) {
  await db.insert(educationTopics).values(values);
}

/** Changes a district topic. */
export async function updateTopic(db: Db, districtId: string, key: string, values: { name?: string; active?: boolean }) {
  await db.update(educationTopics).set({ ...values, updatedAt: new Date() })
    .where(and(eq(educationTopics.districtId, districtId), eq(educationTopics.key, key)));
}

// ───────────────────────── materials ─────────────────────────

const { legacyBytes: _bytes, ...materialMeta } = getTableColumns(educationMaterials);

/** Materials of some classes (without their bytes), oldest first. */
export async function findMaterials(db: Db, classIds: string[]) {
  if (classIds.length === 0) return [];
  return db.select({ m: materialMeta, uploaderName: users.name }).from(educationMaterials)
    .innerJoin(users, eq(users.id, educationMaterials.uploadedBy))
    .where(inArray(educationMaterials.classId, classIds)).orderBy(asc(educationMaterials.uploadedAt), asc(educationMaterials.id));
}

/** One material of a class with its bytes. */
export async function findMaterial(db: Db, classId: string, id: string) {
  const [row] = await db.select().from(educationMaterials).where(and(eq(educationMaterials.classId, classId), eq(educationMaterials.id, id)));
  return row;
}

/** Inserts a material; answers its id. */
export async function insertMaterial(db: Db, values: typeof educationMaterials.$inferInsert) {
  const [row] = await db.insert(educationMaterials).values(values).returning({ id: educationMaterials.id });
  return row!.id;
}

/** Deletes a material. */
export async function deleteMaterial(db: Db, id: string) {
  await db.delete(educationMaterials).where(eq(educationMaterials.id, id));
}

