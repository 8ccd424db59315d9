import { and, asc, eq, isNull, sql } from 'drizzle-orm';
import type { Scope } from '../../auth/access.js';
import type { Db } from '../../db/connection.js';
import { schoolCalendars, schools } from '../../db/schema/index.js';
import type { CalendarBody } from './calendars.schemas.js';
import { inScopeOrDistrict } from '../drills/drills.scope.js';

const columns = {
  id: schoolCalendars.id, schoolId: schoolCalendars.schoolId, schoolName: schools.name, schoolYear: schoolCalendars.schoolYear,
  firstDay: schoolCalendars.firstDay, lastDay: schoolCalendars.lastDay, semesters: schoolCalendars.semesters,
  summerStart: schoolCalendars.summerStart, summerEnd: schoolCalendars.summerEnd, closedDays: schoolCalendars.closedDays,
  updatedAt: schoolCalendars.updatedAt,
};
/** A calendar row as the repository reads it. */
export type CalendarRow = Awaited<ReturnType<typeof findCalendars>>[number];

/** Calendars of the district within a scope (district defaults always), filtered. */
export async function findCalendars(db: Db, districtId: string, scope: Scope, filter: { schoolYear?: number; schoolId?: string | null }) {
  const conditions = [eq(schoolCalendars.districtId, districtId), inScopeOrDistrict(schoolCalendars.schoolId, scope)];
  if (filter.schoolYear !== undefined) conditions.push(eq(schoolCalendars.schoolYear, filter.schoolYear));
  if (filter.schoolId === null) conditions.push(isNull(schoolCalendars.schoolId));
  else if (filter.schoolId) conditions.push(eq(schoolCalendars.schoolId, filter.schoolId));
  return db.select(columns).from(schoolCalendars).leftJoin(schools, eq(schools.id, schoolCalendars.schoolId))
    .where(and(...conditions)).orderBy(asc(schoolCalendars.schoolYear), sql`${schools.name} nulls first`);
}

/** The calendar of a school for a year: its own, else the district default; undefined without either. */
export async function findEffectiveCalendar(db: Db, districtId: string, schoolId: string, schoolYear: number) {
  const rows = await db.select(columns).from(schoolCalendars).leftJoin(schools, eq(schools.id, schoolCalendars.schoolId))
    .where(and(eq(schoolCalendars.districtId, districtId), eq(schoolCalendars.schoolYear, schoolYear),
      sql`(${schoolCalendars.schoolId} = ${schoolId} or ${schoolCalendars.schoolId} is null)`))
    .orderBy(sql`${schoolCalendars.schoolId} nulls last`).limit(1);
  return rows[0];
}

/** Creates or replaces the calendar of (school or district, year); answers its id. */
export async function saveCalendar(db: Db, districtId: string, c: CalendarBody): Promise<{ id: string; created: boolean }> {
  const values = {
    districtId, schoolId: c.schoolId, schoolYear: c.schoolYear, firstDay: c.firstDay, lastDay: c.lastDay, semesters: c.semesters,
    summerStart: c.summerSession?.start ?? null, summerEnd: c.summerSession?.end ?? null, closedDays: c.closedDays,
  };
  const schoolMatch = c.schoolId === null ? isNull(schoolCalendars.schoolId) : eq(schoolCalendars.schoolId, c.schoolId);
  const [existing] = await db.select({ id: schoolCalendars.id }).from(schoolCalendars)
    .where(and(eq(schoolCalendars.districtId, districtId), schoolMatch, eq(schoolCalendars.schoolYear, c.schoolYear))).for('update');
  if (existing) {
    await db.update(schoolCalendars).set({ ...values, updatedAt: new Date() }).where(eq(schoolCalendars.id, existing.id));
    return { id: existing.id, created: false };
  }
  const [row] = await db.insert(schoolCalendars).values(values).returning({ id: schoolCalendars.id });
  return { id: row!.id, created: true };
}
