import { and, asc, between, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { ObserverKind } from '../../../common/preparedness.js';
import type { Scope } from '../../auth/access.js';
import { rows, type Db } from '../../db/connection.js';
import { drillReminders, drills, roleGrants, schoolCalendars, schools, users } from '../../db/schema/index.js';
import { inScope } from '../drills/drills.scope.js';

/** Active schools of the district within a scope (or one school), by name. */
export async function findSchools(db: Db, districtId: string, scope: Scope, schoolId?: string) {
  return db.select({ id: schools.id, name: schools.name, level: schools.level }).from(schools)
    .where(and(eq(schools.districtId, districtId), eq(schools.active, true), inScope(schools.id, scope), schoolId ? eq(schools.id, schoolId) : undefined))
    .orderBy(asc(schools.name));
}

/** Calendars of a school year: the district default and the schools' own (all of them, or one school's). */
export async function findYearCalendars(db: Db, districtId: string, schoolYear: number, schoolId?: string) {
  return db.select().from(schoolCalendars).where(and(
    eq(schoolCalendars.districtId, districtId), eq(schoolCalendars.schoolYear, schoolYear),
    schoolId ? or(isNull(schoolCalendars.schoolId), eq(schoolCalendars.schoolId, schoolId)) : undefined,
  ));
}

/**
 * Completed drills of the district dated from..to, with only what the engine reads. The observer kinds
 * come out as a text array so no JSON is parsed per row.
 */
export async function findCompletedDrills(db: Db, districtId: string, from: string, to: string, schoolIds: string[] | null) {
  return db.select({
    id: drills.id, schoolId: drills.schoolId, type: drills.type, date: drills.date, secondaryEgress: drills.secondaryEgress,
    observerKinds: sql<ObserverKind[]>`array(select jsonb_array_elements(${drills.observers}) ->> 'kind')`,
  }).from(drills).where(and(
    eq(drills.districtId, districtId), eq(drills.status, 'completed'), between(drills.date, from, to),
    schoolIds ? inArray(drills.schoolId, schoolIds.length ? schoolIds : ['00000000-0000-0000-0000-000000000000']) : undefined,
  ));
}

/** Stores a reminder unless one exists for the same school, rule, period and window end; answers it when new. */
export async function insertReminder(db: Db, values: typeof drillReminders.$inferInsert) {
  const [row] = await db.insert(drillReminders).values(values).onConflictDoNothing().returning({ id: drillReminders.id });
  return row;
}

/** Records how many e-mails a reminder queued. */
export async function setEmailed(db: Db, id: string, emailed: number) {
  await db.update(drillReminders).set({ emailed }).where(eq(drillReminders.id, id));
}

/** Reminders of the scope's schools whose window ends on or after `since`, newest first. */
export async function findReminders(db: Db, districtId: string, scope: Scope, since: string) {
  return db.select({ reminder: drillReminders, schoolName: schools.name }).from(drillReminders)
    .innerJoin(schools, eq(schools.id, drillReminders.schoolId))
    .where(and(eq(drillReminders.districtId, districtId), inScope(drillReminders.schoolId, scope), sql`${drillReminders.windowEnd} >= ${since}`))
    .orderBy(desc(drillReminders.createdAt)).limit(200);
}

/** Active users holding one of `roles` at one of the schools (school grants), for reminder e-mails. */
export async function findRecipients(db: Db, schoolIds: string[], roles: ('sro' | 'school_admin')[]) {
  if (schoolIds.length === 0) return [];
  return db.selectDistinct({ schoolId: roleGrants.schoolId, email: users.email, name: users.name }).from(roleGrants)
    .innerJoin(users, eq(users.id, roleGrants.userId))
    .where(and(inArray(roleGrants.schoolId, schoolIds), inArray(roleGrants.role, roles), eq(users.active, true)));
}

/** Districts that have drill rules (the reminder run visits these). */
export async function findDistrictsWithRules(db: Db): Promise<string[]> {
  const result = await db.execute<{ district_id: string }>(sql`select distinct district_id from drill_rules`);
  return rows<{ district_id: string }>(result).map((r) => r.district_id);
}
