import { and, desc, eq, gte, inArray, lt, sql, type SQL } from 'drizzle-orm';
import { rows, type Db } from '../../db/connection.js';
import { activityEntries, districts, roleGrants, schools, sroAssignments, users } from '../../db/schema/index.js';
import type { SroInfo } from '../certifications/certifications.policy.js';

const NONE = ['00000000-0000-0000-0000-000000000000'];

/** An SRO with the schools they serve (school grants and assignments). */
export interface OfficerRow extends SroInfo { name: string }

/** Active SROs of the district (or some of them), by name. */
export async function findOfficers(db: Db, districtId: string, userIds?: string[]): Promise<OfficerRow[]> {
  const rows = await db.select({
    id: users.id, name: users.name,
    districtWide: sql<boolean>`bool_or(${roleGrants.schoolId} is null)`,
    schoolIds: sql<string[]>`array_remove(array_agg(distinct ${roleGrants.schoolId}) || array(select a.school_id from ${sroAssignments} a where a.user_id = ${users.id}), null)`,
  }).from(users).innerJoin(roleGrants, and(eq(roleGrants.userId, users.id), eq(roleGrants.role, 'sro')))
    .where(and(eq(users.districtId, districtId), eq(users.active, true), userIds ? inArray(users.id, userIds.length ? userIds : NONE) : undefined))
    .groupBy(users.id, users.name).orderBy(users.name);
  return rows.map((r) => ({ ...r, schoolIds: [...new Set(r.schoolIds.map(String))] }));
}

/** Names of some schools of the district. */
export async function findSchoolNames(db: Db, districtId: string, ids: string[]) {
  if (ids.length === 0) return new Map<string, string>();
  const rows = await db.select({ id: schools.id, name: schools.name }).from(schools).where(and(eq(schools.districtId, districtId), inArray(schools.id, ids)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** The district's time zone: months and weeks of the log are counted in it. */
export async function findTimeZone(db: Db, districtId: string): Promise<string> {
  const [row] = await db.select({ tz: districts.timezone }).from(districts).where(eq(districts.id, districtId));
  return row?.tz ?? 'UTC';
}

/** The instant a local day starts in a time zone (`plusDays` later), as SQL. */
export function dayStart(day: string, timeZone: string, plusDays = 0): SQL {
  return sql`((${day}::date + ${plusDays}::int)::timestamp at time zone ${timeZone})`;
}

/** A filter of the log. `userIds` are the people whose entries may be listed (already authorized). */
export interface EntryFilter {
  userIds: string[]; schoolId?: string; kind?: string; triadRole?: string; from?: string; to?: string; timeZone: string;
}

function entryWhere(districtId: string, f: EntryFilter): SQL | undefined {
  return and(
    eq(activityEntries.districtId, districtId), inArray(activityEntries.userId, f.userIds.length ? f.userIds : NONE),
    f.schoolId ? eq(activityEntries.schoolId, f.schoolId) : undefined,
    f.kind ? eq(activityEntries.kind, f.kind) : undefined,
    f.triadRole ? eq(activityEntries.triadRole, f.triadRole) : undefined,
    f.from ? gte(activityEntries.startedAt, dayStart(f.from, f.timeZone)) : undefined,
    f.to ? lt(activityEntries.startedAt, dayStart(f.to, f.timeZone, 1)) : undefined,
  );
}

/** Entries of the filter, newest first, with the person's and school's names. */
export async function findEntries(db: Db, districtId: string, f: EntryFilter, page = { limit: 1, offset: 0 }) {
  return db.select({ a: activityEntries, userName: users.name, schoolName: schools.name }).from(activityEntries)
    .innerJoin(users, eq(users.id, activityEntries.userId)).leftJoin(schools, eq(schools.id, activityEntries.schoolId))
    .where(entryWhere(districtId, f)).orderBy(desc(activityEntries.startedAt), desc(activityEntries.id))
    .limit(page.limit).offset(page.offset);
}
/** A log entry with names. */
export type EntryRow = Awaited<ReturnType<typeof findEntries>>[number];

/** One entry of the district with names. */
export async function findEntry(db: Db, districtId: string, id: string) {
  const [row] = await db.select({ a: activityEntries, userName: users.name, schoolName: schools.name }).from(activityEntries)
    .innerJoin(users, eq(users.id, activityEntries.userId)).leftJoin(schools, eq(schools.id, activityEntries.schoolId))
    .where(and(eq(activityEntries.id, id), eq(activityEntries.districtId, districtId)));
  return row;
}

/** How many entries the filter finds. */
export async function countEntries(db: Db, districtId: string, f: EntryFilter) {
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(activityEntries).where(entryWhere(districtId, f));
  return row?.n ?? 0;
}

/** One entry of the district, locked for a change. */
export async function findEntryForUpdate(db: Db, districtId: string, id: string) {
  const [row] = await db.select().from(activityEntries).where(and(eq(activityEntries.id, id), eq(activityEntries.districtId, districtId))).for('update');
  return row;
}

/** Inserts an entry typed by hand; answers its id. */
export async function insertEntry(db: Db, values: typeof activityEntries.$inferInsert) {
  const [row] = await db.insert(activityEntries).values(values).returning({ id: activityEntries.id });
  return row!.id;
}

/** Changes an entry. */
export async function updateEntry(db: Db, id: string, values: Partial<typeof activityEntries.$inferInsert>) {
  await db.update(activityEntries).set(values).where(eq(activityEntries.id, id));
}

/** Deletes an entry. */
export async function deleteEntry(db: Db, id: string) {
  await db.delete(activityEntries).where(eq(activityEntries.id, id));
}

/**
 * Minutes of one person per period (local week from Monday, or month) and triad role, and per school and role,
 * between two local days (inclusive): two grouping sets over one index range.
 */
export async function sumHours(db: Db, districtId: string, userId: string, period: 'week' | 'month', from: string, to: string, timeZone: string) {
  return rows<HoursRow>(await db.execute(sql`
    select period_start, school_id, triad_role, grouping(period_start)::int as by_school, sum(minutes)::int as minutes
    from (
      select to_char(date_trunc(${period}, a.started_at at time zone ${timeZone}), 'YYYY-MM-DD') as period_start,
        a.school_id, a.triad_role, a.duration_minutes as minutes
      from ${activityEntries} a
      where a.district_id = ${districtId} and a.user_id = ${userId}
        and a.started_at >= ${dayStart(from, timeZone)} and a.started_at < ${dayStart(to, timeZone, 1)}
    ) e
    group by grouping sets ((period_start, triad_role), (school_id, triad_role))`));
}
/** One aggregate row of sumHours: by period (by_school 0) or by school (by_school 1). */
export interface HoursRow { period_start: string | null; school_id: string | null; triad_role: string; by_school: number; minutes: number }
