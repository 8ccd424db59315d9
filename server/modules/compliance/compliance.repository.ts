import { and, asc, desc, eq, inArray, isNull, or, sql } from 'drizzle-orm';
import type { DrillType, ObserverKind } from '../../../common/preparedness.js';
import type { Scope } from '../../auth/access.js';
import { rows, type Db } from '../../db/connection.js';
import { drillReminders, drills, roleGrants, schoolCalendars, schools, users } from '../../db/schema/index.js';
import { inScope } from '../drills/drills.scope.js';
import { outsiderCut } from '../../auth/holders.js';

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

const OBSERVER_BITS: [ObserverKind, number][] = [['fire_department', 1], ['law_enforcement', 2], ['emergency_management', 4], ['other', 8]];

/** What the rules being evaluated look at beyond type and date; what none of them needs is not read. */
export interface DrillNeeds { ids: boolean; observers: readonly ObserverKind[]; egress: boolean }

/**
 * Completed drills of the district dated from..to (and, judging a past day, recorded before its end), with only what the engine reads, as one row per school
 * of parallel arrays: a district of 500 schools answers 500 rows instead of tens of thousands of objects.
 * Observer kinds travel as a bit mask, and only the kinds some rule asks for; ids only for one school's view.
 */
export async function findCompletedDrills(
  db: Db, districtId: string, from: string, to: string, schoolIds: string[] | null, needs: DrillNeeds, recordedBefore: Date | null = null,
) {
  const bits = OBSERVER_BITS.filter(([kind]) => needs.observers.includes(kind));
  const mask = bits.length
    ? sql.join(bits.map(([kind, bit]) => sql`(case when ${drills.observers} @> ${JSON.stringify([{ kind }])}::jsonb then ${sql.raw(String(bit))} else 0 end)`), sql` | `)
    : null;
  const result = await db.execute(sql`
    select ${drills.schoolId} as school_id,
      ${needs.ids ? sql`array_agg(${drills.id}::text)` : sql`null`} as ids,
      array_agg(${drills.type}) as types,
      array_agg(${drills.date}::text) as dates,
      ${mask ? sql`array_agg(${mask})` : sql`null`} as observers,
      ${needs.egress ? sql`array_agg(${drills.secondaryEgress})` : sql`null`} as egress
    from ${drills}
    where ${drills.districtId} = ${districtId} and ${drills.status} = 'completed' and ${drills.date} between ${from} and ${to}
      ${schoolIds ? sql`and ${drills.schoolId} in ${schoolIds.length ? schoolIds : ['00000000-0000-0000-0000-000000000000']}` : sql``}
      ${recordedBefore ? sql`and coalesce(${drills.completedAt}, ${drills.createdAt}) < ${recordedBefore.toISOString()}::timestamptz` : sql``}
    group by ${drills.schoolId}`);
  const bySchool = new Map<string, { id: string; type: DrillType; date: string; observerKinds: ObserverKind[]; secondaryEgress: boolean }[]>();
  const none: ObserverKind[] = [];
  for (const r of rows<{ school_id: string; ids: string[] | null; types: DrillType[]; dates: string[]; observers: number[] | null; egress: boolean[] | null }>(result)) {
    bySchool.set(r.school_id, r.types.map((type, i) => ({
      id: r.ids?.[i] ?? '', type, date: r.dates[i]!, secondaryEgress: r.egress?.[i] ?? false,
      observerKinds: r.observers?.[i] ? bits.filter(([, bit]) => (r.observers![i]! & bit) !== 0).map(([kind]) => kind) : none,
    })));
  }
  return bySchool;
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
    .where(and(inArray(roleGrants.schoolId, schoolIds), inArray(roleGrants.role, roles), eq(users.active, true), outsiderCut('drill.read')));
}

/** Districts that have drill rules (the reminder run visits these). */
export async function findDistrictsWithRules(db: Db): Promise<string[]> {
  const result = await db.execute<{ district_id: string }>(sql`select distinct district_id from drill_rules`);
  return rows<{ district_id: string }>(result).map((r) => r.district_id);
}
