import { and, desc, eq, gte, inArray, lt, or, sql, type SQL } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Scope } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { campusAreas, districts, patrolEntries, schools, users } from '../../db/schema/index.js';
import { inScope } from '../drills/drills.scope.js';

// Patrol entries; check lists and runs are in checks.repository.ts.

/** Active campus areas of a school among `ids`. */
export async function findAreas(db: Db, schoolId: string, ids: string[]) {
  if (ids.length === 0) return [];
  return db.select({ id: campusAreas.id, name: campusAreas.name }).from(campusAreas)
    .where(and(eq(campusAreas.schoolId, schoolId), eq(campusAreas.active, true), inArray(campusAreas.id, ids)));
}

/** The instant a local day of the district starts (`plusDays` later), in the district's time zone, as SQL. */
export function localDayStart(districtId: string, day: string, plusDays = 0): SQL {
  return sql`((${day}::date + ${plusDays}::int)::timestamp at time zone (select d.timezone from ${districts} d where d.id = ${districtId}))`;
}

const area = alias(campusAreas, 'area');
const entryColumns = { e: patrolEntries, schoolName: schools.name, areaName: area.name, officerName: users.name };
/** A patrol entry with the names it shows. */
export type EntryRow = Awaited<ReturnType<typeof findEntries>>[number];

/** Which entries a reader sees: those at schools where they hold patrol.read, and always their own. */
export interface EntryFilter {
  id?: string; schoolId?: string; officerId?: string; kind?: string; from?: string; to?: string;
}

function entryWhere(districtId: string, scope: Scope, me: string, f: EntryFilter): SQL | undefined {
  const visible = scope.all ? undefined : or(inScope(patrolEntries.schoolId, scope), eq(patrolEntries.officerId, me));
  return and(
    eq(patrolEntries.districtId, districtId), visible,
    f.id ? eq(patrolEntries.id, f.id) : undefined,
    f.schoolId ? eq(patrolEntries.schoolId, f.schoolId) : undefined,
    f.officerId ? eq(patrolEntries.officerId, f.officerId) : undefined,
    f.kind ? eq(patrolEntries.kind, f.kind as never) : undefined,
    f.from ? gte(patrolEntries.startedAt, localDayStart(districtId, f.from)) : undefined,
    f.to ? lt(patrolEntries.startedAt, localDayStart(districtId, f.to, 1)) : undefined,
  );
}

/** Entries a reader sees, newest first. */
export async function findEntries(db: Db, districtId: string, scope: Scope, me: string, f: EntryFilter, page = { limit: 1, offset: 0 }) {
  return db.select(entryColumns).from(patrolEntries)
    .innerJoin(schools, eq(schools.id, patrolEntries.schoolId))
    .innerJoin(users, eq(users.id, patrolEntries.officerId))
    .leftJoin(area, eq(area.id, patrolEntries.areaId))
    .where(entryWhere(districtId, scope, me, f))
    .orderBy(desc(patrolEntries.startedAt), desc(patrolEntries.id))
    .limit(page.limit).offset(page.offset);
}

/** How many entries the same filter finds. */
export async function countEntries(db: Db, districtId: string, scope: Scope, me: string, f: EntryFilter) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(patrolEntries).where(entryWhere(districtId, scope, me, f));
  return row?.n ?? 0;
}

/** One entry of the district, for the officer's own changes (locked for update). */
export async function findOwnEntry(db: Db, districtId: string, officerId: string, id: string) {
  const [row] = await db.select().from(patrolEntries)
    .where(and(eq(patrolEntries.id, id), eq(patrolEntries.districtId, districtId), eq(patrolEntries.officerId, officerId)))
    .for('update');
  return row;
}

/** Inserts an entry; answers its id. */
export async function insertEntry(db: Db, values: typeof patrolEntries.$inferInsert) {
  const [row] = await db.insert(patrolEntries).values(values).returning({ id: patrolEntries.id });
  return row!.id;
}

/** Changes an entry. */
export async function updateEntry(db: Db, id: string, values: Partial<typeof patrolEntries.$inferInsert>) {
  await db.update(patrolEntries).set(values).where(eq(patrolEntries.id, id));
}

/** Deletes an entry. */
export async function deleteEntry(db: Db, id: string) {
  await db.delete(patrolEntries).where(eq(patrolEntries.id, id));
}
