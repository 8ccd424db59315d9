import { and, asc, eq, ilike, inArray, or, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { AuditEntry, AuditWho } from '../../audit/audit.js';
import { readOneAudited } from '../../audit/audited-read.js';
import type { Scope } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { campusAreas, schoolFeeders, schools } from '../../db/schema/index.js';
import type { CreateArea, CreateSchool, UpdateArea, UpdateSchool } from './schools.schemas.js';

/** A WHERE condition limiting `column` to a scope; null when the scope is the whole district. */
export function inScope(column: Parameters<typeof inArray>[0], scope: Scope): SQL | undefined {
  return scope.all ? undefined : inArray(column, scope.schoolIds.length ? scope.schoolIds : ['00000000-0000-0000-0000-000000000000']);
}

/** Schools of a district within a scope, filtered and ordered by name. */
export async function findSchools(
  db: Db, districtId: string, scope: Scope, filter: { q?: string; level?: CreateSchool['level']; includeInactive?: boolean },
) {
  const conditions = [eq(schools.districtId, districtId), inScope(schools.id, scope)];
  if (filter.level) conditions.push(eq(schools.level, filter.level));
  if (!filter.includeInactive) conditions.push(eq(schools.active, true));
  if (filter.q) conditions.push(or(ilike(schools.name, `%${filter.q}%`), ilike(schools.city, `%${filter.q}%`), eq(schools.ncesId, filter.q)));
  return db.select().from(schools).where(and(...conditions)).orderBy(asc(schools.name));
}

/** One school of the district, or undefined. */
export async function findSchool(db: Db, districtId: string, id: string) {
  const [row] = await db.select().from(schools).where(and(eq(schools.id, id), eq(schools.districtId, districtId)));
  return row;
}

/** One school of the district, with the audit event of the read written in the same statement. */
export async function readSchoolAudited(db: Db, districtId: string, id: string, who: AuditWho, entry: AuditEntry) {
  return readOneAudited(db, schools, and(eq(schools.id, id), eq(schools.districtId, districtId))!, who, entry);
}

/** Inserts a school. */
export async function insertSchool(db: Db, districtId: string, input: CreateSchool) {
  const [row] = await db.insert(schools).values({ ...input, districtId }).returning();
  return row!;
}

/** Updates a school of the district. */
export async function updateSchool(db: Db, districtId: string, id: string, input: UpdateSchool) {
  const [row] = await db.update(schools).set({ ...input, updatedAt: new Date() })
    .where(and(eq(schools.id, id), eq(schools.districtId, districtId))).returning();
  return row;
}

/** Schools feeding `schoolId` and schools it feeds. */
export async function findFeeders(db: Db, schoolId: string) {
  const other = alias(schools, 'other');
  const brief = { id: other.id, name: other.name, level: other.level };
  const [feeders, feedsInto] = await Promise.all([
    db.select(brief).from(schoolFeeders).innerJoin(other, eq(other.id, schoolFeeders.feederSchoolId))
      .where(eq(schoolFeeders.schoolId, schoolId)).orderBy(asc(other.name)),
    db.select(brief).from(schoolFeeders).innerJoin(other, eq(other.id, schoolFeeders.schoolId))
      .where(eq(schoolFeeders.feederSchoolId, schoolId)).orderBy(asc(other.name)),
  ]);
  return { feeders, feedsInto };
}

/** Adds a feeder relation (no-op when it exists). */
export async function insertFeeder(db: Db, schoolId: string, feederSchoolId: string) {
  const rows = await db.insert(schoolFeeders).values({ schoolId, feederSchoolId }).onConflictDoNothing().returning();
  return rows.length > 0;
}

/** Removes a feeder relation; true when one was removed. */
export async function deleteFeeder(db: Db, schoolId: string, feederSchoolId: string) {
  const rows = await db.delete(schoolFeeders)
    .where(and(eq(schoolFeeders.schoolId, schoolId), eq(schoolFeeders.feederSchoolId, feederSchoolId))).returning();
  return rows.length > 0;
}

/** Campus areas of a school, ordered by kind and name. */
export async function findAreas(db: Db, schoolId: string) {
  return db.select().from(campusAreas).where(eq(campusAreas.schoolId, schoolId)).orderBy(asc(campusAreas.kind), asc(campusAreas.name));
}

/** One campus area, or undefined. */
export async function findArea(db: Db, id: string) {
  const [row] = await db.select().from(campusAreas).where(eq(campusAreas.id, id));
  return row;
}

/** Inserts a campus area. */
export async function insertArea(db: Db, schoolId: string, input: CreateArea) {
  const [row] = await db.insert(campusAreas).values({ ...input, schoolId }).returning();
  return row!;
}

/** Updates a campus area of a school. */
export async function updateArea(db: Db, schoolId: string, id: string, input: UpdateArea) {
  const [row] = await db.update(campusAreas).set({ ...input, updatedAt: new Date() })
    .where(and(eq(campusAreas.id, id), eq(campusAreas.schoolId, schoolId))).returning();
  return row;
}
